// Frame tests of the inbox at 80 and 40 columns (empty, several requests, details, typed
// confirmation), its keys, live arrival with a bell, and the real queue behind it.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Inbox } from '../../src/approve/inbox/Inbox.js';
import { queueSource } from '../../src/approve/inbox/queue-source.js';
import type { InboxItem, InboxSource } from '../../src/approve/inbox/source.js';
import type { ApprovalView } from '../../src/approve/types.js';
import { createRequest, getRequest } from '../../src/audit/queue.js';
import { closeStore, openStore } from '../../src/audit/store.js';
import { measured, prodView, rmView } from './ui-fixtures.js';
import { flat, keys, renderAt, widest } from './ui-harness.js';

const now = Date.parse('2025-01-01T10:05:00.000Z');

function item(id: number, view: ApprovalView, blastSummary = 'not measured'): InboxItem {
  return {
    id,
    view: { ...view, id, actor: { kind: 'agent', agent: 'claude-code', reason: 'CLAUDECODE is set' } },
    blastSummary,
  };
}

/** An in-memory queue: the inbox only needs the two calls. */
function memorySource(initial: InboxItem[]) {
  const items = [...initial];
  const decided: [number, string][] = [];
  const source: InboxSource = {
    listPending: () => ({ ok: true, items: [...items].sort((a, b) => b.id - a.id) }),
    decide: (id, decision) => {
      decided.push([id, decision]);
      items.splice(
        items.findIndex((i) => i.id === id),
        1,
      );
      return { ok: true, message: `#${id} ${decision === 'approve' ? 'approved once' : 'denied'}` };
    },
  };
  return { source, decided, add: (i: InboxItem) => items.push(i) };
}

function renderInbox(source: InboxSource, columns: number, pollMs = 0) {
  let bells = 0;
  let quit = false;
  return renderAt(
    <Inbox
      source={source}
      pollMs={pollMs || 60_000}
      bell={() => {
        bells++;
      }}
      onQuit={() => {
        quit = true;
      }}
      now={() => now}
    />,
    columns,
  ).then((r) => ({ ...r, bells: () => bells, quit: () => quit }));
}

const several = () => [
  item(11, rmView, '1,204 files, 38 MB (not recoverable)'),
  item(12, prodView),
  item(10, { ...rmView, command: 'git push --force origin main' }),
];

