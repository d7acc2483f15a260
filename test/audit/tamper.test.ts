import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  appendAudit,
  closeStore,
  DB_FILE,
  hashRow,
  openStore,
  toContent,
  type VerifyResult,
  verifyStore,
} from '../../src/audit/index.js';
import { entry, removeDir, tempStateDir } from './helpers.js';

type Db = Database.Database;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

function writeLog(rows: number, sign: boolean): string {
  const dir = tempStateDir();
  dirs.push(dir);
  const store = openStore(dir, { sign });
  for (let i = 1; i <= rows; i++) expect(appendAudit(store, entry(i)).ok).toBe(true);
  closeStore(store);
  return dir;
}

function withDb(dir: string, change: (db: Db) => void): void {
  const db = new Database(join(dir, DB_FILE));
  try {
    change(db);
  } finally {
    db.close();
  }
}

const hashOf = (db: Db, id: number): string =>
  (db.prepare('SELECT hash FROM audit WHERE id = ?').get(id) as { hash: string }).hash;

/** A row an attacker who knows the algorithm (but not the key) would forge. */
function forge(db: Db, id: number, prevHash: string): void {
  const content = toContent(entry(999, { argv: ['echo', 'nothing to see'] }), new Date());
  const hash = hashRow(content, prevHash);
  db.prepare(
    `INSERT INTO audit (id, ${Object.keys(content).join(', ')}, prev_hash, hash, hmac)
     VALUES (@id, ${Object.keys(content)
       .map((k) => `@${k}`)
       .join(', ')}, @prev_hash, @hash, @hmac)`,
  ).run({ ...content, id, prev_hash: prevHash, hash, hmac: 'f'.repeat(64) });
}

function makeRoomAt(db: Db, id: number): void {
  db.prepare('UPDATE audit SET id = id + 100000 WHERE id >= ?').run(id);
  db.prepare('UPDATE audit SET id = id - 99999 WHERE id >= 100000').run();
}

const contentColumns = (db: Db): string[] =>
  (db.prepare('PRAGMA table_info(audit)').all() as { name: string }[])
    .map((c) => c.name)
    .filter((n) => n !== 'id');

function swapRows(db: Db, a: number, b: number): void {
  const columns = contentColumns(db);
  const rowA = db.prepare('SELECT * FROM audit WHERE id = ?').get(a) as Record<string, unknown>;
  const rowB = db.prepare('SELECT * FROM audit WHERE id = ?').get(b) as Record<string, unknown>;
  const update = db.prepare(
    `UPDATE audit SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`,
  );
  db.transaction(() => {
    update.run({ ...rowB, id: a });
    update.run({ ...rowA, id: b });
  })();
}

interface Case {
  name: string;
  signed: boolean;
  tamper: (db: Db, dir: string) => void;
  kind: string;
  id: number;
}

