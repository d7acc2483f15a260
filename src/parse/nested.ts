// Commands that run shell text: `sh -c`, `bash script.sh`, `eval`, `source`, `ssh host cmd`,
// `su -c`, and a shell reading a script from a pipe or heredoc. Their text is re-parsed.

import { posix } from 'node:path';
import type { ArgWord, Origin, SimpleCommand, StdinSource } from './command.js';
import { cloneState, type ShellState } from './expand-state.js';
import { runAt, runTypescript } from './nested-later.js';
import { runRemote, runSwitchUser } from './nested-remote.js';
import { dynamicEval, newProcessState, reparse, runText } from './nested-run.js';
import { joinWords } from './unwrap-types.js';
import { addHazard, addUnknown, emitCommand } from './walk-emit.js';
import type { Frame, Sink } from './walk-types.js';

const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'ash', 'mksh', 'yash', 'posh', 'rbash']);
/** Shell options whose value is the next word. */
const SHELL_VALUE_OPTIONS = new Set(['-o', '+o', '-O', '+O', '--rcfile', '--init-file']);

/** Re-parses what the command runs; true when it stands in for emitting the command itself. */
export function runNested(command: SimpleCommand, state: ShellState, frame: Frame, sink: Sink): boolean {
  const program = command.program ?? '';
  if (SHELLS.has(program)) return runShell(command, frame, sink);
  if (command.programPath !== undefined && runLocalScript(command, frame, sink)) return true;
  if (program === 'eval') return runEval(command, state, frame, sink);
  if (program === 'source' || program === '.') return runSource(command, state, frame, sink);
  if (program === 'ssh') return runRemote(command, frame, sink);
  if (program === 'su' || program === 'runuser') return runSwitchUser(command, frame, sink);
  if (program === 'trap' || program === 'alias') runDeferred(command, state, frame, sink);
  if (program === 'at' || program === 'batch') return runAt(command, frame, sink);
  if (program === 'script') return runTypescript(command, frame, sink);
  return false;
}

/**
 * `trap 'rm -rf /' EXIT` and `alias ls='rm -rf ~'` store shell text that runs later: show
 * its commands now. The trap or alias command itself is still reported.
 */
function runDeferred(command: SimpleCommand, state: ShellState, frame: Frame, sink: Sink): void {
  const args = command.argv.slice(1);
  if (command.program === 'trap') {
    const action = args[0];
    if (action === undefined || args.length < 2 || action.value === '-' || action.value?.startsWith('-'))
      return;
    if (action.value === undefined) {
      addHazard(
        sink,
        'dynamic-eval',
        `trap runs text that is not known: ${action.dynamic ?? action.text}`,
        command,
      );
      return;
    }
    reparse(
      command,
      action.value,
      { kind: 'eval', detail: 'trap' },
      cloneState(state),
      action.span,
      frame,
      sink,
    );
    return;
  }
  for (const arg of args) {
    const equals = arg.value?.indexOf('=') ?? -1;
    if (arg.value === undefined || equals <= 0) continue;
    const origin: Origin = { kind: 'eval', detail: `alias ${arg.value.slice(0, equals)}` };
    reparse(command, arg.value.slice(equals + 1), origin, cloneState(state), arg.span, frame, sink);
  }
}

function runShell(command: SimpleCommand, frame: Frame, sink: Sink): boolean {
  const argv = command.argv;
  let inline = false;
  let fromStdin = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const value = argv[i]!.value;
    if (value === undefined) {
      if (argv[i]!.dynamic !== undefined && !inline)
        return dynamicEval(command, `${argv[i]!.text}: ${argv[i]!.dynamic}`, frame, sink);
      break;
    }
    if (value === '--' || value === '-') {
      i++;
      break;
    }
    if (SHELL_VALUE_OPTIONS.has(value)) i++;
    else if (value.startsWith('--')) continue;
    else if ((value.startsWith('-') || value.startsWith('+')) && value.length > 1) {
      if (value.includes('c')) inline = true;
      if (value.includes('s')) fromStdin = true;
    } else break;
  }
  const state = newProcessState(command);
  if (inline) {
    const body = argv[i];
    if (body === undefined) return false;
    state.positional = positionalFrom(argv.slice(i + 1), command);
    return runText(command, body, { kind: 'shell -c', detail: command.program }, state, frame, sink);
  }
  const script = argv[i];
  if (script !== undefined && !fromStdin) {
    state.positional = positionalFrom(argv.slice(i), command);
    return runFile(
      command,
      script,
      { kind: 'shell script', detail: script.value ?? script.text },
      state,
      frame,
      sink,
    );
  }
  return runStdinScript(command, state, frame, sink);
}

/** Where installed programs live: never read as scripts (they are binaries or the system's own). */
const SYSTEM_PREFIXES = [
  '/usr/',
  '/bin/',
  '/sbin/',
  '/lib',
  '/opt/',
  '/nix/',
  '/snap/',
  '/System/',
  '/Library/',
];
const SHEBANG = /^#!\s*(?:\S*\/)?(?:env\s+(?:-\S+\s+)*)?(\S+)/;

/**
 * `./scripts/reset.sh`: a small local text file with a shell shebang (or none, which the
 * shell runs itself) is read like `bash FILE`. Anything else runs as the program it is.
 */
