// The queue's store: requests, decisions and grants on a real SQLite file.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AuditStore,
  closeStore,
  consumeGrant,
  createGrants,
  createRequest,
  decideRequest,
  expireOld,
  getRequest,
  listGrants,
  listRequests,
  type NewRequest,
  openStore,
  queryAudit,
} from '../../src/audit/index.js';
import { removeDir, tempStateDir } from './helpers.js';

let dir: string;
let store: AuditStore;
const t0 = new Date('2026-01-01T10:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const minute = 60_000;

beforeEach(() => {
  dir = tempStateDir();
  store = openStore(dir, { now: () => t0 });
});
afterEach(() => {
  closeStore(store);
  removeDir(dir);
});

function request(extra: Partial<NewRequest> = {}): NewRequest {
  return {
    command: 'rm -rf data',
    argv: ['rm', '-rf', 'data'],
    cwd: '/work',
    fingerprint: 'fp-1',
    verdict: { decision: 'approve', findings: [], environment: { name: 'local', source: 'x' } },
    actorKind: 'agent',
    agent: 'test',
    modeReason: 'AIRLOCK_AGENT is set',
    entry: 'shim',
    ...extra,
  };
}

function created(extra: Partial<NewRequest> = {}) {
  const result = createRequest(store, request(extra));
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

function approve(id: number, options: { forDuration?: { text: string; ms: number }; now?: Date } = {}) {
  const result = decideRequest(store, id, 'approve', {
    by: 'ana',
    channel: 'cli',
    note: 'ok',
    now: options.now ?? t0,
    ttlMs: 15 * minute,
    forDuration: options.forDuration,
  });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

function consume(fp: string, now: Date, options = {}) {
  const result = consumeGrant(store, fp, now, options);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('requests', () => {
  it('are created pending, read back, and listed newest first', () => {
    const a = created();
    const b = created({ command: 'git push -f', argv: ['git', 'push', '-f'], fingerprint: 'fp-2' });
    expect(a).toMatchObject({ id: 1, status: 'pending', cwd: '/work', agent: 'test', decidedAt: null });
    const read = getRequest(store, b.id);
    expect(read.ok && read.value?.argv).toEqual(['git', 'push', '-f']);
    const listed = listRequests(store, { status: 'pending' });
    expect(listed.ok && listed.value.map((r) => r.id)).toEqual([b.id, a.id]);
  });

  it('keep secrets out of the stored command', () => {
    const r = created({ command: 'mysql -psecret123 -e "drop table t"', argv: ['mysql', '-psecret123'] });
    expect(JSON.stringify(r)).not.toContain('secret123');
  });

  it('are decided once: a second decision changes nothing', () => {
    const r = created();
    expect(approve(r.id)).toMatchObject({
      kind: 'decided',
      request: { status: 'approved', decidedBy: 'ana' },
    });
    const again = decideRequest(store, r.id, 'deny', { by: 'bo', channel: 'cli', now: t0, ttlMs: minute });
    expect(again.ok && again.value).toMatchObject({ kind: 'not-pending', request: { status: 'approved' } });
    const missing = decideRequest(store, 99, 'deny', { by: 'bo', channel: 'cli', now: t0, ttlMs: minute });
    expect(missing.ok && missing.value).toEqual({ kind: 'not-found' });
  });

  it('keep the reason of a denial, and a denial leaves no grant', () => {
    const r = created();
    const denied = decideRequest(store, r.id, 'deny', {
      by: 'bo',
      channel: 'cli',
      note: 'not now',
      now: t0,
      ttlMs: minute,
    });
    expect(denied.ok && denied.value).toMatchObject({
      request: { status: 'denied', note: 'not now', decidedBy: 'bo' },
    });
    expect(consume('fp-1', t0)).toBeUndefined();
  });
});

describe('grants', () => {
  it('are one-time by default, and using one leaves the request used', () => {
    const r = created();
    approve(r.id);
    expect(consume('fp-1', at(minute))).toMatchObject({ requestId: r.id, usesLeft: 0 });
    expect(consume('fp-1', at(minute))).toBeUndefined();
    const read = getRequest(store, r.id);
    expect(read.ok && read.value?.status).toBe('used');
  });

  it('match only their own fingerprint', () => {
    approve(created().id);
    expect(consume('fp-other', t0)).toBeUndefined();
    expect(consume('fp-1', t0)).toBeDefined();
  });

  it('expire', () => {
    approve(created().id);
    expect(consume('fp-1', at(15 * minute))).toBeUndefined();
    expect(consume('fp-1', at(15 * minute - 1))).toBeDefined();
  });

  it('granted for a duration are used any number of times until it ends, and say so', () => {
    const r = created();
    approve(r.id, { forDuration: { text: '1h', ms: 60 * minute } });
    for (let i = 0; i < 3; i++)
      expect(consume('fp-1', at(i * 10 * minute))).toMatchObject({ usesLeft: null });
    expect(consume('fp-1', at(60 * minute))).toBeUndefined();
    const grants = listGrants(store, r.id);
    expect(grants.ok && grants.value[0]).toMatchObject({ forDuration: '1h', usesLeft: null });
  });

  it('scoped to a token are usable only with it, as often as they say', () => {
    const made = createGrants(
      store,
      [{ fingerprint: 'fp-line', expiresMs: minute, usesLeft: 2, token: 'a'.repeat(32) }],
      t0,
    );
    expect(made.ok).toBe(true);
    expect(consume('fp-line', t0)).toBeUndefined();
    expect(consume('fp-line', t0, { token: 'b'.repeat(32) })).toBeUndefined();
    expect(consume('fp-line', t0, { token: 'a'.repeat(32) })).toMatchObject({ scoped: true, usesLeft: 1 });
    expect(consume('fp-line', t0, { token: 'a'.repeat(32) })).toMatchObject({ usesLeft: 0 });
    expect(consume('fp-line', t0, { token: 'a'.repeat(32) })).toBeUndefined();
  });

  it('prefer the waiting request’s own grant', () => {
    const first = created();
    const second = created();
    approve(first.id);
    approve(second.id);
    expect(consume('fp-1', t0, { requestId: second.id })).toMatchObject({ requestId: second.id });
    expect(consume('fp-1', t0)).toMatchObject({ requestId: first.id });
  });
});

describe('expireOld', () => {
  it('expires old pending requests and approvals whose grant ran out, and nothing else', () => {
    const old = created();
    const approved = created();
    approve(approved.id);
    const later = openStore(dir, { now: () => at(23 * 60 * minute) });
    const fresh = createRequest(later, request());
    closeStore(later);
    const expired = expireOld(store, at(24 * 60 * minute + 1), 24 * 60 * minute);
    expect(expired.ok && expired.value.sort()).toEqual([old.id, approved.id]);
    const listed = listRequests(store);
    expect(listed.ok && listed.value.map((r) => [r.id, r.status])).toEqual([
      [fresh.ok ? fresh.value.id : 0, 'pending'],
      [approved.id, 'expired'],
      [old.id, 'expired'],
    ]);
  });

  it('leaves the audit chain alone (queue tables are separate)', () => {
    approve(created().id);
    expect(queryAudit(store, {})).toEqual([]);
  });
});
