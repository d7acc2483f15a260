// The audit trail through the built CLI: what a mix of real runs records, `log` filters and
// `export`, secrets kept out of the store file, tampering with the real SQLite file caught by
// `verify` (each kind named), and 50 concurrent airlock processes losing no row.

import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditRowLike, airlock, inChunks, shimBox } from './interpose.js';

const box = shimBox(['sh', 'no-such-program-airlock-test']);
afterAll(() => box.cleanup());

const run = (args: string[]) => box.exec(airlock, args, { env: box.env });

let mixed: AuditRowLike[] = [];
beforeAll(async () => {
  await run(['run', '--', 'git', '--version']);
  await box.exec('sh', ['-c', 'exit 3']);
  await run(['sh', '-c', 'rm -rf /']);
  await run(['run', '--', 'no-such-program-airlock-test']);
  await run(['sh', '-c', 'PGPASSWORD=s3cret psql --version >/dev/null']);
  await run(['run', '--', 'sh', '-c', ': postgres://app:s3cret@db.internal/app']);
  mixed = box.rows();
}, 60_000);

describe('airlock log, export and verify (built CLI)', () => {
  it('records each run with its entry, argv or line, decision and exit status', () => {
    expect(mixed.map((r) => [r.entry, r.argv ?? r.line, r.decision, r.step, r.exitStatus])).toEqual([
      ['run', ['git', '--version'], 'allow', 'allowed', 0],
      ['shim', ['sh', '-c', 'exit 3'], 'allow', 'allowed', 3],
      ['sh', 'rm -rf /', 'deny', 'refused', null],
      ['run', ['no-such-program-airlock-test'], 'allow', 'allowed', 127],
      // The psql inside the line met its shim, so it has its own row, written before the line's.
      ['shim', ['psql', '--version'], 'allow', 'allowed', 0],
      ['sh', 'PGPASSWORD=*** psql --version >/dev/null', 'allow', 'allowed', 0],
      ['run', ['sh', '-c', ': postgres://app:***@db.internal/app'], 'allow', 'allowed', 0],
    ]);
    expect(mixed.every((r) => r.actorKind === 'agent')).toBe(true);
  });

  it('verify exits 0 on the untouched log', async () => {
    const verified = await run(['verify']);
    expect(verified.status).toBe(0);
    expect(verified.stdout.toString()).toContain(
      `audit log intact: ${mixed.length} rows, signatures checked`,
    );
  });

  it('never stores a secret, in the rows or anywhere in the store files', () => {
    const state = join(box.home, 'state');
    for (const file of ['audit.db', 'audit.db-wal'])
      expect(readFileSync(join(state, file)).includes('s3cret'), file).toBe(false);
    expect(box.run(['export']).stdout).not.toContain('s3cret');
  });

  it('export writes one JSON object per line, every row', () => {
    const out = box.run(['export']).stdout;
    expect(out.endsWith('}\n')).toBe(true);
    const lines = out.slice(0, -1).split('\n');
    const parsed = lines.map((l) => JSON.parse(l) as AuditRowLike);
    expect(parsed.map((r) => r.id)).toEqual(mixed.map((r) => r.id));
    expect(parsed[0]).toMatchObject({ entry: 'run', argv: ['git', '--version'] });
  });

  it.each([
    [['--decision', 'deny'], (r: AuditRowLike) => r.decision === 'deny'],
    [['--tool', 'git'], (r: AuditRowLike) => r.tools.includes('git')],
    [['--actor', 'agent'], () => true],
    [['--actor', 'human'], () => false],
    [['--since', '1h'], () => true],
    [['--since', '2999-01-01'], () => false],
  ])('log %j keeps only the matching rows', (filter, keep) => {
    const shown = box.run(['log', '--json', ...filter]);
    expect(shown.status).toBe(0);
    const ids = shown.stdout
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => (JSON.parse(l) as AuditRowLike).id);
    const expected = mixed.filter(keep).map((r) => r.id);
    expect(ids).toEqual(expected);
  });

  it('log prints a table with the decision and status of each row', () => {
    const table = box.run(['log']).stdout;
    expect(table).toMatch(/deny\s+refused\s+agent\s+rm -rf \//);
    expect(table).toMatch(/git --version → 0/);
  });
});

