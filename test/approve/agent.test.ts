// Agent mode end to end with real processes: the request waits in the queue, a person decides
// from another process (in a real pseudo-terminal), and the first process acts on it.

import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, openStore, queryAudit, verifyStore } from '../../src/audit/index.js';
import {
  buildCli,
  type Finished,
  type Home,
  type Install,
  makeHome,
  runDetached,
  runInTerminal,
  waitUntil,
} from './agent-cli.js';

let install: Install;
let home: Home;
let work: string;

beforeAll(async () => {
  install = await buildCli();
}, 60_000);
afterAll(() => install.remove());
beforeEach(() => {
  home = makeHome(install, ['rm']);
  // Not under /tmp: deleting inside the temp dir needs no approval.
  work = mkdtempSync('/var/tmp/airlock-approve-work-');
  mkdirSync(join(work, 'data', 'inner'), { recursive: true });
});
afterEach(() => {
  home.remove();
  rmSync(work, { recursive: true, force: true });
});

const agentEnv = () => home.env({ AIRLOCK_AGENT: 'test' });

/** An agent running `rm -rf ARG` through the rm shim, with no controlling terminal. */
function agentRm(arg: string, cwd = work, onStderr?: (text: string) => void): Promise<Finished> {
  return runDetached(join(home.shims, 'rm'), ['-rf', arg], { env: agentEnv(), cwd, onStderr });
}

/** A person at a terminal running an airlock command. */
function person(args: string[]) {
  return runInTerminal(install.launcher, args, { env: home.env(), cwd: work });
}

function auditRows() {
  const store = openStore(join(home.home, 'state'));
  try {
    return queryAudit(store, {});
  } finally {
    closeStore(store);
  }
}

describe('a queued request', () => {
  it('runs the moment a person approves it from another process', async () => {
    home.config('approval:\n  wait: 20\n');
    let stderr = '';
    const waiting = agentRm('data', work, (text) => {
      stderr = text;
    });
    await waitUntil(() => stderr, 'request 1');
    expect(stderr).toContain('rm/recursive');
    expect(stderr).toContain('airlock approve 1');
    expect(stderr).toMatch(/Do not try another way/);
    expect(existsSync(join(work, 'data'))).toBe(true);

    const approved = await person(['approve', '1', '--note', 'fine']);
    expect(approved).toMatchObject({ status: 0 });
    expect(approved.output).toContain('request 1 approved once');

    const done = await waiting;
    expect(done.status).toBe(0);
    expect(done.stdout).toBe('');
    expect(existsSync(join(work, 'data'))).toBe(false);
    const steps = auditRows().map((r) => [r.step, r.approvalChannel, r.requestId, r.actorKind]);
    expect(steps).toEqual([
      ['requested', 'queue', 1, 'agent'],
      ['approved', 'cli', 1, 'human'],
      ['approved', 'queue', 1, 'agent'],
      ['exited', 'queue', 1, 'agent'],
    ]);
    expect(verifyStore(join(home.home, 'state'))).toMatchObject({ ok: true });
  });

  it('stops with the person’s reason when denied', async () => {
    home.config('approval:\n  wait: 20\n');
    let stderr = '';
    const waiting = agentRm('data', work, (text) => {
      stderr = text;
    });
    await waitUntil(() => stderr, 'request 1');
    expect(await person(['deny', '1', '--reason', 'that is the only copy'])).toMatchObject({ status: 0 });
    const done = await waiting;
    expect(done.status).toBe(92);
    expect(done.stderr).toContain('denied');
    expect(done.stderr).toContain('that is the only copy');
    expect(existsSync(join(work, 'data'))).toBe(true);
    expect(auditRows().find((r) => r.step === 'denied')).toMatchObject({
      requestId: 1,
      note: 'that is the only copy',
    });
  });

  it('times out, stays pending, and says to re-run after approval', async () => {
    home.config('approval:\n  wait: 1\n');
    const started = Date.now();
    const done = await agentRm('data');
    expect(done.status).toBe(93);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(done.stderr).toMatch(/no decision on request 1 within 1 s/);
    expect(done.stderr).toMatch(/re-run exactly the same command/);
    expect(existsSync(join(work, 'data'))).toBe(true);
    const pending = await runDetached(install.launcher, ['pending', '--json'], {
      env: agentEnv(),
      cwd: work,
    });
    const listed = JSON.parse(pending.stdout) as { id: number; command: string; rules: { id: string }[] }[];
    expect(listed).toMatchObject([{ id: 1, command: 'rm -rf data', rules: [{ id: 'rm/recursive' }] }]);
  });

  it('with approval.wait 0 does not wait', async () => {
    home.config('approval:\n  wait: 0\n');
    const done = await agentRm('data');
    expect(done.status).toBe(91);
    expect(done.stderr).toMatch(/Not waiting/);
  });
});

