// Opening the store: a handle that connects on first use, sets the pragmas, migrates,
// and turns failures into values.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chainPending } from './chain.js';
import { type Db, loadDriver } from './driver.js';
import { toFailure } from './failure.js';
import { loadOrCreateKey, writeAnchorOnce } from './key.js';
import { migrate } from './schema.js';
import type { StoreFailure, StoreOptions } from './types.js';

export const DB_FILE = 'audit.db';

export interface AuditStore {
  readonly stateDir: string;
  readonly path: string;
  readonly busyTimeoutMs: number;
  readonly sign: boolean;
  readonly now: () => Date;
  /** Internal: the connection once opened, and the key once loaded. */
  db: Db | undefined;
  key: Buffer | null | undefined;
}

/** Costs nothing: the database is opened by the first read or write. */
export function openStore(stateDir: string, options: StoreOptions = {}): AuditStore {
  return {
    stateDir,
    path: join(stateDir, DB_FILE),
    busyTimeoutMs: options.busyTimeoutMs ?? 5000,
    sign: options.sign ?? true,
    now: options.now ?? (() => new Date()),
    db: undefined,
    key: undefined,
  };
}

export function closeStore(store: AuditStore): void {
  const db = store.db;
  store.db = undefined;
  if (db?.open) db.close();
}

/** Applies the connection settings every writer needs; busy_timeout first, before any lock. */
export function configure(db: Db, busyTimeoutMs: number): void {
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
}

function connect(store: AuditStore): Db {
  mkdirSync(store.stateDir, { recursive: true, mode: 0o700 });
  const Database = loadDriver();
  const db = new Database(store.path, { timeout: store.busyTimeoutMs });
  try {
    configure(db, store.busyTimeoutMs);
    const { from } = migrate(db);
    store.key = store.sign ? loadOrCreateKey(store.stateDir) : null;
    if (from === 0) {
      const meta = db.prepare(`SELECT key, value FROM meta WHERE key IN ('store_id', 'created')`).all() as {
        key: string;
        value: string;
      }[];
      const value = (k: string): string => meta.find((m) => m.key === k)?.value ?? '';
      writeAnchorOnce(store.stateDir, value('store_id'), value('created'), store.key);
    }
    // Rows guarded commands wrote while the store was closed come first, in the order written.
    chainPending(store, db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** How many times a store operation starts over after SQLite answered BUSY without waiting. */
const BUSY_RETRIES = 5;

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `work` on the open connection; any failure becomes a value and drops the connection.
 * SQLite answers BUSY at once, without its busy handler, where waiting could deadlock (a
 * journal-mode change on a store many processes open at once, a stale read snapshot): seen
 * once in a full test run, 50 writers racing to chain pending rows. Such an answer within the
 * busy timeout starts over on a fresh connection; `work` is one transaction, so nothing is
 * done twice. A store held past the busy timeout still fails at once.
 */
export function withDb<T>(store: AuditStore, work: (db: Db) => T): { ok: true; value: T } | StoreFailure {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      store.db ??= connect(store);
      return { ok: true, value: work(store.db) };
    } catch (error) {
      // A corrupt or vanished file must not poison later attempts with a stale handle.
      try {
        closeStore(store);
      } catch {}
      const waited = Date.now() - started;
      if (isBusy(error) && attempt < BUSY_RETRIES && waited + 10 < store.busyTimeoutMs) {
        sleepSync(5 * (attempt + 1));
        continue;
      }
      return toFailure(error, store.path);
    }
  }
}

/** Thrown by reading functions (log, export), where a failure is unexpected and stops the command. */
export class AuditStoreError extends Error {
  readonly failure: StoreFailure;
  constructor(failure: StoreFailure) {
    super(failure.message);
    this.name = 'AuditStoreError';
    this.failure = failure;
  }
}

export function readWith<T>(store: AuditStore, work: (db: Db) => T): T {
  const result = withDb(store, work);
  if (!result.ok) throw new AuditStoreError(result);
  return result.value;
}
