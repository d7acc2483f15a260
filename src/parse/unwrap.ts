// Wrappers that run another command (`sudo -u x rm …` must not hide the `rm`): finds the
// wrapped argv after the wrapper's own options.

import type { ArgWord } from './command.js';
import { unwrapFlock, unwrapParallel, unwrapWatch, unwrapXargs } from './unwrap-batch.js';
import {
  hasOption,
  type OptionSpec,
  optionValue,
  type ParsedOptions,
  parseOptions,
  wordTexts,
} from './unwrap-options.js';
import { type EnvEdit, syntheticWord, type UnwrapStep } from './unwrap-types.js';

type Unwrapper = (argv: ArgWord[]) => UnwrapStep;

/** Wrappers with plain options followed by the command. */
const SIMPLE: Record<string, OptionSpec> = {
  builtin: {},
  nohup: {},
  setsid: {},
  unbuffer: {},
  chronic: {},
  busybox: {},
  nice: { short: 'n', long: ['adjustment'], numeric: true },
  ionice: { short: 'cnpPu' },
  time: { short: 'fo', long: ['format', 'output'] },
  stdbuf: { short: 'ioe', long: ['input', 'output', 'error'] },
  caffeinate: { short: 'tw' },
  torsocks: { short: 'uapP', long: ['user', 'pass', 'address', 'port'] },
  proxychains: { short: 'f' },
  proxychains4: { short: 'f' },
  strace: { short: 'eopsuEabIOSXP' },
  ltrace: { short: 'eopsunaADFl' },
  pkexec: { long: ['user'] },
};

const SUDO: OptionSpec = {
  short: 'ugpChDrtTUR',
  long: [
    'user',
    'group',
    'prompt',
    'close-from',
    'host',
    'chdir',
    'role',
    'type',
    'command-timeout',
    'other-user',
    'chroot',
  ],
};

const SYSTEMD_RUN: OptionSpec = {
  short: 'upEMH',
  long: [
    'unit',
    'property',
    'setenv',
    'machine',
    'host',
    'description',
    'slice',
    'uid',
    'gid',
    'nice',
    'working-directory',
    'on-active',
    'on-boot',
    'on-startup',
    'on-unit-active',
    'on-unit-inactive',
    'on-calendar',
    'on-clock-change',
    'on-timezone-change',
    'timer-property',
    'path-property',
    'socket-property',
    'service-type',
  ],
};

export function unwrapStep(program: string, argv: ArgWord[]): UnwrapStep {
  const special = SPECIAL[program];
  if (special) return special(argv);
  const spec = SIMPLE[program];
  if (spec === undefined) return { kind: 'none' };
  return innerAfter(argv, parseOptions(argv, 1, spec));
}

const SPECIAL: Record<string, Unwrapper> = {
  sudo: unwrapSudo,
  doas: unwrapDoas,
  env: unwrapEnv,
  command: (argv) => {
    const parsed = parseOptions(argv, 1, {});
    // `command -v rm` only looks the name up.
    if (hasOption(parsed, 'v', 'V')) return { kind: 'none' };
    return innerAfter(argv, parsed);
  },
  exec: (argv) => innerAfter(argv, parseOptions(argv, 1, { short: 'a' })),
  timeout: (argv) => {
    const parsed = parseOptions(argv, 1, { short: 'sk', long: ['signal', 'kill-after'] });
    // The duration comes before the command.
    return innerAfter(argv, { ...parsed, next: parsed.next + 1 }, parsed.next);
  },
  chroot: (argv) => {
    const parsed = parseOptions(argv, 1, { long: ['userspec', 'groups'] });
    const step = innerAfter(argv, { ...parsed, next: parsed.next + 1 }, parsed.next);
    return step.kind === 'inner' ? { ...step, cwd: { path: undefined } } : step;
  },
  runuser: (argv) => {
    // `runuser -u user -- cmd args` runs argv directly; with -c it runs shell text (nested).
    const parsed = parseOptions(argv, 1, {
      short: 'cslgGwu',
      long: ['command', 'session-command', 'shell', 'group', 'supp-group', 'user'],
    });
    if (!hasOption(parsed, 'u', 'user') || hasOption(parsed, 'c', 'command', 'session-command'))
      return { kind: 'none' };
    return innerAfter(argv, parsed);
  },
  // `systemd-run [options] cmd…` starts the command as a transient unit (now or on a timer).
  'systemd-run': (argv) => innerAfter(argv, parseOptions(argv, 1, SYSTEMD_RUN)),
  watch: unwrapWatch,
  xargs: unwrapXargs,
  parallel: unwrapParallel,
  flock: unwrapFlock,
};

/** The command starts at `parsed.next`; the wrapper's args are everything before it. */
export function innerAfter(argv: ArgWord[], parsed: ParsedOptions, minimumNext = 0): UnwrapStep {
  const name = argv[0]?.value ?? '';
  const wrapper = { name, args: wordTexts(argv, 1, Math.min(parsed.next, argv.length)) };
  if (parsed.dynamic !== undefined)
    return { kind: 'stuck', reason: `${name} argument ${parsed.dynamic}`, wrapper };
  if (parsed.next >= argv.length || parsed.next <= minimumNext) return { kind: 'none' };
  return { kind: 'inner', argv: argv.slice(parsed.next), wrapper };
}