function runLocalScript(command: SimpleCommand, frame: Frame, sink: Sink): boolean {
  const written = command.programPath!;
  if (SYSTEM_PREFIXES.some((prefix) => written.startsWith(prefix))) return false;
  const path = posix.isAbsolute(written) ? written : command.cwd && posix.resolve(command.cwd, written);
  const text = path === undefined ? undefined : sink.ctx.readFile?.(path);
  if (text === undefined || text.includes('\0')) return false;
  if (text.startsWith('#!')) {
    const interpreter = SHEBANG.exec(text)?.[1];
    if (interpreter === undefined || !SHELLS.has(interpreter)) return false;
  }
  const state = newProcessState(command);
  state.positional = positionalFrom(command.argv, command);
  const origin: Origin = { kind: 'shell script', detail: written };
  return reparse(command, text, origin, state, command.argv[0]!.span, frame, sink);
}

/** A shell with no script argument reads its script from stdin (so does `at`). */
export function runStdinScript(
  command: SimpleCommand,
  state: ShellState,
  frame: Frame,
  sink: Sink,
  origin: Origin = { kind: 'pipe to shell', detail: command.program },
): boolean {
  const stdin: StdinSource | undefined = command.stdin;
  if (stdin === undefined) return false;
  if (stdin.kind === 'file') return runFile(command, stdin.path, origin, state, frame, sink);
  if (stdin.kind === 'heredoc' || stdin.kind === 'herestring') {
    if (stdin.text === undefined)
      return dynamicEval(command, `the script is not known: ${stdin.dynamic ?? ''}`, frame, sink);
    return reparse(command, stdin.text, origin, state, command.span, frame, sink);
  }
  if (stdin.kind !== 'pipe') return false;
  const produced = scriptFromProducer(frame.producer ?? stdin.from.slice(-1));
  if (produced.text === undefined) return dynamicEval(command, produced.dynamic, frame, sink);
  if (produced.file !== undefined) return runFile(command, produced.file, origin, state, frame, sink);
  return reparse(command, produced.text, origin, state, command.span, frame, sink);
}

/** `echo 'rm -rf /' | sh`, `printf '%s\n' … | bash`, `cat script | sh`: what the producer writes. */
function scriptFromProducer(producer: SimpleCommand[]): { text?: string; file?: ArgWord; dynamic: string } {
  const texts: string[] = [];
  for (const command of producer) {
    const args = command.argv.slice(1);
    const joined = joinWords(args);
    const what = `the script comes from \`${command.text}\``;
    if (joined.text === undefined) return { dynamic: what };
    if (command.program === 'cat' && args.length === 1 && producer.length === 1) {
      return { text: '', file: args[0]!, dynamic: what };
    }
    const stdin = command.stdin;
    if (
      command.program === 'cat' &&
      args.length === 0 &&
      stdin &&
      (stdin.kind === 'heredoc' || stdin.kind === 'herestring')
    ) {
      // `cat <<'EOF' | bash`
      if (stdin.text === undefined) return { dynamic: what };
      texts.push(stdin.text);
    } else if (command.program === 'echo') texts.push(echoText(args.map((arg) => arg.value ?? '')));
    else if (
      command.program === 'printf' &&
      args.length === 1 &&
      !joined.text.replaceAll('%%', '').includes('%')
    ) {
      texts.push(decodeEscapes(joined.text).replaceAll('%%', '%'));
    } else return { dynamic: what };
  }
  return { text: texts.join(''), dynamic: '' };
}

function echoText(args: string[]): string {
  let newline = true;
  while (args[0] !== undefined && /^-[neE]+$/.test(args[0])) {
    if (args[0].includes('n')) newline = false;
    args = args.slice(1);
  }
  // Shells differ on escapes; decoding them shows the most commands.
  return decodeEscapes(args.join(' ')) + (newline ? '\n' : '');
}

function decodeEscapes(text: string): string {
  return text.replace(/\\([ntr\\])/g, (_match, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? '\\');
}

function runEval(command: SimpleCommand, state: ShellState, frame: Frame, sink: Sink): boolean {
  const args = command.argv.slice(1);
  if (args.length === 0) return false;
  const joined = joinWords(args);
  if (joined.text === undefined)
    return dynamicEval(command, `eval of text that is not known: ${joined.dynamic ?? ''}`, frame, sink);
  // eval runs in the current shell: its assignments and cd count.
  return reparse(command, joined.text, { kind: 'eval', detail: 'eval' }, state, joined.span, frame, sink);
}

function runSource(command: SimpleCommand, state: ShellState, frame: Frame, sink: Sink): boolean {
  const file = command.argv[1];
  if (file === undefined) return false;
  if (command.argv.length > 2) state.positional = positionalFrom(command.argv.slice(1), command);
  return runFile(command, file, { kind: 'source', detail: file.value ?? file.text }, state, frame, sink);
}

export function runFile(
  command: SimpleCommand,
  file: ArgWord,
  origin: Origin,
  state: ShellState,
  frame: Frame,
  sink: Sink,
): boolean {
  if (file.value === undefined)
    return dynamicEval(command, `the script path is not known: ${file.dynamic ?? file.text}`, frame, sink);
  const path = posix.isAbsolute(file.value)
    ? file.value
    : command.cwd && posix.resolve(command.cwd, file.value);
  const text = path === undefined ? undefined : sink.ctx.readFile?.(path);
  if (text === undefined) {
    const emitted = emitCommand(command, frame, sink);
    const why = path === undefined ? 'the working directory is not known' : 'it could not be read';
    addUnknown(sink, 'unreadable-source', `cannot see what ${file.value} runs: ${why}`, emitted);
    return true;
  }
  return reparse(command, text, { ...origin, detail: file.value }, state, file.span, frame, sink);
}

/** `$0 $1 …` of a nested shell; unknown when xargs, parallel or find append arguments. */
function positionalFrom(words: ArgWord[], command: SimpleCommand): (string | undefined)[] | undefined {
  if (command.origin.some((o) => o.kind === 'xargs' || o.kind === 'parallel' || o.kind === 'find -exec'))
    return undefined;
  return words.map((word) => word.value);
}
