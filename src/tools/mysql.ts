// mysql and mariadb clients: the SQL they would run (-e, heredocs, pipes, `<`), each
// statement classified with a MySQL-dialect parser, and the server they connect to.

import { join, resolve } from 'node:path';
import { once } from '../once.js';
import type { ShellEnv, SimpleCommand } from '../parse/command.js';
import { type ArgvSpec, lastFlag, parseArgv } from './argv.js';
import type { EnvHint, Recognition, RecognizeContext, Recognizer } from './invocation.js';
import { argsOf, makeInvocation } from './make-invocation.js';
import { classifyClientScript } from './sql/my-script.js';
import { mysqladminStatements } from './sql/mysqladmin.js';
import { readScriptFile, readSettingsFile } from './sql/read-script.js';
import { sqlInvocations } from './sql/sql-invocations.js';
import { sqlFromStdin } from './sql/stdin.js';
import type { SqlConnection, SqlStatement } from './sql/types.js';
import { appendAll, unknownStatement } from './sql/types.js';

/**
 * The mysql and mysqladmin argv tables, built on first use: start-up time that a command
 * without mysql never needs.
 */
export const mysqlTables = once(() => {
  const req = { value: 'required' } as const;
  const switches = [
    'batch:B',
    'silent:s',
    'verbose:v',
    'table:t',
    'raw:r',
    'skip-column-names:N',
    'force:f',
    'no-auto-rehash:A',
    'auto-rehash',
    'vertical:E',
    'html:H',
    'xml:X',
    'unbuffered:n',
    'quick:q',
    'comments:c',
    'skip-comments',
    'no-beep:b',
    'safe-updates:U',
    'i-am-a-dummy',
    'line-numbers',
    'skip-line-numbers:L',
    'column-names',
    'show-warnings',
    'sigint-ignore',
    'compress:C',
    'binary-mode',
    'no-defaults',
    'print-defaults',
    'ssl',
    'skip-ssl',
    'help:?',
    'version:V',
    'debug-info:T',
    'one-database:o',
    'ignore-spaces:i',
    'secure-auth',
  ];

  const mysqlSpec: ArgvSpec = {
    options: {
      ...Object.fromEntries(
        switches.map((s) => {
          const [name = s, short] = s.split(':');
          return [name, short === undefined ? {} : { short }];
        }),
      ),
      execute: { short: 'e', ...req },
      host: { short: 'h', ...req },
      port: { short: 'P', ...req },
      database: { short: 'D', ...req },
      user: { short: 'u', ...req },
      password: { short: 'p', value: 'optional' },
      socket: { short: 'S', ...req },
      protocol: { ...req },
      'defaults-file': { ...req },
      'defaults-extra-file': { ...req },
      'defaults-group-suffix': { ...req },
      'init-command': { ...req },
      'default-character-set': { ...req },
      'connect-timeout': { ...req },
      'max-allowed-packet': { ...req },
      pager: { value: 'optional' },
      tee: { ...req },
      prompt: { ...req },
      'ssl-mode': { ...req },
      'ssl-ca': { ...req },
      'ssl-cert': { ...req },
      'ssl-key': { ...req },
      delimiter: { ...req },
      'local-infile': { value: 'optional' },
      'login-path': { ...req },
    },
  };

  /** mysqladmin shares the client's connection options; a few letters mean other things. */
  const { comments: _c, 'ignore-spaces': _i, raw: _r, execute: _e, ...adminShared } = mysqlSpec.options ?? {};
  const mysqladminSpec: ArgvSpec = {
    options: {
      ...adminShared,
      count: { short: 'c', ...req },
      sleep: { short: 'i', ...req },
      relative: { short: 'r' },
      wait: { short: 'w', value: 'optional' },
      'shutdown-timeout': { ...req },
    },
  };
  return { mysqlSpec, mysqladminSpec };
});

/** `[client]`/`[mysql]` settings from an option file. */
function optionFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let active = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const section = /^\[(.+)\]$/.exec(line);
    if (section)
      active = ['client', 'mysql', 'mariadb', 'client-server'].includes((section[1] as string).toLowerCase());
    else if (active && /^[\w-]+\s*=/.test(line)) {
      const eq = line.indexOf('=');
      out[line.slice(0, eq).trim().replace(/_/g, '-')] = line
        .slice(eq + 1)
        .trim()
        .replace(/^["']|["']$/g, '');
    }
  }
  return out;
}

