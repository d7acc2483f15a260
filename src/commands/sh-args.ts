// Parses the options harnesses pass to a shell (`-c LINE`, `-lc`, `-l -i -c`, `-e`,
// `-o pipefail`, `-x`, a script file, or a script on stdin) the way bash does.

export type ShellInput =
  | { kind: 'command'; line: string; name?: string; args: string[] }
  | { kind: 'file'; path: string; args: string[] }
  | { kind: 'stdin'; args: string[] };

export interface ShellArgs {
  /** Options to hand to the real shell unchanged (everything but -c and the input). */
  options: string[];
  input: ShellInput;
  login: boolean;
  interactive: boolean;
}

export type ShellArgsResult = { ok: true; args: ShellArgs } | { ok: false; message: string };

/** Single-letter options bash accepts on its command line without a value. */
const flagLetters = new Set('abefhiklmnprstuvxBCEHPT'.split(''));
const longFlags = new Set([
  '--login',
  '--noprofile',
  '--norc',
  '--posix',
  '--noediting',
  '--restricted',
  '--verbose',
]);
const longWithValue = new Set(['--rcfile', '--init-file']);

export function parseShellArgs(argv: readonly string[]): ShellArgsResult {
  const options: string[] = [];
  let command = false;
  let readStdin = false;
  let login = false;
  let interactive = false;
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--' || arg === '-') {
      i++;
      break;
    }
    if (arg.startsWith('--')) {
      if (longFlags.has(arg)) {
        if (arg === '--login') login = true;
        options.push(arg);
        continue;
      }
      if (longWithValue.has(arg)) {
        const value = argv[i + 1];
        if (value === undefined) return { ok: false, message: `${arg}: option requires an argument` };
        options.push(arg, value);
        i++;
        continue;
      }
      return { ok: false, message: `${arg}: invalid option` };
    }
    if ((arg.startsWith('-') || arg.startsWith('+')) && arg.length > 1) {
      const sign = arg[0] as string;
      const letters = arg.slice(1);
      let kept = '';
      for (let j = 0; j < letters.length; j++) {
        const letter = letters[j] as string;
        if (letter === 'c' && sign === '-') {
          command = true;
        } else if (letter === 'o' || letter === 'O') {
          // -o takes the next argument as its value; bundled as -euo pipefail.
          const value = argv[i + 1];
          if (kept.length > 0) options.push(sign + kept);
          kept = '';
          if (value === undefined) {
            options.push(sign + letter);
          } else {
            options.push(sign + letter, value);
            i++;
          }
        } else if (flagLetters.has(letter)) {
          if (letter === 'l' && sign === '-') login = true;
          if (letter === 'i' && sign === '-') interactive = true;
          if (letter === 's' && sign === '-') readStdin = true;
          else kept += letter;
        } else {
          return { ok: false, message: `${sign}${letter}: invalid option` };
        }
      }
      if (kept.length > 0) options.push(sign + kept);
      continue;
    }
    break;
  }
  const rest = argv.slice(i);
  if (command) {
    const [line, name, ...args] = rest;
    if (line === undefined) return { ok: false, message: '-c: option requires an argument' };
    return { ok: true, args: { options, login, interactive, input: { kind: 'command', line, name, args } } };
  }
  if (!readStdin && rest.length > 0) {
    const [path, ...args] = rest as [string, ...string[]];
    return { ok: true, args: { options, login, interactive, input: { kind: 'file', path, args } } };
  }
  return { ok: true, args: { options, login, interactive, input: { kind: 'stdin', args: [...rest] } } };
}