/** `NAME=value` words after sudo's and env's options set the command's environment. */
function takeAssignments(argv: ArgWord[], start: number, edit: EnvEdit): number | { dynamic: string } {
  let i = start;
  for (; i < argv.length; i++) {
    const word = argv[i]!;
    if (word.value === undefined) {
      if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(word.text)) {
        const name = word.text.slice(0, word.text.indexOf('='));
        edit.set = { ...edit.set, [name]: undefined };
        continue;
      }
      return word.dynamic === undefined ? i : { dynamic: `${word.text} (${word.dynamic})` };
    }
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(word.value);
    if (!match) break;
    edit.set = { ...edit.set, [match[1]!]: word.value.slice(match[0].length) };
  }
  return i;
}

function unwrapSudo(argv: ArgWord[]): UnwrapStep {
  const parsed = parseOptions(argv, 1, SUDO);
  const edit: EnvEdit = {};
  const next = parsed.dynamic === undefined ? takeAssignments(argv, parsed.next, edit) : parsed.next;
  const wrapper = { name: 'sudo', args: wordTexts(argv, 1, typeof next === 'number' ? next : parsed.next) };
  if (parsed.dynamic !== undefined)
    return { kind: 'stuck', reason: `sudo argument ${parsed.dynamic}`, wrapper };
  if (typeof next !== 'number') return { kind: 'stuck', reason: `sudo argument ${next.dynamic}`, wrapper };
  // Listing, editing and validating do not run the command.
  if (hasOption(parsed, 'l', 'list', 'e', 'edit', 'v', 'validate', 'V', 'version', 'K', 'remove-timestamp')) {
    return { kind: 'none' };
  }
  const chdir = optionValue(parsed, 'D', 'chdir');
  const cwd = chdir ? { cwd: { path: chdir.value } } : {};
  if (next >= argv.length) {
    if (!hasOption(parsed, 's', 'shell', 'i', 'login')) return { kind: 'none' };
    // `sudo -s` / `sudo -i` alone opens a root shell.
    return { kind: 'inner', argv: [syntheticWord('bash', argv[0]!)], wrapper, env: edit, ...cwd };
  }
  return { kind: 'inner', argv: argv.slice(next), wrapper, env: edit, ...cwd };
}

function unwrapDoas(argv: ArgWord[]): UnwrapStep {
  const parsed = parseOptions(argv, 1, { short: 'uC' });
  const step = innerAfter(argv, parsed);
  if (
    step.kind === 'none' &&
    parsed.dynamic === undefined &&
    parsed.next >= argv.length &&
    hasOption(parsed, 's')
  ) {
    const wrapper = { name: 'doas', args: wordTexts(argv, 1, argv.length) };
    return { kind: 'inner', argv: [syntheticWord('sh', argv[0]!)], wrapper };
  }
  return step;
}

function unwrapEnv(argv: ArgWord[]): UnwrapStep {
  const parsed = parseOptions(argv, 1, { short: 'uCSP', long: ['unset', 'chdir', 'split-string'] });
  let next = parsed.next;
  const edit: EnvEdit = {};
  if (hasOption(parsed, 'i', 'ignore-environment')) edit.clear = true;
  while (argv[next]?.value === '-') {
    edit.clear = true;
    next++;
  }
  edit.unset = parsed.options.filter((o) => o.name === 'u' || o.name === 'unset').map((o) => o.value ?? '');
  const wrapper = { name: 'env', args: wordTexts(argv, 1, next) };
  if (parsed.dynamic !== undefined)
    return { kind: 'stuck', reason: `env argument ${parsed.dynamic}`, wrapper };
  const split = optionValue(parsed, 'S', 'split-string');
  if (split) {
    if (split.value === undefined)
      return { kind: 'stuck', reason: 'env -S string is not known statically', wrapper };
    // `env -S 'rm -rf' /`: the string's words come first, then the rest; env reads them again.
    const words = splitEnvString(split.value).map((value) => syntheticWord(value, argv[0]!));
    return { kind: 'inner', argv: [argv[0]!, ...words, ...argv.slice(next)], wrapper, env: edit };
  }
  const after = takeAssignments(argv, next, edit);
  if (typeof after !== 'number') return { kind: 'stuck', reason: `env argument ${after.dynamic}`, wrapper };
  wrapper.args = wordTexts(argv, 1, after);
  if (after >= argv.length) return { kind: 'none' };
  const chdir = optionValue(parsed, 'C', 'chdir');
  const cwd = chdir ? { cwd: { path: chdir.value } } : {};
  return { kind: 'inner', argv: argv.slice(after), wrapper, env: edit, ...cwd };
}

/** `env -S` splitting: whitespace separates, single and double quotes group, backslash escapes. */
export function splitEnvString(text: string): string[] {
  const words: string[] = [];
  let current = '';
  let started = false;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < text.length) current += text[++i];
      else current += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      started = true;
    } else if (c === ' ' || c === '\t' || c === '\n') {
      if (started) words.push(current);
      current = '';
      started = false;
    } else {
      current += c === '\\' && i + 1 < text.length ? text[++i] : c;
      started = true;
    }
  }
  if (started) words.push(current);
  return words;
}
