// The text a data CLI (redis-cli, mongosh) reads on standard input, when the line shows
// it: a heredoc, a here-string, a `<` file, or `echo`/`printf`/`cat FILE` piped in.

import type { ArgWord, SimpleCommand } from '../parse/command.js';
import { CONFIG_FILE_LIMIT } from './cloud-ini.js';
import type { RecognizeContext } from './invocation.js';
import { resolvePath } from './paths.js';

export type StdinText = { text: string } | { dynamic: string };

const SCRIPT_LIMIT = 4 * CONFIG_FILE_LIMIT;

function readFileText(word: ArgWord, command: SimpleCommand, ctx: RecognizeContext): StdinText {
  const path = word.value;
  if (path === undefined) return { dynamic: `the input file ${word.text} is not known` };
  if (command.cwd === undefined && !path.startsWith('/'))
    return { dynamic: 'the working directory is not known' };
  const text = ctx.fs.readText(resolvePath(path, command.cwd ?? '/', ctx.fs), SCRIPT_LIMIT);
  if (text === undefined) return { dynamic: `${path} cannot be read (missing, unreadable or too large)` };
  if (text.includes('\u0000')) return { dynamic: `${path} is not a text file` };
  return { text };
}

function echoText(args: readonly ArgWord[]): string | undefined {
  const values: string[] = [];
  for (const arg of args) {
    if (arg.value === undefined) return undefined;
    values.push(arg.value);
  }
  let newline = true;
  while (values[0] !== undefined && /^-[neE]+$/.test(values[0])) {
    if (values[0].includes('n')) newline = false;
    values.shift();
  }
  const text = values
    .join(' ')
    .replace(/\\([ntr\\])/g, (_m, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? '\\');
  return newline ? `${text}\n` : text;
}

function producedText(producer: SimpleCommand, ctx: RecognizeContext): StdinText {
  const args = producer.argv.slice(1);
  const what = `the input comes from \`${producer.text}\``;
  if (producer.program === 'cat' && args.length === 1) return readFileText(args[0]!, producer, ctx);
  if (producer.program === 'echo') {
    const text = echoText(args);
    return text === undefined ? { dynamic: what } : { text };
  }
  if (producer.program === 'printf' && args.length === 1 && args[0]!.value !== undefined) {
    const format = args[0]!.value;
    if (!format.replaceAll('%%', '').includes('%'))
      return { text: format.replaceAll('%%', '%').replaceAll('\\n', '\n') };
  }
  return { dynamic: what };
}

/** undefined when the line gives the command no input (a terminal, or the caller's stdin). */
export function stdinText(command: SimpleCommand, ctx: RecognizeContext): StdinText | undefined {
  const stdin = command.stdin;
  if (stdin === undefined) return undefined;
  if (stdin.kind === 'heredoc' || stdin.kind === 'herestring') {
    if (stdin.text === undefined) return { dynamic: stdin.dynamic ?? 'the input text is not known' };
    return {
      text: stdin.kind === 'herestring' && !stdin.text.endsWith('\n') ? `${stdin.text}\n` : stdin.text,
    };
  }
  if (stdin.kind === 'file') return readFileText(stdin.path, command, ctx);
  if (stdin.kind !== 'pipe') return { dynamic: 'the input is not known' };
  const producer = stdin.from[stdin.from.length - 1];
  if (producer === undefined) return { dynamic: 'the input is not known' };
  return producedText(producer, ctx);
}
