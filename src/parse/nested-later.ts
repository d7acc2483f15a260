// Commands that run shell text later or under another program: `at` and `batch` (a job read
// from stdin or -f FILE), `script -c CMD` (a command recorded in a typescript), and text
// written into a shell startup file (`echo 'rm -rf ~' >> ~/.bashrc` runs at every login).

import { posix } from 'node:path';
import type { Origin, SimpleCommand } from './command.js';
import { createState } from './expand-state.js';
import { runFile, runStdinScript } from './nested.js';
import { newProcessState, reparse, runText } from './nested-run.js';
import { hasOption, optionValue, type ParsedOptions, parseOptions } from './unwrap-options.js';
import { joinWords } from './unwrap-types.js';
import type { Frame, Sink } from './walk-types.js';

const AT_SPEC = { short: 'fqt' };

/** `at now <<< 'cmd'`, `echo cmd | at 10:00`, `at -f job.sh now`: the job is shell text. */
export function runAt(command: SimpleCommand, frame: Frame, sink: Sink): boolean {
  const parsed = parseOptions(command.argv, 1, AT_SPEC);
  if (parsed.dynamic !== undefined) return false;
  // Listing, removing and showing jobs run nothing new.
  if (hasOption(parsed, 'l', 'r', 'd', 'c', 'V')) return false;
  const origin: Origin = { kind: 'scheduled', detail: command.program };
  const state = newProcessState(command);
  const file = optionValue(parsed, 'f');
  if (file !== undefined) {
    const word = command.argv.find((w) => w.value === file.value) ?? command.argv[0]!;
    return runFile(command, { ...word, value: file.value }, origin, state, frame, sink);
  }
  return runStdinScript(command, state, frame, sink, origin);
}

const SCRIPT_SPEC = {
  short: 'cEIOBTm',
  attachedOnly: 't',
  long: ['command', 'echo', 'log-in', 'log-out', 'log-io', 'log-timing', 'logging-format', 'output-limit'],
};

/** util-linux takes options anywhere: `script -q /dev/null -c 'cmd'`. */
function parseScriptOptions(command: SimpleCommand): ParsedOptions & { positional: number[] } {
  const all: ParsedOptions & { positional: number[] } = {
    options: [],
    next: command.argv.length,
    positional: [],
  };
  let i = 1;
  while (i < command.argv.length) {
    const parsed = parseOptions(command.argv, i, SCRIPT_SPEC);
    all.options.push(...parsed.options);
    if (parsed.dynamic !== undefined) return { ...all, dynamic: parsed.dynamic };
    if (parsed.next >= command.argv.length) break;
    all.positional.push(parsed.next);
    i = parsed.next + 1;
  }
  return all;
}

/** `script -qc 'rm -rf /' /dev/null` (util-linux) and `script -q /dev/null rm -rf /` (BSD). */
export function runTypescript(command: SimpleCommand, frame: Frame, sink: Sink): boolean {
  const parsed = parseScriptOptions(command);
  if (parsed.dynamic !== undefined) return false;
  const origin: Origin = { kind: 'shell -c', detail: 'script' };
  const state = newProcessState(command);
  const body = optionValue(parsed, 'c', 'command');
  if (body !== undefined) {
    const word = command.argv.find((w) => w.value === body.value) ?? command.argv[0]!;
    const text =
      body.value === undefined ? { ...word, value: undefined, dynamic: 'not known statically' } : word;
    return runText(command, text, origin, state, frame, sink);
  }
  // BSD: the words after the output file are the command.
  const [, first] = parsed.positional;
  if (first === undefined) return false;
  const joined = joinWords(command.argv.slice(first));
  if (joined.text === undefined) return false;
  return reparse(command, joined.text, origin, state, joined.span, frame, sink);
}

const STARTUP_NAMES = new Set([
  '.bashrc',
  '.bash_profile',
  '.bash_login',
  '.bash_logout',
  '.profile',
  '.zshrc',
  '.zshenv',
  '.zprofile',
  '.zlogin',
  '.zlogout',
  '.kshrc',
  '.mkshrc',
  'config.fish',
  'bash.bashrc',
]);

/** A file every new shell runs: `~/.bashrc`, `~/.zshrc`, `/etc/profile.d/x.sh`… */
export function isShellStartupFile(path: string): boolean {
  const name = posix.basename(path);
  if (STARTUP_NAMES.has(name)) return true;
  return path === '/etc/profile' || path.startsWith('/etc/profile.d/') || path === '/etc/environment';
}

/**
 * What a command prints, when that is known from the line: `echo`/`printf '%s'`-free text,
 * or `cat` of a static heredoc. Undefined when the output is not known.
 */
export function staticOutput(command: SimpleCommand): string | undefined {
  const args = command.argv.slice(1);
  if (command.program === 'echo') {
    const joined = joinWords(args.filter((w, i) => !(i === 0 && /^-[neE]+$/.test(w.value ?? ''))));
    return joined.text;
  }
  if (command.program === 'printf' && args.length === 1 && args[0]!.value !== undefined) {
    return args[0]!.value.includes('%') ? undefined : args[0]!.value;
  }
  const stdin = command.stdin;
  if (command.program === 'cat' && args.length === 0 && stdin?.kind === 'heredoc') return stdin.text;
  return undefined;
}

/** Text written into a shell startup file runs in every later shell: read it as such. */
export function runPlanted(command: SimpleCommand, frame: Frame, sink: Sink): void {
  for (const redirect of command.redirects) {
    if (!redirect.op.includes('>') || redirect.target.value === undefined) continue;
    const cwd = command.cwd;
    const path = posix.isAbsolute(redirect.target.value)
      ? redirect.target.value
      : cwd && posix.resolve(cwd, redirect.target.value);
    if (path === undefined || !isShellStartupFile(path)) continue;
    const text = staticOutput(command);
    if (text === undefined) continue;
    const home = command.env.HOME;
    const origin: Origin = { kind: 'scheduled', detail: `${redirect.target.value} (at shell start)` };
    reparse(
      command,
      text.replaceAll('\\n', '\n'),
      origin,
      createState(command.env, home),
      command.span,
      frame,
      sink,
    );
  }
}
