import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ANCHOR_FILE,
  appendAudit,
  closeStore,
  DB_FILE,
  exportJsonLines,
  followAudit,
  KEY_FILE,
  latestVersion,
  migrate,
  openStore,
  queryAudit,
  verifyStore,
} from '../../src/audit/index.js';
import { entry, removeDir, tempStateDir } from './helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});
function dir(): string {
  const d = tempStateDir();
  dirs.push(d);
  return d;
}

describe('openStore and appendAudit', () => {
  it('creates a WAL database, a 0600 key, an anchor, and chains rows', () => {
    const stateDir = dir();
    const store = openStore(stateDir);
    const first = appendAudit(store, entry(1));
    const second = appendAudit(store, entry(2));
    expect(first).toMatchObject({ ok: true, id: 1 });
    expect(second).toMatchObject({ ok: true, id: 2 });
    closeStore(store);
    expect(statSync(join(stateDir, KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(join(stateDir, KEY_FILE)).size).toBe(32);
    expect(JSON.parse(readFileSync(join(stateDir, ANCHOR_FILE), 'utf8'))).toHaveProperty('storeId');
    const db = new Database(join(stateDir, DB_FILE), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    const rows = db.prepare('SELECT id, prev_hash, hash FROM audit ORDER BY id').all() as {
      prev_hash: string;
      hash: string;
    }[];
    expect(rows[0]?.prev_hash).toBe('0'.repeat(64));
    expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
    expect(db.prepare('SELECT last_id FROM head').get()).toEqual({ last_id: 2 });
    db.close();
  });

  it('stores every field, redacted, and reads it back', () => {
    const stateDir = dir();
    const store = openStore(stateDir, { now: () => new Date('2025-03-01T12:00:00.123Z') });
    appendAudit(store, {
      actorKind: 'agent',
      agent: 'codex',
      modeReason: 'CODEX_SANDBOX set',
      sessionId: 'sess-1',
      cwd: '/srv/app',
      entry: 'sh',
      line: 'PGPASSWORD=hunter2 psql -c "drop table users"',
      tools: ['psql'],
      decision: 'approve',
      effect: 'destroy',
      ruleIds: ['psql/drop-table'],
      environment: { name: 'prod', value: 'postgres://app:pw@db.prod/shop', source: 'db host' },
      blastRadius: { rows: 1200, recoverable: false },
      step: 'approved',
      approvalChannel: 'queue',
      approver: 'alice',
      requestId: 42,
      exitStatus: 0,
      signal: 'SIGTERM',
      durationMs: 12.6,
      note: 'approved with --token abc',
    });
    const [row] = queryAudit(store);
    closeStore(store);
    expect(row).toMatchObject({
      id: 1,
      time: '2025-03-01T12:00:00.123Z',
      actorKind: 'agent',
      agent: 'codex',
      modeReason: 'CODEX_SANDBOX set',
      sessionId: 'sess-1',
      cwd: '/srv/app',
      entry: 'sh',
      argv: null,
      line: 'PGPASSWORD=*** psql -c "drop table users"',
      tools: ['psql'],
      decision: 'approve',
      effect: 'destroy',
      ruleIds: ['psql/drop-table'],
      environment: { name: 'prod', value: 'postgres://app:***@db.prod/shop', source: 'db host' },
      blastRadius: { rows: 1200, recoverable: false },
      step: 'approved',
      approvalChannel: 'queue',
      approver: 'alice',
      requestId: 42,
      exitStatus: 0,
      signal: 'SIGTERM',
      durationMs: 13,
      note: 'approved with --token ***',
    });
    expect(row?.hmac).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyStore(stateDir).ok).toBe(true);
  });

  it('does not touch the disk until the first read or write', () => {
    const stateDir = join(dir(), 'not-yet');
    const store = openStore(stateDir);
    expect(() => statSync(stateDir)).toThrow();
    expect(appendAudit(store, entry(1)).ok).toBe(true);
    expect(statSync(join(stateDir, DB_FILE)).isFile()).toBe(true);
    closeStore(store);
  });
});

describe('queries', () => {
  // Shared by the cases below, so kept out of the per-test cleanup.
  const stateDir = tempStateDir();
  let clock = Date.parse('2025-01-01T00:00:00Z');
  const tick = (): Date => {
    clock += 60_000;
    return new Date(clock);
  };
  const store = openStore(stateDir, { now: tick });
  beforeAll(() => {
    for (let i = 1; i <= 30; i++) appendAudit(store, entry(i));
  });
  afterAll(() => {
    closeStore(store);
    removeDir(stateDir);
  });

  it.each([
    [{}, 30],
    [{ decision: 'approve' }, 6],
    [{ tool: 'rm' }, 15],
    [{ tool: 'kubectl' }, 0],
    [{ session: 's1' }, 8],
    [{ actor: 'human' }, 10],
    [{ actor: 'claude-code' }, 20],
    [{ since: new Date('2025-01-01T00:25:00Z') }, 6],
    [{ limit: 5 }, 5],
    [{ tool: 'git', decision: 'allow' }, 12],
  ])('%j → %d rows', (filters, count) => {
    expect(queryAudit(store, filters)).toHaveLength(count);
  });

  it('returns the newest rows, oldest first, with a limit', () => {
    expect(queryAudit(store, { limit: 3 }).map((r) => r.id)).toEqual([28, 29, 30]);
  });

  it('follows new rows by polling', () => {
    const first = followAudit(store, 28);
    expect(first.rows.map((r) => r.id)).toEqual([29, 30]);
    expect(first.lastId).toBe(30);
    expect(followAudit(store, first.lastId).rows).toEqual([]);
    appendAudit(store, entry(31));
    const next = followAudit(store, first.lastId, { tool: 'git' });
    expect(next).toMatchObject({ lastId: 31, rows: [{ id: 31 }] });
  });

  it('exports JSON Lines', () => {
    const lines: string[] = [];
    const count = exportJsonLines(store, (line) => lines.push(line), { decision: 'approve' });
    expect(count).toBe(6);
    expect(lines.every((l) => l.endsWith('\n'))).toBe(true);
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      id: 5,
      decision: 'approve',
      argv: ['rm', '-rf', 'build-5'],
    });
  });
});

