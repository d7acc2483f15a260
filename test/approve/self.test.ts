// Self-protection end to end: through a shim or the guarded shell, an agent cannot approve,
// change config, remove shims, or touch airlock's store, key or trash, by any program.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verdictForActor } from '../../src/approve/actor.js';
import { closeStore, listRequests, openStore, queryAudit, verifyStore } from '../../src/audit/index.js';
import { builtInPacks } from '../../src/commands/packs.js';
import { evaluateLine } from '../../src/decide/evaluate.js';
import { buildCli, type Home, type Install, makeHome, runDetached } from './agent-cli.js';

let install: Install;
let home: Home;
let state: string;
let configFile: string;

beforeAll(async () => {
  install = await buildCli();
  home = makeHome(install, ['rm', 'mv', 'sed', 'sqlite3', 'truncate', 'bash']);
  state = join(home.home, 'state');
  configFile = join(home.home, 'config', 'config.yaml');
  home.config('approval:\n  wait: 0\n');
  // A first guarded run records a pending row; `airlock log` chains it, which creates the
  // store, its key and anchor.
  const first = await runDetached(install.launcher, ['run', '--', 'true'], {
    env: home.env(),
    cwd: home.home,
  });
  expect(first.status).toBe(0);
  const log = await runDetached(install.launcher, ['log'], { env: home.env(), cwd: home.home });
  expect(log.status).toBe(0);
  expect(existsSync(join(state, 'audit.key'))).toBe(true);
  mkdirSync(join(home.home, 'data', 'trash', 'x'), { recursive: true });
}, 60_000);
afterAll(() => {
  home.remove();
  install.remove();
});

/** The key and config byte for byte, and the store as verify sees it (refusals add rows). */
function snapshot(): Record<string, unknown> {
  const files = [join(state, 'audit.key'), configFile];
  const bytes = Object.fromEntries(files.map((f) => [f, readFileSync(f).toString('base64')]));
  const verified = verifyStore(state);
  return { ...bytes, verified: verified.ok, requests: pendingCount() };
}

function pendingCount(): number {
  const store = openStore(state);
  try {
    const listed = listRequests(store);
    return listed.ok ? listed.value.length : -1;
  } finally {
    closeStore(store);
  }
}

function refusals(): { line: string | null; argv: string[] | null; ruleIds: string[]; actorKind: string }[] {
  const store = openStore(state);
  try {
    return queryAudit(store, {}).filter((r) => r.step === 'refused');
  } finally {
    closeStore(store);
  }
}

const agent = () => home.env({ AIRLOCK_AGENT: 'test' });
const sh = (line: string) =>
  runDetached(install.launcher, ['sh', '-c', line], { env: agent(), cwd: home.home });

describe('through the guarded shell, an agent is refused', () => {
  const cases: [name: string, line: (h: string) => string, rule: string][] = [
    ['rm of the audit db', (h) => `rm -f ${h}/state/audit.db`, 'self/modify-airlock-files'],
    ['rm -rf of the state dir', (h) => `rm -rf ${h}/state`, 'self/modify-airlock-files'],
    [
      'sed -i on the config',
      (h) => `sed -i 's/wait: 0/wait: 9/' ${h}/config/config.yaml`,
      'self/modify-airlock-files',
    ],
    ['a redirection onto the key', (h) => `echo x > ${h}/state/audit.key`, 'self/modify-airlock-files'],
    [
      'sqlite3 on the store',
      (h) => `sqlite3 ${h}/state/audit.db "DELETE FROM audit"`,
      'self/modify-airlock-files',
    ],
    ['truncate of the store', (h) => `truncate -s 0 ${h}/state/audit.db`, 'self/modify-airlock-files'],
    ['mv of the shims', (h) => `mv ${h}/data/shims /var/tmp/`, 'self/modify-airlock-files'],
    ['rm of the trash', (h) => `rm -rf ${h}/data/trash`, 'self/modify-airlock-files'],
    ['airlock shims uninstall', () => 'airlock shims uninstall', 'self/uninstall-shims'],
    ['airlock approve', () => 'airlock approve 1', 'self/approve'],
    ['airlock deny', () => 'airlock deny 1 --reason x', 'self/deny'],
    ['airlock config set', () => 'airlock config set approval.wait 0', 'self/change-config'],
    ['a PATH change in front', (h) => `PATH=/usr/bin rm -f ${h}/state/audit.db`, 'self/modify-airlock-files'],
    ['env -i in front', (h) => `env -i /bin/rm -f ${h}/state/audit.key`, 'self/modify-airlock-files'],
  ];
  it.each(cases)('%s', async (_name, line, rule) => {
    const before = snapshot();
    const shimCount = existsSync(home.shims);
    const text = line(home.home);
    const rowsBefore = refusals().length;
    const done = await sh(text);
    expect(done.status).toBe(90);
    expect(refusals()).toHaveLength(rowsBefore + 1);
    expect(done.stderr).toContain(rule);
    expect(snapshot()).toEqual(before);
    expect(existsSync(home.shims)).toBe(shimCount);
    expect(existsSync(join(home.home, 'data', 'trash', 'x'))).toBe(true);
    const recorded = refusals().find((r) => r.line === text);
    expect(recorded).toMatchObject({ actorKind: 'agent' });
    expect(recorded?.ruleIds).toContain(rule);
  });
});

