// psql DELETE/UPDATE: how many rows the statement would touch, counted by the server with
// the statement's own FROM and WHERE, in a read-only transaction, plus the tables its
// ON DELETE CASCADE keys reach.

import type { SqlStatement } from '../tools/sql/types.js';
import { formatCount } from './fs-format.js';
import { cascadeQuery, describeCascade, parseCascade } from './psql-cascade.js';
import { runReadOnly } from './psql-connection.js';
import { countQueryFor } from './sql-count.js';
import type { Node } from './sql-deparse.js';
import type { Probe, ProbeContext } from './types.js';

type Result = Awaited<ReturnType<Probe['measure']>>;

export const noUndo =
  'no undo: only a backup or point-in-time recovery brings rows back, and airlock cannot see whether one exists';

export async function measureRows(
  statement: SqlStatement,
  connection: string[],
  ctx: ProbeContext,
): Promise<Result> {
  const verb = statement.kind === 'update' ? 'UPDATE' : 'DELETE';
  const built =
    statement.ast === undefined
      ? { ok: false as const, reason: 'the statement was not parsed' }
      : countQueryFor(statement.ast as Node);
  if (!built.ok)
    return {
      status: 'unknown',
      summary: 'rows unknown',
      recoverability: 'not recoverable',
      recovery: noUndo,
      reason: built.reason,
    };
  const queries = [built.sql];
  if (verb === 'DELETE') queries.push(cascadeQuery([built.table], true));
  const run = await runReadOnly(ctx, connection, queries);
  if (!run.ok)
    return {
      status: 'unknown',
      summary: 'rows unknown',
      recoverability: 'not recoverable',
      recovery: noUndo,
      reason: run.error ?? 'psql failed',
    };
  const rows = Number(run.lines[0]);
  if (!Number.isFinite(rows))
    return {
      status: 'unknown',
      summary: 'rows unknown',
      recoverability: 'not recoverable',
      recovery: noUndo,
      reason: `unexpected psql output: ${run.lines[0]}`,
    };
  const cascade = verb === 'DELETE' && rows > 0 ? parseCascade(run.lines[1]) : [];
  const cascadeNote =
    cascade.length === 0 ? '' : `, cascading to ${formatCount(cascade.length, 'more table')}`;
  const done = verb === 'DELETE' ? 'deleted' : 'updated';
  return {
    summary: `${formatCount(rows, 'row')} of ${built.table} ${done}${cascadeNote}`,
    counts: { rows, ...(cascade.length > 0 ? { cascadeTables: cascade.length } : {}) },
    items: [...describeCascade(cascade)].slice(0, ctx.maxItems),
    recoverability: 'not recoverable',
    recovery: `${noUndo}; when approved, it runs in a transaction that rolls back if it touches more rows than measured`,
    raw: built.sql,
  };
}
