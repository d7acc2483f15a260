// Every hook call leaves one audit row (entry 'hook', the line, the verdict, the agent named
// after the harness); a queued request, once a person approves it, lets the same re-run through
// exactly once; an oversized payload is blocked, never parsed.

import { mkdirSync, realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryAudit } from '../../src/audit/query.js';
import { decideRequest, listRequests } from '../../src/audit/queue.js';
import { closeStore, openStore } from '../../src/audit/store.js';
import { buildHookCli, type HookInstall, hookEnv, runHook, tempDir } from './hook-cli.js';

let install: HookInstall;
let work: string;
beforeAll(async () => {
  install = await buildHookCli();
  work = realpathSync(tempDir('airlock-hook-audit-'));
}, 120_000);
afterAll(() => {
  install?.remove();
  if (work) rmSync(work, { recursive: true, force: true });
});

function codexPayload(command: string, cwd: string): string {
  return JSON.stringify({
    session_id: 's',
    turn_id: 't',
    cwd,
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_use_id: 'c',
    tool_input: { command },
  });
}

function rows(home: string) {
  const store = openStore(join(home, 'state'));
  try {
    return queryAudit(store);
  } finally {
    closeStore(store);
  }
}

describe('audit rows', () => {
  test('one row per call, whatever the outcome', () => {
    const home = join(work, 'home-rows');
    const project = join(work, 'project-rows');
    mkdirSync(project, { recursive: true });
    const env = hookEnv(home);
    const calls = [
      codexPayload('git status', project),
      codexPayload('git push --force origin main', project),
      JSON.stringify({
        hook_event_name: 'PreToolUse',
        turn_id: 't',
        tool_name: 'apply_patch',
        tool_input: {},
      }),
      'not json',
    ];
    for (const input of calls) runHook(install.launcher, ['--harness', 'codex'], input, env, project);
    const written = rows(home);
    expect(written).toHaveLength(calls.length);
    for (const row of written) {
      expect(row.entry).toBe('hook');
      expect(row.actorKind).toBe('agent');
      expect(row.agent).toBe('codex');
    }
    expect(written.map((r) => [r.line, r.decision, r.step])).toEqual([
      ['git status', 'allow', 'allowed'],
      ['git push --force origin main', 'approve', 'requested'],
      [null, null, 'allowed'],
      [null, 'deny', 'refused'],
    ]);
    expect(written[0]?.cwd).toBe(project);
    expect(written[1]?.requestId).toBe(1);
    expect(written[1]?.ruleIds).toEqual(['git/push-force']);
  });

  test('a re-run before the person decides names the same request; after approval it runs once', () => {
    const home = join(work, 'home-grant');
    const project = join(work, 'project-grant');
    mkdirSync(project, { recursive: true });
    const env = hookEnv(home);
    const input = codexPayload('git push --force origin main', project);
    const first = runHook(install.launcher, [], input, env, project);
    expect(first.stdout).toContain('(request 1)');
    const again = runHook(install.launcher, [], input, env, project);
    expect(again.stdout).toContain('(request 1)');

    const store = openStore(join(home, 'state'));
    const pending = listRequests(store, { status: 'pending' });
    expect(pending.ok && pending.value.map((r) => [r.id, r.entry, r.agent])).toEqual([[1, 'hook', 'codex']]);
    const decided = decideRequest(store, 1, 'approve', {
      by: 'alice',
      channel: 'cli',
      now: new Date(),
      ttlMs: 60_000,
    });
    expect(decided.ok && decided.value.kind).toBe('decided');
    closeStore(store);

    const approved = runHook(install.launcher, [], input, env, project);
    expect(approved).toEqual({ stdout: '', stderr: '', exit: 0 });
    const after = runHook(install.launcher, [], input, env, project);
    expect(after.stdout).toContain('(request 2)');
    const steps = rows(home).map((r) => [r.step, r.approvalChannel, r.requestId]);
    expect(steps).toEqual([
      ['requested', 'queue', 1],
      ['requested', 'queue', 1],
      ['approved', 'grant', 1],
      ['requested', 'queue', 2],
    ]);
  });

  test('the approval is bound to the directory: the same line elsewhere asks again', () => {
    const home = join(work, 'home-cwd');
    const a = join(work, 'project-a');
    const b = join(work, 'project-b');
    mkdirSync(a, { recursive: true });
    mkdirSync(b, { recursive: true });
    const env = hookEnv(home);
    runHook(install.launcher, [], codexPayload('git push --force origin main', a), env, work);
    const store = openStore(join(home, 'state'));
    decideRequest(store, 1, 'approve', { by: 'alice', channel: 'cli', now: new Date(), ttlMs: 60_000 });
    closeStore(store);
    const elsewhere = runHook(
      install.launcher,
      [],
      codexPayload('git push --force origin main', b),
      env,
      work,
    );
    expect(elsewhere.stdout).toContain('(request 2)');
  });
});

describe('hostile input', () => {
  test('a payload over the size limit is blocked in the harness format, and recorded', () => {
    const home = join(work, 'home-huge');
    const big = codexPayload(`echo ${'a'.repeat(5 * 1024 * 1024)}`, work);
    const run = runHook(install.launcher, ['--harness', 'claude-code'], big, hookEnv(home), work);
    expect(run.exit).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/over the limit/);
    expect(rows(home).map((r) => [r.step, r.decision])).toEqual([['refused', 'deny']]);
  });

  test('a missing cwd falls back to the hook process directory', () => {
    const home = join(work, 'home-nocwd');
    const run = runHook(
      install.launcher,
      [],
      codexPayload('git status', join(work, 'does-not-exist')),
      hookEnv(home),
      work,
    );
    expect(run).toEqual({ stdout: '', stderr: '', exit: 0 });
    expect(rows(home)[0]?.cwd).toBe(work);
  });

  test('a line that changes airlock itself is refused for the agent, not asked', () => {
    const home = join(work, 'home-self');
    const input = JSON.stringify({
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      cwd: work,
      tool_input: { command: 'airlock approve 1' },
    });
    const run = runHook(install.launcher, ['--harness', 'claude-code'], input, hookEnv(home), work);
    const out = JSON.parse(run.stdout) as { hookSpecificOutput: { permissionDecision: string } };
    expect(out.hookSpecificOutput.permissionDecision).toBe('deny');
  });

  test('--help documents every harness', () => {
    const run = runHook(install.launcher, ['--help'], '', hookEnv(join(work, 'home-help')), work);
    expect(run.exit).toBe(0);
    for (const name of [
      'claude-code',
      'codex',
      'gemini',
      'agy',
      'cursor',
      'copilot',
      'vscode',
      'opencode',
      'goose',
      'openhands',
      'cline',
    ]) {
      expect(run.stdout).toContain(`  ${name} `);
    }
  });
});
