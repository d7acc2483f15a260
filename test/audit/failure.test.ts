import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, closeStore, DB_FILE, openStore, queryAudit } from '../../src/audit/index.js';
import { withDb } from '../../src/audit/store.js';
import { entry, removeDir, tempStateDir } from './helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    chmodSync(dir, 0o700);
    removeDir(dir);
  }
});

function dir(): string {
  const d = tempStateDir();
  dirs.push(d);
  return d;
}

/** Whether chmod really stops this process from writing (it does not for root). */
function chmodStopsWrites(parent: string): boolean {
  const probe = join(parent, 'probe');
  mkdirSync(probe);
  chmodSync(probe, 0o500);
  try {
    writeFileSync(join(probe, 'x'), 'x');
    return false;
  } catch {
    return true;
  } finally {
    chmodSync(probe, 0o700);
    rmSync(probe, { recursive: true, force: true });
  }
}

describe('appendAudit failures are values, not throws', () => {
  it('a state dir that cannot be written', () => {
    const parent = dir();
    let stateDir: string;
    let expected: string[];
    if (chmodStopsWrites(parent)) {
      stateDir = join(parent, 'state');
      mkdirSync(stateDir);
      chmodSync(stateDir, 0o500);
      expected = ['unavailable', 'read-only'];
    } else {
      // Root writes through chmod: use another real failure, a file where the directory should be.
      writeFileSync(join(parent, 'state'), 'a file, not a directory');
      stateDir = join(parent, 'state');
      expected = ['unavailable'];
    }
    const result = appendAudit(openStore(stateDir), entry(1));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(expected).toContain(result.reason);
      expect(result.message).toMatch(/audit store/);
      expect(result.path).toBe(join(stateDir, DB_FILE));
    }
  });

  it('a path under a regular file (ENOTDIR)', () => {
    const parent = dir();
    writeFileSync(join(parent, 'file'), 'x');
    const result = appendAudit(openStore(join(parent, 'file', 'state')), entry(1));
    expect(result).toMatchObject({ ok: false, reason: 'unavailable', code: 'ENOTDIR' });
  });

  it('a corrupt database file', () => {
    const stateDir = dir();
    writeFileSync(join(stateDir, DB_FILE), Buffer.alloc(8192, 0x5a));
    const store = openStore(stateDir);
    expect(appendAudit(store, entry(1))).toMatchObject({
      ok: false,
      reason: 'corrupt',
      code: 'SQLITE_NOTADB',
    });
    // The failed handle is dropped: once the file is repaired, the same store works again.
    rmSync(join(stateDir, DB_FILE));
    rmSync(join(stateDir, 'audit.anchor'), { force: true });
    expect(appendAudit(store, entry(2))).toMatchObject({ ok: true, id: 1 });
    closeStore(store);
  });

  it('a store locked beyond the busy timeout', () => {
    const stateDir = dir();
    const store = openStore(stateDir, { busyTimeoutMs: 50 });
    expect(appendAudit(store, entry(1)).ok).toBe(true);
    closeStore(store);
    const holder = new Database(join(stateDir, DB_FILE));
    holder.exec('BEGIN IMMEDIATE');
    try {
      const started = Date.now();
      const result = appendAudit(openStore(stateDir, { busyTimeoutMs: 50 }), entry(2));
      expect(result).toMatchObject({ ok: false, reason: 'locked', code: 'SQLITE_BUSY' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    const again = openStore(stateDir);
    expect(appendAudit(again, entry(3))).toMatchObject({ ok: true, id: 2 });
    closeStore(again);
  });

  it('a BUSY answered at once, within the busy timeout, starts the work over on a fresh connection', () => {
    const stateDir = dir();
    const store = openStore(stateDir, { busyTimeoutMs: 5_000 });
    let calls = 0;
    const result = withDb(store, (db) => {
      calls++;
      // What SQLite throws when it declines to wait (better-sqlite3's SqliteError carries the code).
      if (calls < 3) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY_SNAPSHOT' });
      return db.pragma('user_version', { simple: true });
    });
    expect(result).toMatchObject({ ok: true });
    expect(calls).toBe(3);
    // Anything else fails at once, as before.
    let other = 0;
    const failed = withDb(store, () => {
      other++;
      throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
    });
    expect(failed).toMatchObject({ ok: false, reason: 'io' });
    expect(other).toBe(1);
    closeStore(store);
  });

  it('reading functions throw a typed error that carries the failure', () => {
    const stateDir = dir();
    writeFileSync(join(stateDir, DB_FILE), Buffer.alloc(8192, 0x5a));
    expect(() => queryAudit(openStore(stateDir))).toThrow(
      expect.objectContaining({
        name: 'AuditStoreError',
        failure: expect.objectContaining({ reason: 'corrupt' }),
      }),
    );
  });
});
