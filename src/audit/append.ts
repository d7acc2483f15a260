// Writing a row: redact, chain to the head inside BEGIN IMMEDIATE, sign, and move the head.

import {
  type ContentColumn,
  GENESIS_HASH,
  hashRow,
  type StoredValue,
  signHash,
  signHead,
} from './canonical.js';
import type { Db } from './driver.js';
import { redact, redactJson, redactWords } from './redact.js';
import { type AuditStore, withDb } from './store.js';
import type { AppendResult, AuditEntry } from './types.js';

const text = (value: string | undefined): string | null => value ?? null;
const json = (value: unknown): string | null =>
  value === undefined ? null : JSON.stringify(redactJson(value));
const int = (value: number | undefined): number | null =>
  value === undefined || !Number.isFinite(value) ? null : Math.round(value);

/** The stored form of an entry's content: exactly what is hashed and what verify reads back. */
export function toContent(entry: AuditEntry, time: Date): Record<ContentColumn, StoredValue> {
  return {
    time: time.toISOString(),
    actor_kind: entry.actorKind,
    agent: text(entry.agent),
    mode_reason: text(entry.modeReason),
    session_id: text(entry.sessionId),
    cwd: text(entry.cwd),
    entry: entry.entry,
    argv: entry.argv ? JSON.stringify(redactWords(entry.argv)) : null,
    line: entry.line === undefined ? null : redact(entry.line),
    tools: JSON.stringify(entry.tools ?? []),
    decision: text(entry.decision),
    effect: text(entry.effect),
    rule_ids: JSON.stringify(entry.ruleIds ?? []),
    environment: json(entry.environment),
    blast_radius: json(entry.blastRadius),
    step: entry.step,
    approval_channel: text(entry.approvalChannel),
    approver: text(entry.approver),
    request_id: int(entry.requestId),
    exit_status: int(entry.exitStatus),
    signal: text(entry.signal),
    duration_ms: int(entry.durationMs),
    note: entry.note === undefined ? null : redact(entry.note),
  };
}

interface Tail {
  id: number;
  hash: string;
}

const statements = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return {
    head: db.prepare('SELECT last_id AS id, last_hash AS hash FROM head WHERE id = 1'),
    last: db.prepare('SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1'),
    insert: db.prepare(
      `INSERT INTO audit (id, time, actor_kind, agent, mode_reason, session_id, cwd, entry, argv, line, tools,
        decision, effect, rule_ids, environment, blast_radius, step, approval_channel, approver, request_id,
        exit_status, signal, duration_ms, note, prev_hash, hash, hmac)
       VALUES (@id, @time, @actor_kind, @agent, @mode_reason, @session_id, @cwd, @entry, @argv, @line, @tools,
        @decision, @effect, @rule_ids, @environment, @blast_radius, @step, @approval_channel, @approver,
        @request_id, @exit_status, @signal, @duration_ms, @note, @prev_hash, @hash, @hmac)`,
    ),
    moveHead: db.prepare(
      `INSERT INTO head (id, last_id, last_hash, hmac, updated) VALUES (1, @id, @hash, @hmac, @updated)
       ON CONFLICT(id) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash,
         hmac = excluded.hmac, updated = excluded.updated`,
    ),
  };
}

export function appendAudit(store: AuditStore, entry: AuditEntry): AppendResult {
  const result = withDb(store, (db) => {
    let s = statements.get(db);
    if (!s) {
      s = prepare(db);
      statements.set(db, s);
    }
    const sql = s;
    const key = store.key ?? null;
    const write = db.transaction((): { id: number; hash: string } => {
      // Read inside the write lock: this is what keeps the chain whole across processes.
      const head = sql.head.get() as Tail | undefined;
      const last = sql.last.get() as Tail | undefined;
      // The head, not the last row, is what we chain to: if the newest rows were deleted, the
      // next row still names the missing hash and the gap stays visible to verify.
      const prevHash = head?.hash ?? last?.hash ?? GENESIS_HASH;
      const id = Math.max(head?.id ?? 0, last?.id ?? 0) + 1;
      const content = toContent(entry, store.now());
      const hash = hashRow(content, prevHash);
      const hmac = key ? signHash(key, hash) : null;
      sql.insert.run({ ...content, id, prev_hash: prevHash, hash, hmac });
      sql.moveHead.run({ id, hash, hmac: key ? signHead(key, id, hash) : null, updated: content.time });
      return { id, hash };
    });
    return write.immediate();
  });
  return result.ok ? { ok: true, ...result.value } : result;
}
