// sqlite3: the database file, and the SQL and dot-commands it would run (arguments after
// the file, -cmd, -init, heredocs, pipes, `<`), each classified.

import { resolve } from 'node:path';
import { once } from '../once.js';
import type { SimpleCommand } from '../parse/command.js';
import { type ArgvSpec, hasFlag, lastFlag, parseArgv } from './argv.js';
import type { Recognition, RecognizeContext, Recognizer, Target } from './invocation.js';
import { argsOf, makeInvocation } from './make-invocation.js';
import { pathTarget } from './paths.js';
import { classifyClientScript } from './sql/my-script.js';
import { readScriptFile, readSqlFile } from './sql/read-script.js';
import { sqlInvocations } from './sql/sql-invocations.js';
import { sqlFromStdin } from './sql/stdin.js';
import type { SqlStatement } from './sql/types.js';
import { appendAll, unknownStatement } from './sql/types.js';

const req = { value: 'required' } as const;

const sqliteSpec = once(
  (): ArgvSpec => ({
    options: Object.fromEntries(
      [
        'readonly',
        'bail',
        'batch',
        'csv',
        'json',
        'line',
        'list',
        'html',
        'box',
        'table',
        'markdown',
        'column',
        'quote',
        'tabs',
        'ascii',
        'header',
        'noheader',
        'echo',
        'help',
        'version',
        'safe',
        'interactive',
        'memtrace',
        'stats',
        'append',
        'deserialize',
        'nofollow',
        'nonce',
        'zip',
        'no-rowid-in-view',
        'unsafe-testing',
        'A',
        'utf8',
      ]
        .map((name) => [name, {}] as [string, object])
        .concat(
          [
            'cmd',
            'separator',
            'init',
            'newline',
            'nullvalue',
            'vfs',
            'mmap',
            'lookaside',
            'pagecache',
            'maxsize',
            'heap',
          ].map((n) => [n, req]),
        ),
    ),
    // sqlite3 takes options with one dash and stops at the database name.
    optionsAfterPositionals: false,
    abbreviations: false,
  }),
);

function recognizeSqlite(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  // sqlite3 options are written `-readonly`; map them onto the long-option grammar.
  const words = argsOf(command).map((w) =>
    w.value !== undefined && /^-[A-Za-z]/.test(w.value) ? { ...w, value: `-${w.value}` } : w,
  );
  const parsed = parseArgv(words, sqliteSpec());
  const flags = parsed.flags;
  const cwd = command.cwd ?? ctx.cwd;
  const [fileWord, ...sqlWords] = parsed.positionalWords;
  const file = fileWord?.value;
  const targets: Target[] = fileWord === undefined ? [] : [pathTarget(fileWord, command, ctx)];
  const opts = { cwd, readScript: (p: string) => readScriptFile(ctx.fs, p) };
  const statements: SqlStatement[] = [];
  let source = 'none';
  const init = lastFlag(flags, 'init');
  if (init !== undefined) {
    const read = readSqlFile(ctx.fs, resolve(cwd, init));
    appendAll(
      statements,
      read.ok
        ? classifyClientScript(read.text, 'sqlite', opts)
        : [unknownStatement(`-init ${init}`, read.reason, 'unreadable-file')],
    );
  }
  for (const sql of flags.cmd ?? []) appendAll(statements, classifyClientScript(sql, 'sqlite', opts));
  for (const word of sqlWords) {
    source = 'command';
    if (word.value === undefined)
      statements.push(
        unknownStatement(word.text, word.dynamic ?? 'SQL argument is not known statically', 'dynamic-sql'),
      );
    else appendAll(statements, classifyClientScript(word.value, 'sqlite', opts));
  }
  if (source === 'none') {
    const stdin = sqlFromStdin(command, ctx);
    if (stdin.kind === 'text') {
      source = 'stdin';
      appendAll(
        statements,
        classifyClientScript(
          stdin.text,
          'sqlite',
          stdin.file === undefined ? opts : { ...opts, file: stdin.file },
        ),
      );
    } else if (stdin.kind === 'unknown') {
      source = 'stdin';
      statements.push(unknownStatement(command.text, stdin.reason, 'dynamic-input'));
    }
  }
  const facts = {
    'sql.source': source,
    'sqlite.readonly': hasFlag(flags, 'readonly'),
    'sqlite.memory': file === undefined || file === ':memory:',
  };
  const envHints = () => [
    { kind: 'db-host' as const, value: 'localhost', source: 'sqlite3 opens a local file' },
    ...(file === undefined
      ? []
      : [{ kind: 'db-name' as const, value: file, source: 'database file argument' }]),
  ];
  const invocations = sqlInvocations(command, statements, {
    tool: 'sqlite3',
    flags,
    positionals: parsed.positionals,
    envHints,
    facts,
    targets,
  });
  if (invocations.length === 0) {
    const unknowns =
      fileWord !== undefined && file === undefined
        ? [`database file is not known statically: ${fileWord.text}`]
        : [];
    invocations.push(
      makeInvocation(command, {
        tool: 'sqlite3',
        parsed,
        subcommand: [source === 'none' ? 'session' : 'empty'],
        targets,
        envHints: envHints(),
        facts: Object.assign({}, facts, { 'sql.interactive': source === 'none' }),
        unknowns,
      }),
    );
  }
  return { invocations };
}

export const sqlite3Recognizer: Recognizer = { programs: ['sqlite3', 'sqlite'], recognize: recognizeSqlite };
