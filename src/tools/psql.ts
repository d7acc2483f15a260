// psql: the SQL it would run (from -c, -f, heredocs, pipes, `<`), every statement and
// meta-command classified, and the server and database it connects to.

import { resolve } from 'node:path';
import type { SimpleCommand } from '../parse/command.js';
import { type ArgvSpec, lastFlag, parseArgv } from './argv.js';
import type { Recognition, RecognizeContext, Recognizer } from './invocation.js';
import { argsOf, makeInvocation } from './make-invocation.js';
import { pgEnvHints, resolvePgTarget } from './sql/pg-target.js';
import { classifyPsqlScript } from './sql/psql-script.js';
import { readScriptFile, readSqlFile } from './sql/read-script.js';
import { sqlInvocations } from './sql/sql-invocations.js';
import { sqlFromStdin } from './sql/stdin.js';
import type { SqlStatement } from './sql/types.js';
import { appendAll, unknownStatement } from './sql/types.js';

const req = { value: 'required' } as const;

export const psqlSpec: ArgvSpec = {
  options: {
    command: { short: 'c', ...req },
    file: { short: 'f', ...req },
    host: { short: 'h', ...req },
    port: { short: 'p', ...req },
    dbname: { short: 'd', ...req },
    username: { short: 'U', ...req },
    set: { short: 'v', aliases: ['variable'], ...req },
    output: { short: 'o', ...req },
    pset: { short: 'P', ...req },
    'log-file': { short: 'L', ...req },
    'field-separator': { short: 'F', ...req },
    'record-separator': { short: 'R', ...req },
    'table-attr': { short: 'T', ...req },
    'single-transaction': { short: '1' },
    'no-align': { short: 'A' },
    'tuples-only': { short: 't' },
    quiet: { short: 'q' },
    csv: {},
    'no-password': { short: 'w' },
    password: { short: 'W' },
    'echo-queries': { short: 'e' },
    'echo-hidden': { short: 'E' },
    'echo-all': { short: 'a' },
    'echo-errors': { short: 'b' },
    'single-step': { short: 's' },
    'single-line': { short: 'S' },
    'no-psqlrc': { short: 'X' },
    list: { short: 'l' },
    html: { short: 'H' },
    expanded: { short: 'x' },
    'field-separator-zero': { short: 'z' },
    'record-separator-zero': { short: '0' },
    version: { short: 'V' },
    help: { short: '?', value: 'optional' },
  },
};

/** `-v name=value` pairs whose value is static. */
function variablesOf(values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq > 0) out[v.slice(0, eq)] = v.slice(eq + 1);
  }
  return out;
}

function recognizePsql(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  const parsed = parseArgv(argsOf(command), psqlSpec);
  const flags = parsed.flags;
  const cwd = command.cwd ?? ctx.cwd;
  const [posDb, posUser] = parsed.positionals;
  const target = resolvePgTarget(
    {
      ...(lastFlag(flags, 'host') === undefined ? {} : { host: lastFlag(flags, 'host') }),
      ...(lastFlag(flags, 'port') === undefined ? {} : { port: lastFlag(flags, 'port') }),
      ...((lastFlag(flags, 'dbname') ?? posDb) === undefined
        ? {}
        : { dbname: lastFlag(flags, 'dbname') ?? posDb }),
      ...((lastFlag(flags, 'username') ?? posUser) === undefined
        ? {}
        : { user: lastFlag(flags, 'username') ?? posUser }),
    },
    ctx,
    command.env,
  );
  const unknowns = [...parsed.unknownOptions.map((o) => `unrecognized or dynamic option ${o}`)];
  const opts = {
    cwd,
    readScript: (p: string) => readScriptFile(ctx.fs, p),
    variables: variablesOf(flags.set ?? []),
  };
  const statements: SqlStatement[] = [];
  let source = 'none';
  for (const sql of flags.command ?? []) {
    source = 'command';
    appendAll(statements, classifyPsqlScript(sql, opts));
  }
  for (const file of flags.file ?? []) {
    source = 'file';
    if (file === '-') continue;
    const path = resolve(cwd, file);
    const read = readSqlFile(ctx.fs, path);
    if (read.ok) appendAll(statements, classifyPsqlScript(read.text, { ...opts, file: path }));
    else statements.push({ ...unknownStatement(`-f ${file}`, read.reason, 'unreadable-file'), file: path });
  }
  // psql reads stdin only when neither -c nor -f names the input (or -f -).
  if (source === 'none' || flags.file?.includes('-')) {
    const stdin = sqlFromStdin(command, ctx);
    if (stdin.kind === 'text') {
      source = 'stdin';
      appendAll(
        statements,
        classifyPsqlScript(stdin.text, stdin.file === undefined ? opts : { ...opts, file: stdin.file }),
      );
    } else if (stdin.kind === 'unknown') {
      source = 'stdin';
      statements.push(unknownStatement(command.text, stdin.reason, 'dynamic-input'));
    } else if (flags.file?.includes('-')) {
      // `-f -` asks for a script on stdin; with none in the line it comes from whoever runs it.
      statements.push(
        unknownStatement(
          '-f -',
          'reads SQL from standard input, which the line does not show',
          'dynamic-input',
        ),
      );
    }
  }
  const listOnly = flags.list !== undefined || flags.version !== undefined || flags.help !== undefined;
  const base = {
    tool: 'psql',
    flags,
    positionals: parsed.positionals,
    envHints: (c?: Parameters<typeof pgEnvHints>[1]) => pgEnvHints(target, c),
  };
  if (statements.length === 0) {
    // No SQL to read: an interactive session (what is typed into it is out of sight, see
    // DESIGN §5), a database list, or help.
    const kind = listOnly ? 'list' : source === 'none' ? 'session' : 'empty';
    return {
      invocations: [
        makeInvocation(command, {
          tool: 'psql',
          parsed,
          subcommand: [kind],
          envHints: pgEnvHints(target),
          facts: { 'sql.interactive': kind === 'session' },
          unknowns,
        }),
      ],
    };
  }
  const invocations = sqlInvocations(command, statements, {
    tool: base.tool,
    flags: base.flags,
    positionals: base.positionals,
    envHints: base.envHints,
    facts: { 'sql.source': source },
  });
  if (unknowns.length > 0 && invocations[0] !== undefined) invocations[0].unknowns.push(...unknowns);
  if (invocations.length === 0)
    invocations.push(
      makeInvocation(command, {
        tool: 'psql',
        parsed,
        subcommand: ['sql'],
        envHints: pgEnvHints(target),
        facts: { 'sql.source': source },
        unknowns,
      }),
    );
  return { invocations };
}

export const psqlRecognizer: Recognizer = { programs: ['psql'], recognize: recognizePsql };
