// crontab: listing reads; installing a file or stdin replaces every job, and -r removes them.
// The jobs it installs run later, unseen, so a replacement is guarded like a hidden effect.

import type { SimpleCommand } from '../parse/command.js';
import { type ArgvSpec, hasFlag, parseArgv } from './argv.js';
import type { Recognition, RecognizeContext, Recognizer } from './invocation.js';
import { argsOf, makeInvocation } from './make-invocation.js';

const spec: ArgvSpec = {
  options: {
    help: { short: 'h' },
    list: { short: 'l' },
    remove: { short: 'r' },
    edit: { short: 'e' },
    ask: { short: 'i' },
    user: { short: 'u', value: 'required' },
    test: { short: 'T' },
    host: { short: 'n', value: 'optional' },
    'show-host': { short: 'c' },
    version: { short: 'V' },
  },
};

function recognizeCrontab(command: SimpleCommand, _ctx: RecognizeContext): Recognition {
  const parsed = parseArgv(argsOf(command), spec);
  const reads = hasFlag(parsed.flags, 'list', 'test', 'show-host', 'version', 'help', 'edit');
  const removes = hasFlag(parsed.flags, 'remove');
  // `crontab FILE`, `crontab -` and a bare `crontab` (stdin) install a new table.
  const replaces = !reads && !removes;
  return {
    invocations: [
      makeInvocation(command, {
        tool: 'crontab',
        parsed,
        facts: { 'crontab.replaces': replaces, 'crontab.removes': removes },
      }),
    ],
  };
}

export const crontabRecognizer: Recognizer = { programs: ['crontab'], recognize: recognizeCrontab };
