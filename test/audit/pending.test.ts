// Pending rows: what guarded commands write instead of opening SQLite, and how the next
// opener chains them. Real files, a real store, verify run over the result.

import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  appendAudit,
  backlogDue,
  CHAIN_AGE_MS,
  chainBacklog,
  chainPendingNow,
  closeStore,
  listPending,
  listUnreadable,
  openStore,
  pendingDir,
  queryAudit,
  recordEntry,
  verifyStore,
  writePending,
} from '../../src/audit/index.js';
import { entry, removeDir, tempStateDir } from './helpers.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) removeDir(dir);
});
const fresh = (): string => {
  const dir = tempStateDir();
  dirs.push(dir);
  return dir;
};

describe('writing a pending row', () => {
  it('writes one private file, redacted like a stored row, and no database', () => {
    const state = fresh();
    const written = writePending(state, entry(1, { argv: ['psql', 'postgres://app:hunter2@db/prod'] }));
    expect(written.ok).toBe(true);
    const names = listPending(state);
    expect(names).toHaveLength(1);
    const file = join(pendingDir(state), names[0] as string);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('hunter2');
    expect(text).toContain('postgres://app:***@db/prod');
    expect(readdirSync(state)).toEqual(['audit-pending']);
  });

  it('names rows so that they sort in the order they were written', () => {
    const state = fresh();
    const times = [5, 1, 3].map((s) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)));
    const names = times.map((t) => {
      const r = writePending(state, entry(1), t);
      return r.ok ? r.name : '';
    });
    expect(listPending(state)).toEqual([names[1], names[2], names[0]]);
  });

  it('fails as a value, naming the directory, when it cannot write', () => {
    const state = fresh();
    writeFileSync(join(state, 'audit-pending'), 'a file where the directory should be');
    const written = writePending(state, entry(1));
    expect(written).toMatchObject({ ok: false, path: join(state, 'audit-pending') });
  });
});

describe('chaining pending rows', () => {
  it('chains them, oldest first and with their own times, when the store is next opened', () => {
    const state = fresh();
    const direct = openStore(state);
    appendAudit(direct, entry(1, { note: 'direct' }));
    closeStore(direct);
    for (let i = 0; i < 3; i++)
      writePending(state, entry(i, { note: `pending ${i}` }), new Date(Date.UTC(2026, 0, 1, 0, 0, i)));
    const store = openStore(state);
    const rows = queryAudit(store);
    closeStore(store);
    expect(rows.map((r) => r.note)).toEqual(['direct', 'pending 0', 'pending 1', 'pending 2']);
    expect(rows[1]?.time).toBe('2026-01-01T00:00:00.000Z');
    expect(listPending(state)).toEqual([]);
    expect(verifyStore(state)).toMatchObject({ ok: true, rows: 4, signed: true });
  });

  it('never stores a row twice, even if its file comes back after it was chained', () => {
    const state = fresh();
    const written = writePending(state, entry(1));
    if (!written.ok) throw new Error(written.message);
    const file = join(pendingDir(state), written.name);
    const copy = join(state, 'copy');
    copyFileSync(file, copy);
    const store = openStore(state);
    expect(chainPendingNow(store)).toEqual({ ok: true });
    // A chainer that died between its commit and removing the files leaves them behind.
    copyFileSync(copy, file);
    expect(chainPendingNow(store)).toEqual({ ok: true });
    expect(queryAudit(store)).toHaveLength(1);
    closeStore(store);
    expect(listPending(state)).toEqual([]);
  });

  it('sets an unreadable row aside and says so in the chain and in verify', () => {
    const state = fresh();
    writePending(state, entry(1, { note: 'good' }));
    writeFileSync(join(pendingDir(state), '0000000000001-0000001-0000.row'), '{"format":"airlock-pending/1"');
    writeFileSync(
      join(pendingDir(state), '0000000000002-0000001-0000.row'),
      JSON.stringify({ format: 'airlock-pending/1', content: { time: 'x', step: { nested: true } } }),
    );
    const store = openStore(state);
    const rows = queryAudit(store);
    closeStore(store);
    expect(rows.map((r) => r.note)).toEqual([
      'good',
      expect.stringContaining('could not be read (not valid JSON)'),
      expect.stringContaining('could not be read (actor_kind is missing)'),
    ]);
    expect(rows[1]).toMatchObject({ step: 'error', entry: 'cli' });
    expect(listPending(state)).toEqual([]);
    expect(listUnreadable(state)).toHaveLength(2);
    const verified = verifyStore(state);
    expect(verified.ok).toBe(true);
    expect(verified.notes.filter((n) => n.startsWith('unreadable pending row set aside'))).toHaveLength(2);
  });

  it('verify counts rows that are still pending', () => {
    const state = fresh();
    const store = openStore(state);
    appendAudit(store, entry(1));
    closeStore(store);
    writePending(state, entry(2));
    expect(verifyStore(state).notes).toContain(`1 pending rows not yet chained (in ${pendingDir(state)})`);
  });
});

describe('recording from a guarded command', () => {
  it('writes pending rows until the store is open, then appends directly after them', () => {
    const state = fresh();
    const store = openStore(state);
    expect(recordEntry(store, entry(1, { note: 'first' }))).toEqual({ ok: true, name: expect.any(String) });
    expect(store.db).toBeUndefined();
    expect(chainPendingNow(store)).toEqual({ ok: true });
    expect(recordEntry(store, entry(2, { note: 'second' }))).toMatchObject({ ok: true, id: 2 });
    expect(queryAudit(store).map((r) => r.note)).toEqual(['first', 'second']);
    closeStore(store);
  });

  it('chains a backlog once it reaches the threshold, and not before', () => {
    const state = fresh();
    const store = openStore(state);
    writePending(state, entry(1));
    writePending(state, entry(2));
    chainBacklog(store, 3);
    expect(store.db).toBeUndefined();
    expect(listPending(state)).toHaveLength(2);
    writePending(state, entry(3));
    chainBacklog(store, 3);
    expect(listPending(state)).toEqual([]);
    expect(queryAudit(store)).toHaveLength(3);
    closeStore(store);
  });
});

describe('the age of the oldest pending row', () => {
  it('is due once the oldest row has waited past the limit, however few wait', () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    const state = fresh();
    writePending(state, entry(1), new Date(now - CHAIN_AGE_MS + 1000));
    expect(backlogDue(listPending(state), now)).toBe(false);
    writePending(state, entry(2), new Date(now - CHAIN_AGE_MS - 1000));
    expect(backlogDue(listPending(state), now)).toBe(true);
    expect(backlogDue([], now)).toBe(false);
  });

  it('a guarded command chains a single row that waited too long', () => {
    const state = fresh();
    writePending(state, entry(1, { note: 'old' }), new Date(Date.now() - CHAIN_AGE_MS - 1000));
    const store = openStore(state);
    chainBacklog(store);
    expect(listPending(state)).toEqual([]);
    expect(queryAudit(store).map((r) => r.note)).toEqual(['old']);
    closeStore(store);
  });
});