describe('migrations', () => {
  it('opens a version-1 database, migrates it, and keeps the chain', () => {
    const stateDir = dir();
    const old = openStore(stateDir);
    appendAudit(old, entry(1));
    closeStore(old);
    // Rebuild the file as version 1 wrote it: no session, queue or grant tables, no pending column.
    const db = new Database(join(stateDir, DB_FILE));
    db.exec(
      'DROP TABLE session_chunks; DROP TABLE sessions; DROP TABLE grants; DROP TABLE requests; ' +
        'DROP INDEX audit_pending; ALTER TABLE audit DROP COLUMN pending; PRAGMA user_version = 1',
    );
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();

    const store = openStore(stateDir);
    expect(appendAudit(store, entry(2))).toMatchObject({ ok: true, id: 2 });
    closeStore(store);
    const after = new Database(join(stateDir, DB_FILE), { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(after.prepare(`SELECT name FROM sqlite_master WHERE name = 'sessions'`).get()).toEqual({
      name: 'sessions',
    });
    after.close();
    expect(verifyStore(stateDir)).toMatchObject({ ok: true, rows: 2 });
  });

  it('migrates step by step and never re-applies a step', () => {
    const db = new Database(':memory:');
    expect(migrate(db, 1)).toEqual({ from: 0, to: 1 });
    expect(migrate(db, 1)).toEqual({ from: 1, to: 1 });
    expect(migrate(db)).toEqual({ from: 1, to: latestVersion });
    expect(migrate(db)).toEqual({ from: latestVersion, to: latestVersion });
    db.close();
  });
});