const cases: Case[] = [
  {
    name: 'edit a field',
    signed: true,
    tamper: (db) => db.prepare(`UPDATE audit SET argv = '["ls"]' WHERE id = 20`).run(),
    kind: 'edited',
    id: 20,
  },
  {
    name: 'edit a field without a key',
    signed: false,
    tamper: (db) => db.prepare(`UPDATE audit SET decision = 'deny' WHERE id = 7`).run(),
    kind: 'edited',
    id: 7,
  },
  {
    name: 'edit a field and re-hash it, signed',
    signed: true,
    tamper: (db) => {
      db.prepare(`UPDATE audit SET approver = 'mallory' WHERE id = 20`).run();
      const row = db.prepare('SELECT * FROM audit WHERE id = 20').get() as Record<string, unknown>;
      db.prepare('UPDATE audit SET hash = ? WHERE id = 20').run(hashRow(row, row.prev_hash as string));
    },
    kind: 'bad-signature',
    id: 20,
  },
  {
    name: 'edit a field and re-hash it, unsigned',
    signed: false,
    tamper: (db) => {
      db.prepare(`UPDATE audit SET approver = 'mallory' WHERE id = 20`).run();
      const row = db.prepare('SELECT * FROM audit WHERE id = 20').get() as Record<string, unknown>;
      db.prepare('UPDATE audit SET hash = ? WHERE id = 20').run(hashRow(row, row.prev_hash as string));
    },
    kind: 'edited',
    id: 20,
  },
  {
    name: 'delete a middle row',
    signed: true,
    tamper: (db) => db.exec('DELETE FROM audit WHERE id = 25'),
    kind: 'deleted',
    id: 25,
  },
  {
    name: 'delete three middle rows',
    signed: false,
    tamper: (db) => db.exec('DELETE FROM audit WHERE id BETWEEN 10 AND 12'),
    kind: 'deleted',
    id: 10,
  },
  {
    name: 'delete the first row',
    signed: true,
    tamper: (db) => db.exec('DELETE FROM audit WHERE id = 1'),
    kind: 'deleted',
    id: 1,
  },
  {
    name: 'insert a forged row in the middle, signed',
    signed: true,
    tamper: (db) => {
      const prev = hashOf(db, 25);
      makeRoomAt(db, 26);
      forge(db, 26, prev);
    },
    kind: 'inserted',
    id: 26,
  },
  {
    name: 'insert a forged row in the middle, unsigned',
    signed: false,
    tamper: (db) => {
      const prev = hashOf(db, 25);
      makeRoomAt(db, 26);
      forge(db, 26, prev);
    },
    kind: 'inserted',
    id: 26,
  },
  {
    name: 'append a forged row after the last, signed',
    signed: true,
    tamper: (db) => forge(db, 51, hashOf(db, 50)),
    kind: 'inserted',
    id: 51,
  },
  {
    name: 'append a forged row after the last, unsigned',
    signed: false,
    tamper: (db) => forge(db, 51, hashOf(db, 50)),
    kind: 'inserted',
    id: 51,
  },
  {
    name: 'swap two rows (reorder)',
    signed: true,
    tamper: (db) => swapRows(db, 10, 30),
    kind: 'reordered',
    id: 10,
  },
  {
    name: 'swap two adjacent rows',
    signed: false,
    tamper: (db) => swapRows(db, 25, 26),
    kind: 'reordered',
    id: 25,
  },
  {
    name: 'delete the newest rows (truncation)',
    signed: true,
    tamper: (db) => db.exec('DELETE FROM audit WHERE id > 45'),
    kind: 'truncated',
    id: 46,
  },
  {
    name: 'truncate, unsigned',
    signed: false,
    tamper: (db) => db.exec('DELETE FROM audit WHERE id > 40'),
    kind: 'truncated',
    id: 41,
  },
  {
    name: 'truncate and rewind the head (no key to re-sign it)',
    signed: true,
    tamper: (db) => {
      db.exec('DELETE FROM audit WHERE id > 45');
      db.prepare('UPDATE head SET last_id = 45, last_hash = ?').run(hashOf(db, 45));
    },
    kind: 'bad-signature',
    id: 0,
  },
  {
    name: 'delete every row',
    signed: true,
    tamper: (db) => db.exec('DELETE FROM audit'),
    kind: 'truncated',
    id: 1,
  },
  {
    name: 'delete the head record',
    signed: true,
    tamper: (db) => db.exec('DELETE FROM head'),
    kind: 'truncated',
    id: 0,
  },
  {
    name: 'change an hmac',
    signed: true,
    tamper: (db) => db.prepare(`UPDATE audit SET hmac = ? WHERE id = 33`).run('0'.repeat(64)),
    kind: 'bad-signature',
    id: 33,
  },
  {
    name: 'strip an hmac',
    signed: true,
    tamper: (db) => db.exec('UPDATE audit SET hmac = NULL WHERE id = 2'),
    kind: 'bad-signature',
    id: 2,
  },
];

function failure(result: VerifyResult): { kind: string; id: number } {
  if (result.ok) return { kind: 'ok', id: -1 };
  return { kind: result.kind, id: result.id };
}

describe('verifyStore on a real log', () => {
  it('verifies a clean signed log', () => {
    const dir = writeLog(50, true);
    expect(verifyStore(dir)).toEqual({ ok: true, rows: 50, lastId: 50, signed: true, notes: [] });
  });

  it('verifies a clean unsigned log and says signatures were not checked', () => {
    const result = verifyStore(writeLog(10, false));
    expect(result).toMatchObject({ ok: true, rows: 10, signed: false });
    expect(result.notes.join()).toMatch(/not checked/);
  });

  it.each(cases)('$name → $kind at row $id', ({ signed, tamper, kind, id }) => {
    const dir = writeLog(50, signed);
    expect(verifyStore(dir).ok).toBe(true);
    withDb(dir, (db) => tamper(db, dir));
    const result = verifyStore(dir);
    expect(failure(result)).toEqual({ kind, id });
    expect(result.ok ? '' : result.message).not.toBe('');
  });

  it('keeps a truncation visible after airlock writes again', () => {
    const dir = writeLog(50, true);
    withDb(dir, (db) => db.exec('DELETE FROM audit WHERE id > 45'));
    const store = openStore(dir);
    expect(appendAudit(store, entry(51))).toMatchObject({ ok: true, id: 51 });
    closeStore(store);
    expect(failure(verifyStore(dir))).toEqual({ kind: 'deleted', id: 46 });
  });

  it('detects a store deleted and started afresh', () => {
    const dir = writeLog(20, true);
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, DB_FILE + suffix), { force: true });
    expect(failure(verifyStore(dir))).toEqual({ kind: 'replaced', id: 0 });
    const store = openStore(dir);
    expect(appendAudit(store, entry(1)).ok).toBe(true);
    closeStore(store);
    expect(failure(verifyStore(dir))).toEqual({ kind: 'replaced', id: 0 });
  });

  it('reports a file that is not a database as unreadable', () => {
    const dir = writeLog(3, true);
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, DB_FILE + suffix), { force: true });
    writeFileSync(join(dir, DB_FILE), 'not a database at all'.repeat(100));
    expect(failure(verifyStore(dir)).kind).toBe('unreadable');
  });
});