describe('tampering with the real store file (built CLI)', () => {
  type Tamper = (db: Database.Database) => void;
  const swap: Tamper = (db) => {
    const a = db.prepare('SELECT * FROM audit WHERE id = 2').get() as Record<string, unknown>;
    const b = db.prepare('SELECT * FROM audit WHERE id = 3').get() as Record<string, unknown>;
    // `pending` names the file a row was chained from: bookkeeping outside the hash, unique.
    const columns = Object.keys(a).filter((c) => c !== 'id' && c !== 'pending');
    const update = db.prepare(
      `UPDATE audit SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`,
    );
    db.transaction(() => {
      update.run({ ...b, id: 2 });
      update.run({ ...a, id: 3 });
    })();
  };
  const copyRow = (db: Database.Database, from: number, to: number, change: Record<string, unknown>) => {
    const row = db.prepare('SELECT * FROM audit WHERE id = ?').get(from) as Record<string, unknown>;
    const columns = Object.keys(row);
    db.prepare(
      `INSERT INTO audit (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
    ).run({
      ...row,
      ...change,
      id: to,
      pending: null,
    });
  };
  const cases: [string, string, Tamper][] = [
    [
      'an edited row',
      'edited',
      (db) => db.prepare(`UPDATE audit SET argv = '["git","log"]' WHERE id = 1`).run(),
    ],
    ['a deleted row', 'deleted', (db) => db.prepare('DELETE FROM audit WHERE id = 3').run()],
    [
      'a row inserted between two others',
      'inserted',
      (db) => {
        db.prepare('UPDATE audit SET id = id + 1000 WHERE id >= 3').run();
        db.prepare('UPDATE audit SET id = id - 999 WHERE id >= 1000').run();
        copyRow(db, 2, 3, { argv: '["git","push"]' });
      },
    ],
    ['two rows swapped', 'reordered', swap],
    ['the newest rows cut off', 'truncated', (db) => db.prepare('DELETE FROM audit WHERE id >= 5').run()],
    [
      'a forged signature',
      'bad-signature',
      (db) => db.prepare(`UPDATE audit SET hmac = '${'0'.repeat(64)}' WHERE id = 2`).run(),
    ],
  ];

  it.each(cases)('verify catches %s and names the kind', (_name, kind, tamper) => {
    const home = join(box.dir, `tampered-${kind}`);
    cpSync(box.home, home, { recursive: true });
    const db = new Database(join(home, 'state', 'audit.db'));
    tamper(db);
    db.close();
    const verified = box.run(['verify', '--json'], { env: { AIRLOCK_HOME: home } });
    expect(verified.status).toBe(1);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: false, kind });
    expect(box.run(['verify'], { env: { AIRLOCK_HOME: home } }).stdout).toContain(
      `audit log broken: ${kind} at row`,
    );
  });
});

describe('concurrent writers (built CLI)', () => {
  it('50 airlock run processes at once: 50 rows, and the chain verifies', async () => {
    const home = join(box.dir, 'concurrent');
    const env = { ...box.env, AIRLOCK_HOME: home };
    const runs = await inChunks(
      Array.from(
        { length: 50 },
        (_, i) => () => box.exec(airlock, ['run', '--', 'sh', '-c', `exit ${i % 7}`], { env }),
      ),
      50,
    );
    expect(runs.map((r) => r.status)).toEqual(Array.from({ length: 50 }, (_, i) => i % 7));
    const log = box
      .run(['export'], { env: { AIRLOCK_HOME: home } })
      .stdout.trimEnd()
      .split('\n');
    expect(log).toHaveLength(50);
    expect(box.run(['verify'], { env: { AIRLOCK_HOME: home } }).status).toBe(0);
  }, 60_000);
});