function hintsFor(
  flags: Record<string, string[]>,
  positional: string | undefined,
  ctx: RecognizeContext,
  cwd: string,
  env: ShellEnv,
): (c?: SqlConnection) => EnvHint[] {
  const files = [lastFlag(flags, 'defaults-file'), lastFlag(flags, 'defaults-extra-file')]
    .filter((f): f is string => f !== undefined)
    .map((f) => resolve(cwd, f));
  const home = env.HOME || ctx.home;
  if (lastFlag(flags, 'defaults-file') === undefined && home !== undefined) files.push(join(home, '.my.cnf'));
  const fromFiles: Record<string, { value: string; source: string }> = {};
  for (const file of files) {
    const text = readSettingsFile(ctx.fs, file, 256 * 1024);
    if (text === undefined) continue;
    for (const [k, v] of Object.entries(optionFile(text))) fromFiles[k] ??= { value: v, source: file };
  }
  const pick = (
    flag: string,
    variable: string | undefined,
    key: string,
  ): { value?: string; source: string } | undefined => {
    const v = lastFlag(flags, flag);
    if (v !== undefined) return { value: v, source: `--${flag} flag` };
    if (variable !== undefined && Object.hasOwn(env, variable)) {
      const value = env[variable];
      // `MYSQL_HOST=$(…) mysql`: set, but to a value only known at run time.
      if (value === undefined) return { source: `${variable} is assigned at run time` };
      if (value !== '') return { value, source: variable };
    }
    return fromFiles[key];
  };
  const host = pick('host', 'MYSQL_HOST', 'host');
  const socket = pick('socket', 'MYSQL_UNIX_PORT', 'socket');
  const db =
    positional !== undefined
      ? { value: positional, source: 'database argument' }
      : pick('database', undefined, 'database');
  return (c) => {
    const hints: EnvHint[] = [];
    const h = c?.host !== undefined ? { value: c.host, source: 'connect in the script' } : host;
    if (h !== undefined && h.value === undefined) hints.push({ kind: 'db-host', source: h.source });
    else if (h === undefined || h.value === 'localhost')
      hints.push({
        kind: 'db-host',
        value: socket?.value === undefined ? 'localhost' : `unix-socket:${socket.value}`,
        source: h?.source ?? 'no host given: the local server',
      });
    else hints.push({ kind: 'db-host', value: h.value, source: h.source });
    const name = c?.dbname !== undefined ? { value: c.dbname, source: 'use in the script' } : db;
    if (name !== undefined) hints.push({ kind: 'db-name', ...name });
    return hints;
  };
}

function recognizeMysql(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  const parsed = parseArgv(argsOf(command), mysqlTables().mysqlSpec);
  const flags = parsed.flags;
  const cwd = command.cwd ?? ctx.cwd;
  const dialect = command.program === 'mariadb' ? 'mariadb' : 'mysql';
  const opts = { cwd, readScript: (p: string) => readScriptFile(ctx.fs, p) };
  const unknowns = parsed.unknownOptions.map((o) => `unrecognized or dynamic option ${o}`);
  const statements: SqlStatement[] = [];
  let source = 'none';
  for (const sql of [...(flags['init-command'] ?? []), ...(flags.execute ?? [])]) {
    source = 'command';
    appendAll(statements, classifyClientScript(sql, dialect, opts));
  }
  if (flags.execute === undefined) {
    const stdin = sqlFromStdin(command, ctx);
    if (stdin.kind === 'text') {
      source = 'stdin';
      appendAll(
        statements,
        classifyClientScript(
          stdin.text,
          dialect,
          stdin.file === undefined ? opts : { ...opts, file: stdin.file },
        ),
      );
    } else if (stdin.kind === 'unknown') {
      source = 'stdin';
      statements.push(unknownStatement(command.text, stdin.reason, 'dynamic-input'));
    }
  }
  const envHints = hintsFor(flags, parsed.positionals[0], ctx, cwd, command.env);
  const invocations = sqlInvocations(command, statements, {
    tool: 'mysql',
    flags,
    positionals: parsed.positionals,
    envHints,
    facts: { 'sql.source': source },
  });
  if (invocations.length === 0) {
    const kind =
      source === 'none' && flags.help === undefined && flags.version === undefined ? 'session' : 'empty';
    invocations.push(
      makeInvocation(command, {
        tool: 'mysql',
        parsed,
        subcommand: [kind],
        envHints: envHints(),
        facts: { 'sql.interactive': kind === 'session' },
        unknowns,
      }),
    );
  } else if (unknowns.length > 0) invocations[0]?.unknowns.push(...unknowns);
  return { invocations };
}

/** mysqladmin: each command word (`drop shop`, `shutdown`) judged as the statement it runs. */
function recognizeMysqladmin(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  const parsed = parseArgv(argsOf(command), mysqlTables().mysqladminSpec);
  const envHints = hintsFor(parsed.flags, undefined, ctx, command.cwd ?? ctx.cwd, command.env);
  const unknowns = parsed.unknownOptions.map((o) => `unrecognized or dynamic option ${o}`);
  const invocations = sqlInvocations(command, mysqladminStatements(parsed.positionals), {
    tool: 'mysql',
    flags: parsed.flags,
    positionals: parsed.positionals,
    envHints,
    facts: { 'sql.source': 'mysqladmin' },
  });
  if (invocations.length === 0)
    invocations.push(
      makeInvocation(command, {
        tool: 'mysql',
        parsed,
        subcommand: ['admin'],
        envHints: envHints(),
        unknowns,
      }),
    );
  else if (unknowns.length > 0) invocations[0]?.unknowns.push(...unknowns);
  return { invocations };
}

const admins = new Set(['mysqladmin', 'mariadb-admin']);

export const mysqlRecognizer: Recognizer = {
  programs: ['mysql', 'mariadb', ...admins],
  recognize: (command, ctx) =>
    admins.has(command.program ?? '') ? recognizeMysqladmin(command, ctx) : recognizeMysql(command, ctx),
};
