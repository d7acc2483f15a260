// The approval queue's requests: what an agent asked for, waiting for a person. Every write
// runs in one BEGIN IMMEDIATE transaction, so concurrent askers and approvers never interleave.

import type { RequestStatus } from '../approve/types.js';
import type { Db } from './driver.js';
import { insertGrant, type NewGrant } from './grants.js';
import { redact, redactJson, redactWords } from './redact.js';
import { type AuditStore, withDb } from './store.js';
import type { ActorKind, EntryKind, StoreFailure } from './types.js';

export type StoreResult<T> = { ok: true; value: T } | StoreFailure;

export interface NewRequest {
  /** The command as typed, for a person to read (stored redacted). */
  command: string;
  argv?: string[];
  line?: string;
  cwd: string;
  fingerprint: string;
  /** The Verdict, as plain JSON. */
  verdict: unknown;
  blastRadius?: unknown;
  actorKind: ActorKind;
  agent?: string;
  modeReason?: string;
  entry: EntryKind;
}

export interface QueuedRequest {
  id: number;
  created: string;
  status: RequestStatus;
  command: string;
  argv: string[] | null;
  line: string | null;
  cwd: string;
  fingerprint: string;
  verdict: unknown;
  blastRadius: unknown;
  actorKind: ActorKind;
  agent: string | null;
  modeReason: string | null;
  entry: EntryKind;
  decidedAt: string | null;
  decidedBy: string | null;
  /** The approver's note or the denier's reason. */
  note: string | null;
  /** How it was decided: `cli`, `inbox`, `prompt`. */
  channel: string | null;
}

type Raw = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : null);

function toRequest(raw: Raw): QueuedRequest {
  return {
    id: raw.id as number,
    created: raw.created as string,
    status: raw.status as RequestStatus,
    command: raw.command as string,
    argv: json(raw.argv) as string[] | null,
    line: str(raw.line),
    cwd: raw.cwd as string,
    fingerprint: raw.fingerprint as string,
    verdict: json(raw.verdict),
    blastRadius: json(raw.blast_radius),
    actorKind: raw.actor as ActorKind,
    agent: str(raw.agent),
    modeReason: str(raw.mode_reason),
    entry: raw.entry as EntryKind,
    decidedAt: str(raw.decided_at),
    decidedBy: str(raw.decided_by),
    note: str(raw.note),
    channel: str(raw.channel),
  };
}

function selectRequest(db: Db, id: number): QueuedRequest | undefined {
  const raw = db.prepare('SELECT * FROM requests WHERE id = ?').get(id) as Raw | undefined;
  return raw === undefined ? undefined : toRequest(raw);
}

export function createRequest(store: AuditStore, request: NewRequest): StoreResult<QueuedRequest> {
  return withDb(store, (db) => {
    const insert = db.transaction((): QueuedRequest => {
      const info = db
        .prepare(
          `INSERT INTO requests (created, status, command, argv, line, cwd, fingerprint, verdict, blast_radius,
             actor, agent, mode_reason, entry)
           VALUES (@created, 'pending', @command, @argv, @line, @cwd, @fingerprint, @verdict, @blast_radius,
             @actor, @agent, @mode_reason, @entry)`,
        )
        .run({
          created: store.now().toISOString(),
          command: redact(request.command),
          argv: request.argv ? JSON.stringify(redactWords(request.argv)) : null,
          line: request.line === undefined ? null : redact(request.line),
          cwd: request.cwd,
          fingerprint: request.fingerprint,
          verdict: JSON.stringify(redactJson(request.verdict)),
          blast_radius:
            request.blastRadius === undefined ? null : JSON.stringify(redactJson(request.blastRadius)),
          actor: request.actorKind,
          agent: request.agent ?? null,
          mode_reason: request.modeReason ?? null,
          entry: request.entry,
        });
      return selectRequest(db, Number(info.lastInsertRowid)) as QueuedRequest;
    });
    return insert.immediate();
  });
}

export function getRequest(store: AuditStore, id: number): StoreResult<QueuedRequest | undefined> {
  return withDb(store, (db) => selectRequest(db, id));
}

