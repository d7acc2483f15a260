// The whole flow through the real CLI: check --probe measures without running; an agent's
// rm and git reset --hard are queued with their blast radius, approved by a person in a
// terminal, kept for undo, and `airlock undo ID` puts everything back.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, openStore, queryAudit } from '../../src/audit/index.js';
import {
  buildCli,
  type Home,
  type Install,
  makeHome,
  runDetached,
  runInTerminal,
  waitUntil,
} from '../approve/agent-cli.js';
import { git, gitEnv, makeRepo, writeFiles } from '../probes/fs-fixture.js';
import { treeDigest } from './tree-digest.js';

let install: Install;
let home: Home;
let work: string;

beforeAll(async () => {
  install = await buildCli();
}, 60_000);
afterAll(() => install.remove());
beforeEach(() => {
  home = makeHome(install, ['rm', 'git']);
  // Not under /tmp: deleting inside the temp dir needs no approval.
  work = mkdtempSync('/var/tmp/airlock-undo-work-');
  makeRepo(work, { 'src/a.ts': 'a\n', 'src/b.ts': 'b\n', 'README.md': 'r\n' });
  writeFiles(work, { 'src/new.ts': 'untracked\n', 'src/a.ts': 'changed\n' });
});
afterEach(() => {
  home.remove();
  rmSync(work, { recursive: true, force: true });
});

const env = (extra: NodeJS.ProcessEnv = {}) => home.env({ ...gitEnv, ...extra, PATH: home.env().PATH });
const person = (args: string[]) => runInTerminal(install.launcher, args, { env: env(), cwd: work });

function auditRows() {
  const store = openStore(join(home.home, 'state'));
  try {
    return queryAudit(store, {});
  } finally {
    closeStore(store);
  }
}

/** An agent runs a program through its shim; a person approves request 1 from a terminal. */
async function agentApproved(program: string, args: string[]) {
  let stderr = '';
  const running = runDetached(join(home.shims, program), args, {
    env: env({ AIRLOCK_AGENT: 'test' }),
    cwd: work,
    onStderr: (text) => {
      stderr = text;
    },
  });
  await waitUntil(() => stderr, 'request 1', 20_000);
  expect((await person(['approve', '1'])).status).toBe(0);
  return running;
}

describe('airlock check --probe', () => {
  it('prints the measured blast radius without running anything', async () => {
    const result = await runDetached(install.launcher, ['check', '--probe', '--json', 'rm -rf src'], {
      env: env(),
      cwd: work,
    });
    const json = JSON.parse(result.stdout);
    expect(json.decision).toBe('approve');
    expect(json.blastRadius.measurements[0]).toMatchObject({
      probe: 'rm-tree',
      status: 'done',
      counts: { files: 3, tracked: 2, untracked: 1, modified: 1 },
      recoverability: 'recoverable',
    });
    expect(json.blastRadius.rollback).toMatch(/^if run through airlock: moved to airlock's trash/);
    const text = await runDetached(install.launcher, ['check', '--probe', 'git reset --hard'], {
      env: env(),
      cwd: work,
    });
    expect(text.stdout).toMatch(
      /git-worktree: 1 file with uncommitted changes lost \(\+1 −1 lines\); 1 untracked file stay/,
    );
    expect(text.stdout).toMatch(/rollback: if run through airlock: work tree and index saved/);
    expect(git(work, 'status', '--porcelain')).toContain(' M src/a.ts');
  });
});

describe('undo through the CLI', () => {
  it('an approved rm -rf goes to the trash, the audit row says so, and airlock undo restores it', async () => {
    mkdirSync(join(work, 'src/deep'));
    writeFileSync(join(work, 'src/deep/bin'), Buffer.from([0, 1, 2, 255]));
    const before = treeDigest(work, 'src');
    const done = await agentApproved('rm', ['-rf', 'src']);
    expect(done.status).toBe(0);
    expect(() => treeDigest(work, 'src')).toThrow();
    const rows = auditRows();
    const requested = rows.find((r) => r.step === 'requested');
    expect(JSON.stringify(requested?.blastRadius)).toMatch(/"files":4/);
    const exited = rows.find((r) => r.step === 'exited');
    const id = /airlock undo (\w+)/.exec(exited?.note ?? '')?.[1];
    expect(exited?.note).toMatch(/^moved to airlock's trash; undo: airlock undo \w+$/);
    expect((exited?.blastRadius as { rollback?: string } | undefined)?.rollback).toBe(exited?.note);
    const listed = await runDetached(install.launcher, ['trash', 'list'], { env: env(), cwd: work });
    expect(listed.stdout).toContain(`${id}`);
    const undone = await runDetached(install.launcher, ['undo', id as string], { env: env(), cwd: work });
    expect(undone.status).toBe(0);
    expect(treeDigest(work, 'src')).toEqual(before);
  }, 60_000);

  it('an approved git reset --hard is snapshotted first and airlock undo brings the changes back', async () => {
    git(work, 'add', 'src/new.ts');
    writeFiles(work, { 'README.md': 'unstaged\n' });
    const state = () =>
      `${git(work, 'status', '--porcelain')}${git(work, 'diff')}${git(work, 'diff', '--cached')}`;
    const before = state();
    const done = await agentApproved('git', ['reset', '--hard']);
    expect(done.status).toBe(0);
    expect(git(work, 'status', '--porcelain').trim()).toBe('');
    const exited = auditRows().find((r) => r.step === 'exited');
    const id = /airlock undo (\w+)/.exec(exited?.note ?? '')?.[1] as string;
    expect(git(work, 'for-each-ref', '--format=%(refname)', 'refs/airlock')).toContain(`refs/airlock/${id}`);
    const undone = await runDetached(install.launcher, ['undo', id], { env: env(), cwd: work });
    expect(undone.stderr).toBe('');
    expect(state()).toBe(before);
  }, 60_000);
});
