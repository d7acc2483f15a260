// psql DROP TABLE / TRUNCATE: the rows and total size (indexes and TOAST included) of each
// table, counted exactly when the table is small and estimated when it is not, and the
// tables a CASCADE drags along.

import type { SqlStatement } from '../tools/sql/types.js';
import { formatBytes, formatCount } from './fs-format.js';
import { type CascadeTable, cascadeQuery, parseCascade } from './psql-cascade.js';
import { quotedName, runReadOnly, sqlLiteral } from './psql-connection.js';
import { noUndo } from './psql-rows.js';
import type { Probe, ProbeContext } from './types.js';

type Result = Awaited<ReturnType<Probe['measure']>>;

/** Tables the planner thinks are larger than this are not counted row by row. */
const exactCountLimit = 1_000_000;

interface TableSize {
  name: string;
  /** regclass text: a safely quoted name, or null when the table does not exist. */
  table: string | null;
  estimate: number;
  bytes: number;
  rows?: number;
}

function sizeQuery(names: readonly string[]): string {
  const list = names.map((n) => sqlLiteral(quotedName(n))).join(', ');
  return [
    "SELECT coalesce(json_agg(json_build_object('name', n, 'table', c.oid::regclass::text, 'estimate', c.reltuples, 'bytes', pg_total_relation_size(c.oid))), '[]')",
    `FROM unnest(ARRAY[${list}]::text[]) AS n LEFT JOIN pg_class c ON c.oid = to_regclass(n)`,
  ].join(' ');
}

function rowsOf(t: TableSize): string {
  if (t.rows !== undefined) return formatCount(t.rows, 'row');
  return t.estimate >= 0 ? `about ${formatCount(Math.round(t.estimate), 'row')}` : 'rows unknown';
}

export async function measureTables(
  statement: SqlStatement,
  connection: string[],
  ctx: ProbeContext,
): Promise<Result> {
  const truncate = statement.kind === 'truncate';
  const names = statement.objects;
  if (names.length === 0)
    return {
      status: 'unknown',
      summary: 'tables unknown',
      recoverability: 'not recoverable',
      recovery: noUndo,
      reason: 'no table named',
    };
  const queries = [sizeQuery(names)];
  if (statement.cascade === true) queries.push(cascadeQuery(names, false));
  const first = await runReadOnly(ctx, connection, queries);
  if (!first.ok)
    return {
      status: 'unknown',
      summary: 'tables unknown',
      recoverability: 'not recoverable',
      recovery: noUndo,
      reason: first.error ?? 'psql failed',
    };
  const tables = JSON.parse(first.lines[0] ?? '[]') as TableSize[];
  const cascade: CascadeTable[] = statement.cascade === true ? parseCascade(first.lines[1]) : [];
  const counted = tables.filter((t) => t.table !== null && t.estimate < exactCountLimit);
  const cascadeCounted = truncate ? cascade.filter((c) => c.estimate < exactCountLimit) : [];
  const countQueries = [...counted, ...cascadeCounted].map((t) => `SELECT count(*) FROM ${t.table}`);
  const exact = countQueries.length === 0 ? { ok: false } : await runReadOnly(ctx, connection, countQueries);
  // A count that timed out leaves the planner's estimate standing.
  if (exact.ok && 'lines' in exact) {
    counted.forEach((t, i) => {
      t.rows = Number(exact.lines[i]);
    });
    cascadeCounted.forEach((c, i) => {
      c.estimate = Number(exact.lines[counted.length + i]);
    });
  }
  const present = tables.filter((t) => t.table !== null);
  const rows = present.reduce((sum, t) => sum + (t.rows ?? Math.max(0, Math.round(t.estimate))), 0);
  const bytes = present.reduce((sum, t) => sum + Number(t.bytes), 0);
  const missing = tables.filter((t) => t.table === null).map((t) => `${t.name}: no such table`);
  const items = [
    ...present.map((t) => `${t.table}: ${rowsOf(t)}, ${formatBytes(Number(t.bytes))}`),
    ...missing,
    ...cascade.map((c) =>
      truncate
        ? `also emptied by CASCADE: ${c.table} (${formatCount(Math.max(0, Math.round(c.estimate)), 'row')})`
        : `loses its foreign key by CASCADE: ${c.table}`,
    ),
  ];
  const allExact = present.every((t) => t.rows !== undefined);
  const verb = truncate ? 'emptied' : 'dropped';
  const cascadeNote =
    truncate && cascade.length > 0 ? ` (+${formatCount(cascade.length, 'table')} by CASCADE)` : '';
  return {
    summary: `${formatCount(present.length, 'table')} ${verb}: ${allExact ? '' : 'about '}${formatCount(rows, 'row')}, ${formatBytes(bytes)}${cascadeNote}`,
    counts: {
      tables: present.length,
      rows,
      bytes,
      ...(cascade.length > 0 ? { cascadeTables: cascade.length } : {}),
    },
    items: items.slice(0, ctx.maxItems),
    recoverability: 'not recoverable',
    recovery: noUndo,
  };
}