export interface RequestFilter {
  status?: RequestStatus;
  limit?: number;
}

/** Newest first. */
export function listRequests(store: AuditStore, filter: RequestFilter = {}): StoreResult<QueuedRequest[]> {
  return withDb(store, (db) => {
    const where = filter.status === undefined ? '' : 'WHERE status = @status';
    const limit = filter.limit === undefined ? '' : `LIMIT ${Math.max(0, Math.floor(filter.limit))}`;
    const rows = db
      .prepare(`SELECT * FROM requests ${where} ORDER BY id DESC ${limit}`)
      .all(filter.status === undefined ? {} : { status: filter.status }) as Raw[];
    return rows.map(toRequest);
  });
}

export interface Decision {
  /** Who decided (a user name). */
  by: string;
  /** How: `cli`, `inbox`, `prompt`. */
  channel: string;
  /** The approver's note, or the denier's reason. */
  note?: string;
  now: Date;
  /** Approvals only: how long the one-time grant stays usable. */
  ttlMs: number;
  /** Approvals only: an explicit longer grant, usable any number of times until it ends. */
  forDuration?: { text: string; ms: number };
}

export type DecideOutcome =
  | { kind: 'decided'; request: QueuedRequest; grantId?: number }
  | { kind: 'not-found' }
  | { kind: 'not-pending'; request: QueuedRequest };

/** Approves (with a grant) or denies a pending request; a decided one stays as it is. */
export function decideRequest(
  store: AuditStore,
  id: number,
  decision: 'approve' | 'deny',
  details: Decision,
): StoreResult<DecideOutcome> {
  return withDb(store, (db) => {
    const decide = db.transaction((): DecideOutcome => {
      const current = selectRequest(db, id);
      if (current === undefined) return { kind: 'not-found' };
      if (current.status !== 'pending') return { kind: 'not-pending', request: current };
      const decidedAt = details.now.toISOString();
      db.prepare(
        `UPDATE requests SET status = @status, decided_at = @at, decided_by = @by, note = @note, channel = @channel
         WHERE id = @id AND status = 'pending'`,
      ).run({
        id,
        status: decision === 'approve' ? 'approved' : 'denied',
        at: decidedAt,
        by: details.by,
        note: details.note === undefined ? null : redact(details.note),
        channel: details.channel,
      });
      let grantId: number | undefined;
      if (decision === 'approve') {
        const grant: NewGrant = {
          requestId: id,
          fingerprint: current.fingerprint,
          expiresMs: details.forDuration?.ms ?? details.ttlMs,
          usesLeft: details.forDuration === undefined ? 1 : null,
          forDuration: details.forDuration?.text,
        };
        grantId = insertGrant(db, grant, details.now);
      }
      return { kind: 'decided', request: selectRequest(db, id) as QueuedRequest, grantId };
    });
    return decide.immediate();
  });
}

/**
 * Marks what can no longer be used: pending requests older than `pendingMaxAgeMs`, and
 * approved requests whose grants have all expired. Returns the ids it expired.
 */
export function expireOld(store: AuditStore, now: Date, pendingMaxAgeMs: number): StoreResult<number[]> {
  return withDb(store, (db) => {
    const expire = db.transaction((): number[] => {
      const cutoff = new Date(now.getTime() - pendingMaxAgeMs).toISOString();
      const at = now.toISOString();
      const stale = db
        .prepare(
          `SELECT id FROM requests WHERE (status = 'pending' AND created < @cutoff)
             OR (status = 'approved' AND NOT EXISTS (
               SELECT 1 FROM grants g WHERE g.request_id = requests.id AND g.token_hash IS NULL
                 AND g.expires > @at AND (g.uses_left IS NULL OR g.uses_left > 0)))`,
        )
        .all({ cutoff, at }) as { id: number }[];
      const mark = db.prepare(`UPDATE requests SET status = 'expired' WHERE id = ?`);
      for (const { id } of stale) mark.run(id);
      return stale.map((row) => row.id);
    });
    return expire.immediate();
  });
}