describe('through a shim, an agent is refused', () => {
  const cases: [program: string, args: (h: string) => string[]][] = [
    ['rm', (h) => ['-f', `${h}/state/audit.db`]],
    ['sqlite3', (h) => [`${h}/state/audit.db`, "UPDATE requests SET status = 'approved'"]],
    ['sed', (h) => ['-i', 's/0/9/', `${h}/config/config.yaml`]],
    ['mv', (h) => [`${h}/state/audit.key`, '/var/tmp/stolen.key']],
  ];
  it.each(cases)('%s', async (program, args) => {
    const before = snapshot();
    const argv = args(home.home);
    const done = await runDetached(join(home.shims, program), argv, { env: agent(), cwd: home.home });
    expect(done.status).toBe(90);
    expect(snapshot()).toEqual(before);
    expect(
      refusals().find((r) => JSON.stringify(r.argv) === JSON.stringify([program, ...argv])),
    ).toBeDefined();
  });
});

describe('what an agent may still do', () => {
  it('reads the config and lists pending requests', async () => {
    const read = await sh(`cat ${configFile} && airlock pending`);
    expect(read.status).toBe(0);
    expect(read.stdout).toContain('wait: 0');
    expect(read.stdout).toContain('no pending requests');
  });
});

describe('who is asking changes the verdict', () => {
  const verdictOf = (line: string) =>
    evaluateLine(line, {
      env: { HOME: '/h' },
      cwd: '/w',
      packs: builtInPacks(),
      airlockPaths: ['/h/.airlock'],
    });
  const agent = { kind: 'agent' as const, reason: 'AIRLOCK_AGENT is set' };
  const human = { kind: 'human' as const, reason: 'a controlling terminal and no agent marker' };

  it('refuses what would be asked of a person, when an agent touches airlock', () => {
    const verdict = verdictOf('airlock trash empty');
    expect(verdict.decision).toBe('approve');
    // A person is asked as before; the verdict only gains who is asking.
    expect(verdictForActor(verdict, human)).toEqual({ ...verdict, actor: { ...human, agent: undefined } });
    const refused = verdictForActor(verdict, agent);
    expect(refused.decision).toBe('deny');
    expect(refused.findings[0]).toMatchObject({ rule: 'self/empty-trash', decision: 'deny' });
    expect(refused.reasons[0]).toMatch(/refused for an agent/);
  });

  it('leaves everything else as it was', () => {
    const verdict = verdictOf('rm -rf src');
    expect(verdictForActor(verdict, agent)).toEqual({ ...verdict, actor: { ...agent, agent: undefined } });
  });
});

it('protects a project config file too', async () => {
  const project = join(home.home, 'project');
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, '.airlockrc.yaml'), 'environments:\n  prod: [shop]\n');
  const done = await runDetached(install.launcher, ['sh', '-c', 'rm .airlockrc.yaml'], {
    env: agent(),
    cwd: project,
  });
  expect(done.status).toBe(90);
  expect(existsSync(join(project, '.airlockrc.yaml'))).toBe(true);
});
