// Classifies PostgreSQL SQL text (no psql meta-commands): every statement of it, failing
// closed to `unknown` with the parser's message when the text does not parse.

import { classifyPgNode, type PgContext } from './pg-classify.js';
import { classifyDoBody } from './pg-plpgsql.js';
import { parsePostgres } from './postgres.js';
import type { SqlStatement } from './types.js';
import { appendAll, MAX_STATEMENTS, tooManyStatements, unknownStatement } from './types.js';

/** Nesting bound for SQL inside DO blocks inside EXECUTE literals… */
const MAX_DEPTH = 6;

/** Statement text from libpg-query's byte offsets (they count UTF-8 bytes, not characters). */
function sliceStatements(sql: string): (loc: number, len: number | undefined) => string {
  if (Buffer.byteLength(sql, 'utf8') === sql.length)
    return (loc, len) => sql.slice(loc, len === undefined ? undefined : loc + len).trim();
  const bytes = Buffer.from(sql, 'utf8');
  return (loc, len) =>
    bytes
      .subarray(loc, len === undefined ? undefined : loc + len)
      .toString('utf8')
      .trim();
}

export interface PgSqlState {
  prepared: Set<string>;
  /** Statements still to judge in this input (MAX_STATEMENTS at the start). */
  budget?: { left: number };
}

export function classifyPostgresSql(
  sql: string,
  state: PgSqlState = { prepared: new Set() },
  depth = 0,
): SqlStatement[] {
  if (sql.trim() === '' || /^[\s;]*$/.test(sql)) return [];
  if (depth > MAX_DEPTH) return [unknownStatement(sql, 'SQL nested too deeply to follow')];
  const parsed = parsePostgres(sql);
  if (!parsed.ok)
    return [unknownStatement(sql.trim(), `the SQL does not parse: ${parsed.error}`, 'parse-error')];
  const slice = sliceStatements(sql);
  const ctx: PgContext = {
    prepared: state.prepared,
    classifyText: (inner) => classifyPostgresSql(inner, state, depth + 1),
    classifyDoBody: (body, text) =>
      classifyDoBody(body, text, (inner) => classifyPostgresSql(inner, state, depth + 1)),
  };
  const out: SqlStatement[] = [];
  state.budget ??= { left: MAX_STATEMENTS };
  const budget = state.budget;
  for (const raw of parsed.stmts) {
    if (budget.left <= 0) {
      if (budget.left-- === 0) out.push(tooManyStatements());
      break;
    }
    budget.left--;
    const text = slice(raw.stmt_location ?? 0, raw.stmt_len);
    appendAll(out, classifyPgNode(raw.stmt, text, ctx));
  }
  return out;
}
