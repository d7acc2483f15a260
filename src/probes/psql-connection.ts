// Runs SQL through psql against the server and database the measured command connects to:
// its own -h/-p/-d/-U (a conninfo or URI -d included), the caller's PG* variables and
// service file through the inherited environment, and a `\c` switch earlier in its script.

import type { Invocation } from '../tools/invocation.js';
import type { SqlConnection } from '../tools/sql/types.js';
import type { ExecResult, ProbeContext } from './types.js';

/** The connection flags of the measured command, as psql arguments. */
export function connectionArgs(invocation: Invocation, connection?: SqlConnection): string[] {
  const flags = invocation.flags;
  const last = (name: string) => flags[name]?.at(-1);
  const [posDb, posUser] = invocation.positionals;
  const host = connection?.host ?? last('host');
  const port = connection?.port ?? last('port');
  const dbname = connection?.dbname ?? last('dbname') ?? posDb;
  const user = connection?.user ?? last('username') ?? posUser;
  const args: string[] = [];
  if (host !== undefined) args.push('-h', host);
  if (port !== undefined) args.push('-p', port);
  if (user !== undefined) args.push('-U', user);
  if (dbname !== undefined) args.push('-d', dbname);
  return args;
}

/** psql that reads a script from stdin: no psqlrc, no password prompt, bare values out. */
export const quietScriptArgs = ['-X', '-w', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-f', '-'];

export interface ReadOnlyRun {
  ok: boolean;
  /** Output lines, one value per line. */
  lines: string[];
  error?: string;
}

/**
 * Runs queries in a read-only transaction that ends in ROLLBACK, with a statement timeout
 * that leaves the probe time to report, and a lock timeout so a locked table is a quick
 * "unknown" rather than a wait.
 */
export async function runReadOnly(
  ctx: ProbeContext,
  connection: string[],
  queries: readonly string[],
  timeoutMs = Math.max(100, ctx.timeoutMs - 300),
): Promise<ReadOnlyRun> {
  const script = [
    'BEGIN READ ONLY;',
    `SET LOCAL statement_timeout = ${Math.floor(timeoutMs)};`,
    'SET LOCAL lock_timeout = 500;',
    "SET LOCAL application_name = 'airlock-probe';",
    ...queries.map((q) => `${q};`),
    'ROLLBACK;',
    '',
  ].join('\n');
  const result: ExecResult = await ctx.exec('psql', [...quietScriptArgs, ...connection], { input: script });
  if (result.code !== 0) {
    const lines = result.stderr.split('\n').filter((l) => l.trim() !== '');
    const message =
      lines.find((l) => l.includes('ERROR:') || l.includes('FATAL:')) ??
      lines[0] ??
      `psql exited with ${result.code}`;
    return { ok: false, lines: [], error: message.replace(/^psql:[^:]*:\d+: /, '').trim() };
  }
  return { ok: true, lines: result.stdout.split('\n').filter((l) => l !== '') };
}

/** A schema-qualified name as written (`public.users`) as a quoted SQL identifier. */
export function quotedName(name: string): string {
  return name
    .split('.')
    .map((part) => `"${part.replaceAll('"', '""')}"`)
    .join('.');
}

export function sqlLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
