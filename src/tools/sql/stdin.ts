// Where a SQL client's input comes from when it is not a flag: a heredoc, a here-string,
// a `<` redirect, or a pipe from `echo`/`printf`/`cat FILE` whose text is static.

import { resolve } from 'node:path';
import type { SimpleCommand } from '../../parse/command.js';
import type { RecognizeContext } from '../invocation.js';
import { readSqlFile } from './read-script.js';

export type StdinSql =
  | { kind: 'none' }
  | { kind: 'text'; text: string; file?: string }
  | { kind: 'unknown'; reason: string };

function fromFile(path: string | undefined, command: SimpleCommand, ctx: RecognizeContext): StdinSql {
  if (path === undefined) return { kind: 'unknown', reason: 'input file name is not known statically' };
  const full = resolve(command.cwd ?? ctx.cwd, path);
  const read = readSqlFile(ctx.fs, full);
  return read.ok ? { kind: 'text', text: read.text, file: full } : { kind: 'unknown', reason: read.reason };
}

/** `printf` formats without conversions: escapes only. */
function printfText(format: string): string | undefined {
  if (format.includes('%')) return undefined;
  return format.replace(/\\(n|t|\\)/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));
}

function fromProducer(producer: SimpleCommand, ctx: RecognizeContext, depth: number): StdinSql {
  const words = producer.argv.slice(1);
  const values = words.map((w) => w.value);
  if (values.some((v) => v === undefined))
    return { kind: 'unknown', reason: `piped ${producer.program ?? 'input'} has dynamic arguments` };
  const args = values as string[];
  switch (producer.program) {
    case 'echo': {
      let i = 0;
      while (i < args.length && /^-[neE]+$/.test(args[i] as string)) i++;
      return { kind: 'text', text: args.slice(i).join(' ') };
    }
    case 'printf': {
      const text = args[0] === undefined ? '' : printfText(args[0]);
      return text === undefined || args.length > 1
        ? { kind: 'unknown', reason: 'printf with conversions builds its text at run time' }
        : { kind: 'text', text };
    }
    case 'cat': {
      // `cat <<'EOF' | psql` passes its own heredoc, here-string or redirect along.
      if (args.length === 0 || (args.length === 1 && args[0] === '-')) {
        const own = depth < 4 ? sqlFromStdin(producer, ctx, depth + 1) : undefined;
        return own === undefined || own.kind === 'none'
          ? { kind: 'unknown', reason: 'cat passes on input the line does not show' }
          : own;
      }
      if (args.length !== 1 || (args[0] as string).startsWith('-'))
        return { kind: 'unknown', reason: 'cat with options or several files' };
      return fromFile(args[0], producer, ctx);
    }
  }
  return {
    kind: 'unknown',
    reason: `input comes from ${producer.program ?? 'a dynamic command'}, which airlock cannot read ahead`,
  };
}

export function sqlFromStdin(command: SimpleCommand, ctx: RecognizeContext, depth = 0): StdinSql {
  const stdin = command.stdin;
  if (stdin === undefined) return { kind: 'none' };
  if (stdin.kind === 'heredoc' || stdin.kind === 'herestring') {
    if (stdin.text === undefined)
      return { kind: 'unknown', reason: stdin.dynamic ?? `${stdin.kind} text is not known statically` };
    return { kind: 'text', text: stdin.text };
  }
  if (stdin.kind === 'file') return fromFile(stdin.path.value, command, ctx);
  if (stdin.kind !== 'pipe') return { kind: 'none' };
  const producer = stdin.from[stdin.from.length - 1];
  return producer === undefined ? { kind: 'none' } : fromProducer(producer, ctx, depth);
}
