// Versioned schema: migrations are applied in order, each inside one IMMEDIATE transaction.

import type { Db } from './driver.js';

export interface Migration {
  version: number;
  /** What it adds, for humans reading `PRAGMA user_version`. */
  title: string;
  steps: string[];
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    title: 'audit log with hash chain and head record',
    steps: [
      `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT`,
      // A random id per store: the anchor file beside it tells a replaced store from the original.
      `INSERT INTO meta (key, value) VALUES ('store_id', lower(hex(randomblob(16))))`,
      `INSERT INTO meta (key, value) VALUES ('created', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
      `CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        time TEXT NOT NULL,
        actor_kind TEXT NOT NULL,
        agent TEXT,
        mode_reason TEXT,
        session_id TEXT,
        cwd TEXT,
        entry TEXT NOT NULL,
        argv TEXT,
        line TEXT,
        tools TEXT NOT NULL,
        decision TEXT,
        effect TEXT,
        rule_ids TEXT NOT NULL,
        environment TEXT,
        blast_radius TEXT,
        step TEXT NOT NULL,
        approval_channel TEXT,
        approver TEXT,
        request_id INTEGER,
        exit_status INTEGER,
        signal TEXT,
        duration_ms INTEGER,
        note TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        hmac TEXT
      )`,
      `CREATE INDEX audit_time ON audit(time)`,
      `CREATE INDEX audit_session ON audit(session_id)`,
      // One row (id = 1): the last id and hash written, so deleting the newest rows shows.
      `CREATE TABLE head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL,
        hmac TEXT,
        updated TEXT NOT NULL
      )`,
    ],
  },
  {
    version: 2,
    title: 'interactive session transcripts',
    steps: [
      `CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        started TEXT NOT NULL,
        ended TEXT,
        shell TEXT NOT NULL,
        cwd TEXT,
        cols INTEGER NOT NULL,
        rows INTEGER NOT NULL,
        exit_status INTEGER
      )`,
      // Each chunk is a gzip of binary-framed timing events (output, input, resize).
      `CREATE TABLE session_chunks (
        session_id TEXT NOT NULL REFERENCES sessions(id),
        seq INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (session_id, seq)
      )`,
    ],
  },
  {
    version: 3,
    title: 'approval queue and grants',
    steps: [
      // IF NOT EXISTS: a store whose version was set back by hand may still hold these tables.
      // Commands, lines and verdicts are stored redacted: the queue shows a person what was
      // asked; the waiting process runs its own in-memory argv, never the stored text.
      `CREATE TABLE IF NOT EXISTS requests (
        id INTEGER PRIMARY KEY,
        created TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'denied', 'expired', 'used')),
        command TEXT NOT NULL,
        argv TEXT,
        line TEXT,
        cwd TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        verdict TEXT NOT NULL,
        blast_radius TEXT,
        actor TEXT NOT NULL,
        agent TEXT,
        mode_reason TEXT,
        entry TEXT NOT NULL,
        decided_at TEXT,
        decided_by TEXT,
        note TEXT,
        channel TEXT
      ) STRICT`,
      `CREATE INDEX IF NOT EXISTS requests_status ON requests(status, id)`,
      // uses_left NULL: any number of uses until it expires (an explicit --for grant).
      // token_hash: only a process holding the secret may use it (grants an approved
      // `airlock sh` line hands to the shims it runs).
      `CREATE TABLE IF NOT EXISTS grants (
        id INTEGER PRIMARY KEY,
        request_id INTEGER REFERENCES requests(id),
        fingerprint TEXT NOT NULL,
        created TEXT NOT NULL,
        expires TEXT NOT NULL,
        uses_left INTEGER,
        for_duration TEXT,
        used_at TEXT,
        token_hash TEXT
      ) STRICT`,
      `CREATE INDEX IF NOT EXISTS grants_fingerprint ON grants(fingerprint, expires)`,
    ],
  },
  {
    version: 4,
    title: 'rows chained from pending files',
    steps: [
      // The pending file a row came from (not part of its hash): a file chained by two processes
      // at once is stored once.
      `ALTER TABLE audit ADD COLUMN pending TEXT`,
      `CREATE UNIQUE INDEX audit_pending ON audit(pending) WHERE pending IS NOT NULL`,
    ],
  },
];

export const latestVersion = migrations[migrations.length - 1]?.version ?? 0;

export interface MigrateResult {
  from: number;
  to: number;
}

/** Brings the schema up to `target` (default: latest). Safe against concurrent openers. */
export function migrate(db: Db, target = latestVersion): MigrateResult {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current >= target) return { from: current, to: current };
  let from = current;
  const apply = db.transaction(() => {
    // Re-read under the write lock: another process may have migrated meanwhile.
    const now = db.pragma('user_version', { simple: true }) as number;
    from = now;
    for (const migration of migrations) {
      if (migration.version <= now || migration.version > target) continue;
      for (const step of migration.steps) db.exec(step);
      db.pragma(`user_version = ${migration.version}`);
    }
  });
  apply.immediate();
  return { from, to: db.pragma('user_version', { simple: true }) as number };
}
