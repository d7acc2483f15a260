// shred and truncate: tools whose whole purpose is to destroy or cut a file's content.

import type { SimpleCommand } from '../parse/command.js';
import { type ArgvSpec, lastFlag, parseArgv } from './argv.js';
import type { Recognition, RecognizeContext, Recognizer } from './invocation.js';
import { argsOf, makeInvocation } from './make-invocation.js';
import { pathTargets } from './paths.js';

const req = { value: 'required' } as const;

const shredSpec: ArgvSpec = {
  options: {
    help: {},
    version: {},
    force: { short: 'f' },
    iterations: { short: 'n', ...req },
    size: { short: 's', ...req },
    remove: { short: 'u', value: 'optional' },
    verbose: { short: 'v' },
    exact: { short: 'x' },
    zero: { short: 'z' },
    'random-source': req,
  },
};

const truncateSpec: ArgvSpec = {
  options: {
    help: {},
    version: {},
    'no-create': { short: 'c' },
    'io-blocks': { short: 'o' },
    reference: { short: 'r', ...req },
    size: { short: 's', ...req },
  },
};

function recognizeShred(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  const parsed = parseArgv(argsOf(command), shredSpec);
  const targets = pathTargets(parsed.positionalWords, command, ctx);
  return { invocations: [makeInvocation(command, { tool: 'shred', parsed, targets })] };
}

function recognizeTruncate(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  const parsed = parseArgv(argsOf(command), truncateSpec);
  const targets = pathTargets(parsed.positionalWords, command, ctx);
  const size = lastFlag(parsed.flags, 'size');
  // `-s +1M` and `-s >1M` only grow a file; anything else can cut it.
  const grows = size !== undefined && (size.startsWith('+') || size.startsWith('>'));
  return {
    invocations: [
      makeInvocation(command, { tool: 'truncate', parsed, targets, facts: { 'truncate.shrinks': !grows } }),
    ],
  };
}

export const shredRecognizer: Recognizer = { programs: ['shred'], recognize: recognizeShred };
export const truncateRecognizer: Recognizer = { programs: ['truncate'], recognize: recognizeTruncate };
