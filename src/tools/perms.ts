// chmod, chown and chgrp: the first operand is the mode or owner, the rest are targets.

import type { SimpleCommand } from '../parse/command.js';
import { type ArgvSpec, hasFlag, parseArgv } from './argv.js';
import type { Recognition, RecognizeContext, Recognizer } from './invocation.js';
import { argsOf, makeInvocation } from './make-invocation.js';
import { pathTargets } from './paths.js';

const spec: ArgvSpec = {
  options: {
    help: {},
    version: {},
    recursive: { short: 'R' },
    changes: { short: 'c' },
    silent: { short: 'f', aliases: ['quiet'] },
    verbose: { short: 'v' },
    reference: { value: 'required' },
    dereference: {},
    'no-dereference': { short: 'h' },
    'preserve-root': {},
    'no-preserve-root': {},
    from: { value: 'required' },
    traverse: { short: 'HLP' },
  },
};

function recognizePerms(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  const program = command.program ?? 'chmod';
  // `chmod -w file` is a mode, not an option: treat a leading `-` mode word as the mode.
  const words = argsOf(command);
  const parsed = parseArgv(words, spec);
  if (program === 'chmod') {
    for (const unknown of parsed.unknownOptions)
      if (/^-[rwxXst]/.test(unknown)) parsed.flags.mode = [unknown];
  }
  const byReference = hasFlag(parsed.flags, 'reference');
  const modeGiven = program === 'chmod' && parsed.flags.mode !== undefined;
  const targetWords = byReference || modeGiven ? parsed.positionalWords : parsed.positionalWords.slice(1);
  const targets = pathTargets(targetWords, command, ctx);
  return {
    invocations: [
      makeInvocation(command, {
        tool: program,
        parsed,
        targets,
        facts: { recursive: hasFlag(parsed.flags, 'recursive') },
      }),
    ],
  };
}

export const permsRecognizer: Recognizer = {
  programs: ['chmod', 'chown', 'chgrp'],
  recognize: recognizePerms,
};
