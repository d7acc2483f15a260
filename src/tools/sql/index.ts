// Loads the SQL parsers a line needs before the synchronous recognize stage runs.
// The orchestrator awaits `prepareSqlParsers(programs of the line)` once; a parser that
// was not prepared makes its statements unknown (approve), never silently allowed.

import { loadSqlDialect } from './mysql.js';
import { loadPostgresParser } from './postgres.js';

const POSTGRES = new Set(['psql']);
const MYSQL = new Set(['mysql', 'mariadb']);
const SQLITE = new Set(['sqlite3', 'sqlite']);

/** Programs whose recognizers parse SQL. */
export const sqlPrograms: readonly string[] = [...POSTGRES, ...MYSQL, ...SQLITE];

export async function prepareSqlParsers(programs: Iterable<string | undefined>): Promise<void> {
  const loads: Promise<void>[] = [];
  const seen = new Set(programs);
  if ([...POSTGRES].some((p) => seen.has(p))) loads.push(loadPostgresParser());
  if ([...MYSQL].some((p) => seen.has(p))) loads.push(loadSqlDialect('mysql'));
  if ([...SQLITE].some((p) => seen.has(p))) loads.push(loadSqlDialect('sqlite'));
  await Promise.all(loads);
}

export { statementOf } from './sql-invocations.js';
export type { SqlStatement } from './types.js';
