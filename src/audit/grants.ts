// Grants: what an approval leaves behind. A grant is bound to a fingerprint, expires, and is
// one-time unless a person explicitly granted a duration; using one is atomic across processes.

import { type Db, loadCrypto } from './driver.js';
import { type AuditStore, withDb } from './store.js';
import type { StoreFailure } from './types.js';

export interface NewGrant {
  requestId?: number;
  fingerprint: string;
  /** Milliseconds from creation until it expires. */
  expiresMs: number;
  /** Uses it allows; null = any number until it expires. */
  usesLeft: number | null;
  /** The explicit duration a person asked for (`1h`), recorded as given. */
  forDuration?: string;
  /** When set, only a process presenting this secret may use the grant. */
  token?: string;
}

export interface Grant {
  id: number;
  requestId: number | null;
  fingerprint: string;
  created: string;
  expires: string;
  usesLeft: number | null;
  forDuration: string | null;
  usedAt: string | null;
  /** True when the grant needs a token (handed to the shims of an approved line). */
  scoped: boolean;
}

type Raw = Record<string, unknown>;

function toGrant(raw: Raw): Grant {
  return {
    id: raw.id as number,
    requestId: (raw.request_id as number | null) ?? null,
    fingerprint: raw.fingerprint as string,
    created: raw.created as string,
    expires: raw.expires as string,
    usesLeft: (raw.uses_left as number | null) ?? null,
    forDuration: (raw.for_duration as string | null) ?? null,
    usedAt: (raw.used_at as string | null) ?? null,
    scoped: raw.token_hash !== null && raw.token_hash !== undefined,
  };
}

/** Tokens are stored hashed: reading the store does not hand out a usable grant. */
export function hashToken(token: string): string {
  return loadCrypto().createHash('sha256').update(token).digest('hex');
}

/** Inside a caller's transaction. */
export function insertGrant(db: Db, grant: NewGrant, now: Date): number {
  const info = db
    .prepare(
      `INSERT INTO grants (request_id, fingerprint, created, expires, uses_left, for_duration, token_hash)
       VALUES (@request_id, @fingerprint, @created, @expires, @uses_left, @for_duration, @token_hash)`,
    )
    .run({
      request_id: grant.requestId ?? null,
      fingerprint: grant.fingerprint,
      created: now.toISOString(),
      expires: new Date(now.getTime() + grant.expiresMs).toISOString(),
      uses_left: grant.usesLeft,
      for_duration: grant.forDuration ?? null,
      token_hash: grant.token === undefined ? null : hashToken(grant.token),
    });
  return Number(info.lastInsertRowid);
}

export function createGrants(
  store: AuditStore,
  grants: readonly NewGrant[],
  now: Date,
): { ok: true; value: number[] } | StoreFailure {
  return withDb(store, (db) => {
    const insert = db.transaction((): number[] => grants.map((g) => insertGrant(db, g, now)));
    return insert.immediate();
  });
}

export interface ConsumeOptions {
  /** Prefer this request's grant (the process that waited for it). */
  requestId?: number;
  /** The secret from AIRLOCK_GRANT, which unlocks scoped grants. */
  token?: string;
}

/**
 * Uses one matching, unexpired grant, if there is one. The read and the update happen under
 * one write lock, so two processes racing for a one-time grant cannot both get it.
 */
export function consumeGrant(
  store: AuditStore,
  fingerprint: string,
  now: Date,
  options: ConsumeOptions = {},
): { ok: true; value: Grant | undefined } | StoreFailure {
  return withDb(store, (db) => {
    const consume = db.transaction((): Grant | undefined => {
      const at = now.toISOString();
      const raw = db
        .prepare(
          `SELECT * FROM grants
           WHERE fingerprint = @fingerprint AND expires > @at AND (uses_left IS NULL OR uses_left > 0)
             AND (token_hash IS NULL OR token_hash = @token_hash)
           ORDER BY (request_id IS @request_id) DESC, (token_hash IS NOT NULL) DESC, id
           LIMIT 1`,
        )
        .get({
          fingerprint,
          at,
          token_hash: options.token === undefined ? null : hashToken(options.token),
          request_id: options.requestId ?? null,
        }) as Raw | undefined;
      if (raw === undefined) return undefined;
      const usesLeft = raw.uses_left === null ? null : (raw.uses_left as number) - 1;
      db.prepare('UPDATE grants SET uses_left = @uses_left, used_at = @at WHERE id = @id').run({
        id: raw.id,
        uses_left: usesLeft,
        at,
      });
      // A request's own one-time grant, once used, leaves the request used.
      if (usesLeft === 0 && raw.request_id !== null && raw.token_hash === null) {
        db.prepare(`UPDATE requests SET status = 'used' WHERE id = ? AND status = 'approved'`).run(
          raw.request_id,
        );
      }
      return toGrant({ ...raw, uses_left: usesLeft, used_at: at });
    });
    return consume.immediate();
  });
}

export function listGrants(
  store: AuditStore,
  requestId: number,
): { ok: true; value: Grant[] } | StoreFailure {
  return withDb(store, (db) =>
    (db.prepare('SELECT * FROM grants WHERE request_id = ? ORDER BY id').all(requestId) as Raw[]).map(
      toGrant,
    ),
  );
}