describe.each([80, 40])('the inbox at %i columns', (columns) => {
  it('says so when nothing is pending', async () => {
    const r = await renderInbox(memorySource([]).source, columns);
    expect(r.frame().split('\n')[0]).toContain('airlock inbox');
    expect(r.frame()).toContain('0 pending');
    expect(flat(r.frame())).toContain('Nothing is waiting for you.');
    expect(widest(r.frame())).toBeLessThanOrEqual(columns);
    r.unmount();
  });

  it('lists requests newest first with badge, command, rules, blast radius, who and age', async () => {
    const r = await renderInbox(memorySource(several()).source, columns);
    const frame = r.frame();
    expect(frame).toContain('3 pending');
    const order = ['#12', '#11', '#10'].map((id) => frame.indexOf(id));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(frame).toMatch(/▸ #12/);
    expect(frame).toContain('PRODUCTION');
    expect(flat(frame)).toContain('$ kubectl --context prod-eu delete namespace payments');
    expect(flat(frame)).toContain(
      'rm/recursive · blast: 1,204 files, 38 MB (not recoverable) · claude-code · 5m ago',
    );
    expect(widest(frame)).toBeLessThanOrEqual(columns);
    r.unmount();
  });

  it('moves with j/k and arrows, and opens details with Enter', async () => {
    const r = await renderInbox(memorySource(several()).source, columns);
    await r.press('j');
    expect(r.frame()).toMatch(/▸ #11/);
    await r.press(keys.down, keys.up);
    expect(r.frame()).toMatch(/▸ #11/);
    await r.press('k');
    expect(r.frame()).toMatch(/▸ #12/);
    await r.press('j', keys.enter);
    const frame = r.frame();
    expect(frame).toContain('Blast radius');
    expect(frame).toContain('subcommand: (none)');
    expect(frame).not.toContain('#12');
    expect(widest(frame)).toBeLessThanOrEqual(columns);
    await r.press(keys.escape);
    expect(r.frame()).toContain('#12');
    r.unmount();
  });

  it('asks for the typed name before approving production, and a wrong name leaves it pending', async () => {
    const memory = memorySource(several());
    const r = await renderInbox(memory.source, columns);
    await r.press('a');
    expect(flat(r.frame())).toContain('type the namespace name payments and press Enter');
    await r.press(...'pay');
    expect(r.frame()).toContain('> pay▌');
    await r.press(keys.enter);
    expect(flat(r.frame())).toContain('#12: "pay" does not match "payments"; not approved');
    expect(memory.decided).toEqual([]);
    await r.press('a', ...'payments', keys.enter);
    expect(memory.decided).toEqual([[12, 'approve']]);
    expect(r.frame()).toContain('#12 approved once');
    expect(r.frame()).toContain('2 pending');
    r.unmount();
  });
});

describe('inbox keys and updates', () => {
  it('approves with a and denies with d, no typing outside production', async () => {
    const memory = memorySource(several());
    const r = await renderInbox(memory.source, 80);
    await r.press('j', 'a');
    await r.press('d');
    expect(memory.decided).toEqual([
      [11, 'approve'],
      [12, 'deny'],
    ]);
    r.unmount();
  });

  it('shows a request that arrives while open, and rings the bell once for it', async () => {
    const memory = memorySource([item(1, rmView)]);
    const r = await renderInbox(memory.source, 80, 50);
    expect(r.frame()).toContain('1 pending');
    expect(r.bells()).toBe(0);
    memory.add(item(2, prodView));
    await r.settle(150);
    expect(r.frame()).toContain('2 pending');
    expect(r.frame()).toMatch(/#2\b/);
    expect(r.bells()).toBe(1);
    r.unmount();
  });

  it('quits with q', async () => {
    const r = await renderInbox(memorySource([]).source, 80);
    await r.press('q');
    expect(r.quit()).toBe(true);
    r.unmount();
  });
});

describe('the inbox over the real queue', () => {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-inbox-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists pending requests from the store and records an approval through it', async () => {
    const store = openStore(dir, { sign: false });
    const created = createRequest(store, {
      command: 'rm -rf somedir',
      argv: ['rm', '-rf', 'somedir'],
      cwd: '/home/ada/proj',
      fingerprint: 'f1',
      verdict: rmView.verdict,
      blastRadius: { measurements: [measured] },
      actorKind: 'agent',
      agent: 'codex',
      modeReason: 'CODEX_SANDBOX is set',
      entry: 'shim',
    });
    if (!created.ok) throw new Error(created.message);
    const source = queueSource({
      store,
      actor: { kind: 'human', reason: 'test' },
      by: 'ada',
      grantTtl: { ms: 60_000, text: '1m' },
    });
    const r = await renderInbox(source, 80);
    expect(r.frame()).toContain(`#${created.value.id}`);
    expect(flat(r.frame())).toContain('blast: 1,204 files, 38 MB (12 untracked) (not recoverable) · codex');
    await r.press('a');
    expect(r.frame()).toContain(`#${created.value.id} approved once (the grant expires in 1m)`);
    expect(r.frame()).toContain('0 pending');
    const stored = getRequest(store, created.value.id);
    expect(stored.ok && stored.value?.status).toBe('approved');
    expect(stored.ok && stored.value?.channel).toBe('inbox');
    r.unmount();
    closeStore(store);
  });

  it('refuses to decide for an agent, and says so', async () => {
    const store = openStore(dir, { sign: false });
    const created = createRequest(store, {
      command: 'rm -rf other',
      cwd: '/',
      fingerprint: 'f2',
      verdict: rmView.verdict,
      actorKind: 'agent',
      entry: 'shim',
    });
    if (!created.ok) throw new Error(created.message);
    const source = queueSource({
      store,
      actor: { kind: 'agent', agent: 'codex', reason: 'CODEX_SANDBOX is set' },
      by: 'x',
      grantTtl: { ms: 60_000, text: '1m' },
    });
    const decided = source.decide(created.value.id, 'approve');
    expect(decided.ok).toBe(false);
    expect(decided.message).toContain('only a person can approve');
    closeStore(store);
  });
});