describe('a grant', () => {
  it('lets the same command run once after approval, and never twice', async () => {
    home.config('approval:\n  wait: 0\n');
    expect((await agentRm('data')).status).toBe(91);
    expect((await person(['approve', '1'])).status).toBe(0);
    const rerun = await agentRm('data');
    expect(rerun.status).toBe(0);
    expect(existsSync(join(work, 'data'))).toBe(false);
    expect(auditRows().find((r) => r.step === 'approved' && r.approvalChannel === 'grant')).toMatchObject({
      requestId: 1,
    });

    mkdirSync(join(work, 'data'));
    const again = await agentRm('data');
    expect(again.status).toBe(91);
    expect(again.stderr).toContain('request 2');
    expect(existsSync(join(work, 'data'))).toBe(true);
  });

  it('is refused once it has expired', async () => {
    home.config('approval:\n  wait: 0\n  grantTtl: 1s\n');
    expect((await agentRm('data')).status).toBe(91);
    expect((await person(['approve', '1'])).status).toBe(0);
    await new Promise((r) => setTimeout(r, 1100));
    const late = await agentRm('data');
    expect(late.status).toBe(91);
    expect(late.stderr).toContain('request 2');
    expect(existsSync(join(work, 'data'))).toBe(true);
  });

  it('does not cover another argument or another directory', async () => {
    home.config('approval:\n  wait: 0\n');
    const other = mkdtempSync('/var/tmp/airlock-approve-other-');
    try {
      mkdirSync(join(other, 'data'));
      mkdirSync(join(work, 'data2'));
      expect((await agentRm('data')).status).toBe(91);
      expect((await person(['approve', '1'])).status).toBe(0);
      expect((await agentRm('data', other)).status).toBe(91);
      expect((await agentRm('data2')).status).toBe(91);
      expect(existsSync(join(other, 'data'))).toBe(true);
      expect(existsSync(join(work, 'data2'))).toBe(true);
      // The approved one still works.
      expect((await agentRm('data')).status).toBe(0);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('for a duration (--for) covers repeated runs and is recorded', async () => {
    home.config('approval:\n  wait: 0\n');
    expect((await agentRm('data')).status).toBe(91);
    const approved = await person(['approve', '1', '--for', '1h']);
    expect(approved.output).toContain('approved for 1h');
    for (let i = 0; i < 2; i++) {
      mkdirSync(join(work, 'data'), { recursive: true });
      expect((await agentRm('data')).status).toBe(0);
    }
    expect(auditRows().find((r) => r.step === 'approved' && r.approvalChannel === 'cli')?.note).toContain(
      'for 1h',
    );
  });
});

describe('airlock approve', () => {
  it('is refused, and recorded, in agent mode', async () => {
    home.config('approval:\n  wait: 0\n');
    expect((await agentRm('data')).status).toBe(91);
    const byMarker = await runDetached(install.launcher, ['approve', '1'], { env: agentEnv(), cwd: work });
    expect(byMarker.status).toBe(90);
    expect(byMarker.stderr).toMatch(/only a person can approve/);
    // No marker, but no terminal either: still an agent.
    const noTerminal = await runDetached(install.launcher, ['deny', '1'], { env: home.env(), cwd: work });
    expect(noTerminal.status).toBe(90);
    expect(noTerminal.stderr).toMatch(/no controlling terminal/);
    const refusals = auditRows().filter((r) => r.step === 'refused' && r.entry === 'cli');
    expect(refusals.map((r) => [r.actorKind, r.requestId, r.ruleIds])).toEqual([
      ['agent', 1, ['self/approve']],
      ['agent', 1, ['self/deny']],
    ]);
    expect((await agentRm('data')).status).toBe(91);
  });

  it('will not decide a request twice', async () => {
    home.config('approval:\n  wait: 0\n');
    expect((await agentRm('data')).status).toBe(91);
    expect((await person(['deny', '1'])).status).toBe(0);
    const again = await person(['approve', '1']);
    expect(again.status).toBe(96);
    expect(again.output).toContain('already denied');
  });
});

describe('the queue', () => {
  it('keeps every request from 20 concurrent processes', async () => {
    home.config('approval:\n  wait: 0\n');
    for (let i = 0; i < 20; i++) mkdirSync(join(work, `d${i}`));
    const runs = await Promise.all(Array.from({ length: 20 }, (_, i) => agentRm(`d${i}`)));
    expect(runs.map((r) => r.status)).toEqual(Array(20).fill(91));
    const pending = await runDetached(install.launcher, ['pending', '--json'], {
      env: agentEnv(),
      cwd: work,
    });
    const listed = JSON.parse(pending.stdout) as { id: number; command: string }[];
    expect(listed.map((r) => r.id)).toEqual(Array.from({ length: 20 }, (_, i) => 20 - i));
    expect(new Set(listed.map((r) => r.command)).size).toBe(20);
    expect(auditRows().filter((r) => r.step === 'requested')).toHaveLength(20);
    expect(verifyStore(join(home.home, 'state'))).toMatchObject({ ok: true, rows: 20 });
  }, 60_000);
});

describe('an approved airlock sh line', () => {
  it('hands its approval to the shims inside it, so nothing is asked twice', async () => {
    home.config('approval:\n  wait: 20\n');
    let stderr = '';
    const line = runDetached(install.launcher, ['sh', '-c', 'rm -rf data && echo removed'], {
      env: agentEnv(),
      cwd: work,
      onStderr: (text) => {
        stderr = text;
      },
    });
    await waitUntil(() => stderr, 'request 1');
    expect((await person(['approve', '1'])).status).toBe(0);
    const done = await line;
    expect(done).toMatchObject({ status: 0, stdout: 'removed\n' });
    expect(existsSync(join(work, 'data'))).toBe(false);
    const rows = auditRows();
    expect(rows.filter((r) => r.step === 'requested')).toHaveLength(1);
    expect(rows.find((r) => r.entry === 'shim' && r.step === 'approved')).toMatchObject({
      approvalChannel: 'grant',
      requestId: 1,
    });
  });
});
