// airlock itself as a tool, so self-protection rules can match its verbs
// (`shims uninstall`, `config set`, `approve`) like any other command.

import { once } from '../once.js';
import type { SimpleCommand } from '../parse/command.js';
import { type ArgvSpec, parseArgv } from './argv.js';
import type { Recognition, RecognizeContext, Recognizer } from './invocation.js';
import { argsOf, makeInvocation } from './make-invocation.js';

const leaf: ArgvSpec = { options: { help: { short: 'h' }, json: {}, force: { short: 'f' } } };
/** approve/deny take values; `--for 1h` must not read as a second request id. */
const decision = once(
  (): ArgvSpec => ({
    options: {
      ...leaf.options,
      all: {},
      note: { value: 'required' },
      for: { value: 'required' },
      reason: { value: 'required' },
    },
  }),
);
const withVerbs = (verbs: string[]): ArgvSpec => ({
  ...leaf,
  subcommands: Object.fromEntries(verbs.map((v) => [v, leaf])),
});

const spec = once(
  (): ArgvSpec => ({
    options: { help: { short: 'h' }, version: { short: 'V' } },
    subcommands: {
      check: leaf,
      run: { ...leaf, optionsAfterPositionals: false },
      sh: leaf,
      hook: leaf,
      shell: leaf,
      shims: withVerbs(['install', 'uninstall', 'remove', 'list', 'status']),
      config: withVerbs(['get', 'set', 'unset', 'edit', 'list', 'show', 'path', 'reset', 'init']),
      approve: decision(),
      deny: decision(),
      pending: leaf,
      inbox: leaf,
      log: leaf,
      export: leaf,
      verify: leaf,
      undo: leaf,
      trash: withVerbs(['list', 'empty', 'purge', 'restore']),
      rules: withVerbs(['list', 'test', 'explain']),
      doctor: leaf,
    },
  }),
);

function recognizeAirlock(command: SimpleCommand, _ctx: RecognizeContext): Recognition {
  const parsed = parseArgv(argsOf(command), spec());
  return { invocations: [makeInvocation(command, { tool: 'airlock', parsed })] };
}

export const airlockRecognizer: Recognizer = {
  programs: ['airlock', 'airlock-sh'],
  recognize: recognizeAirlock,
};
