// The tables a foreign key drags along: rows removed by ON DELETE CASCADE when rows of a
// table go, or every referencing table a TRUNCATE … CASCADE empties, followed recursively.

import { quotedName, sqlLiteral } from './psql-connection.js';

export interface CascadeTable {
  table: string;
  /** The planner's row estimate (reltuples), -1 when the table was never analyzed. */
  estimate: number;
}

/** Foreign-key hops followed at most (a cycle stops earlier through UNION). */
const maxDepth = 8;

/**
 * One query returning a JSON array of `{table, estimate}` for tables reachable from `roots`
 * through foreign keys; `deleteCascadeOnly` keeps only ON DELETE CASCADE keys (confdeltype 'c').
 */
export function cascadeQuery(roots: readonly string[], deleteCascadeOnly: boolean): string {
  const rootList = roots.map((r) => `to_regclass(${sqlLiteral(quotedName(r))})`).join(', ');
  const kind = deleteCascadeOnly ? " AND c.confdeltype = 'c'" : '';
  return [
    'WITH RECURSIVE fk(child, depth) AS (',
    `  SELECT c.conrelid, 1 FROM pg_constraint c WHERE c.contype = 'f'${kind} AND c.confrelid = ANY (ARRAY[${rootList}]::oid[])`,
    '  UNION',
    `  SELECT c.conrelid, fk.depth + 1 FROM pg_constraint c JOIN fk ON c.confrelid = fk.child WHERE c.contype = 'f'${kind} AND fk.depth < ${maxDepth}`,
    ')',
    "SELECT coalesce(json_agg(json_build_object('table', t.oid::regclass::text, 'estimate', t.reltuples) ORDER BY t.oid::regclass::text), '[]')",
    `FROM pg_class t WHERE t.oid IN (SELECT child FROM fk) AND t.oid <> ALL (ARRAY[${rootList}]::oid[])`,
  ].join('\n');
}

export function parseCascade(line: string | undefined): CascadeTable[] {
  if (line === undefined) return [];
  const parsed = JSON.parse(line) as { table: string; estimate: number }[];
  return parsed.map((t) => ({ table: t.table, estimate: Number(t.estimate) }));
}

export function describeCascade(tables: readonly CascadeTable[]): string[] {
  return tables.map((t) =>
    t.estimate >= 0
      ? `cascades to ${t.table} (about ${Math.round(t.estimate).toLocaleString('en-US')} rows in all)`
      : `cascades to ${t.table}`,
  );
}
