// Reading the log back: filtered queries for `airlock log`, polling for --follow, JSON Lines export.

import { type AuditStore, readWith } from './store.js';
import type { AuditFilters, AuditRow } from './types.js';

type Raw = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const parsed = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : null);

export function toAuditRow(raw: Raw): AuditRow {
  return {
    id: raw.id as number,
    time: raw.time as string,
    actorKind: raw.actor_kind as AuditRow['actorKind'],
    agent: str(raw.agent),
    modeReason: str(raw.mode_reason),
    sessionId: str(raw.session_id),
    cwd: str(raw.cwd),
    entry: raw.entry as AuditRow['entry'],
    argv: parsed(raw.argv) as string[] | null,
    line: str(raw.line),
    tools: (parsed(raw.tools) as string[] | null) ?? [],
    decision: str(raw.decision),
    effect: str(raw.effect),
    ruleIds: (parsed(raw.rule_ids) as string[] | null) ?? [],
    environment: parsed(raw.environment),
    blastRadius: parsed(raw.blast_radius),
    step: raw.step as AuditRow['step'],
    approvalChannel: str(raw.approval_channel),
    approver: str(raw.approver),
    requestId: num(raw.request_id),
    exitStatus: num(raw.exit_status),
    signal: str(raw.signal),
    durationMs: num(raw.duration_ms),
    note: str(raw.note),
    prevHash: raw.prev_hash as string,
    hash: raw.hash as string,
    hmac: str(raw.hmac),
  };
}

function whereClause(filters: AuditFilters): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filters.since) {
    clauses.push('time >= ?');
    params.push(filters.since.toISOString());
  }
  if (filters.decision) {
    clauses.push('decision = ?');
    params.push(filters.decision);
  }
  if (filters.tool) {
    clauses.push('EXISTS (SELECT 1 FROM json_each(audit.tools) WHERE value = ?)');
    params.push(filters.tool);
  }
  if (filters.session) {
    clauses.push('session_id = ?');
    params.push(filters.session);
  }
  if (filters.actor) {
    clauses.push('(actor_kind = ? OR agent = ?)');
    params.push(filters.actor, filters.actor);
  }
  if (filters.step) {
    clauses.push('step = ?');
    params.push(filters.step);
  }
  if (filters.afterId !== undefined) {
    clauses.push('id > ?');
    params.push(filters.afterId);
  }
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** Matching rows, oldest first; with `limit`, the newest `limit` of them. */
export function queryAudit(store: AuditStore, filters: AuditFilters = {}): AuditRow[] {
  const { sql, params } = whereClause(filters);
  return readWith(store, (db) => {
    if (filters.limit === undefined) {
      return (db.prepare(`SELECT * FROM audit ${sql} ORDER BY id`).all(...params) as Raw[]).map(toAuditRow);
    }
    const newest = db
      .prepare(`SELECT * FROM audit ${sql} ORDER BY id DESC LIMIT ?`)
      .all(...params, Math.max(0, Math.floor(filters.limit))) as Raw[];
    return newest.reverse().map(toAuditRow);
  });
}

/** One poll for `airlock log --follow`: rows after `afterId`, and the id to poll after next time. */
export function followAudit(
  store: AuditStore,
  afterId: number,
  filters: Omit<AuditFilters, 'afterId' | 'limit'> = {},
): { rows: AuditRow[]; lastId: number } {
  const { sql, params } = whereClause({ ...filters, afterId });
  return readWith(store, (db) =>
    // One snapshot, so a row committed between the two reads is neither lost nor skipped.
    db.transaction(() => {
      const top = (db.prepare('SELECT max(id) AS id FROM audit').get() as { id: number | null }).id ?? 0;
      const rows = db
        .prepare(`SELECT * FROM audit ${sql} AND id <= ? ORDER BY id`)
        .all(...params, top) as Raw[];
      return { rows: rows.map(toAuditRow), lastId: Math.max(afterId, top) };
    })(),
  );
}

/** Writes every matching row as one JSON line (oldest first); returns how many. */
export function exportJsonLines(
  store: AuditStore,
  write: (line: string) => void,
  filters: Omit<AuditFilters, 'limit'> = {},
): number {
  const { sql, params } = whereClause(filters);
  return readWith(store, (db) => {
    let count = 0;
    for (const raw of db
      .prepare(`SELECT * FROM audit ${sql} ORDER BY id`)
      .iterate(...params) as IterableIterator<Raw>) {
      write(`${JSON.stringify(toAuditRow(raw))}\n`);
      count++;
    }
    return count;
  });
}
