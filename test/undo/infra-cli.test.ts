// The approved run of infrastructure commands through the real CLI: an agent's command is
// queued with its measurement, a person approves it from a terminal, and then terraform
// applies exactly the plan that was shown (a state changed since makes terraform refuse it),
// kubectl delete keeps the manifests for `airlock undo ID`, and a psql DELETE commits only
// within the approved row count. Real terraform (terraform_data), real PostgreSQL 15, and
// real kubectl against a local stand-in for the Kubernetes API (test/helpers/kube-api.ts),
// since no cluster can run here.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, openStore, queryAudit } from '../../src/audit/index.js';
import { exitCodes } from '../../src/exec/exit-codes.js';
import {
  buildCli,
  type Home,
  type Install,
  makeHome,
  runDetached,
  runInTerminal,
  SYSTEM_PATH,
  waitUntil,
} from '../approve/agent-cli.js';
import { type KubeApi, startKubeApi } from '../helpers/kube-api.js';
import { type PgServer, startPostgres } from '../helpers/postgres.js';

let install: Install;
let home: Home;
let work: string;

beforeAll(async () => {
  install = await buildCli();
}, 60_000);
afterAll(() => install.remove());
beforeEach(() => {
  home = makeHome(install, ['terraform', 'kubectl', 'psql']);
  // Not under /tmp: airlock treats temp directories as regenerable.
  work = mkdtempSync('/var/tmp/airlock-infra-work-');
  const pack = join(home.home, 'counted.yaml');
  // The built-in psql rules measure DELETEs without a WHERE; this pack counts any DELETE.
  writeFileSync(
    pack,
    `pack: test-counted
description: counts the rows of any DELETE, so an approved one can be checked
programs: [psql]
rules:
  - id: test-counted/delete-counted
    effect: destroy
    reason: Deletes rows.
    alternatives: ["SELECT count(*) with the same WHERE first"]
    probe: psql-count
    match:
      tool: psql
      facts: { sql.kind: delete }
    examples:
      stop: ["psql -c 'DELETE FROM t WHERE a = 1'"]
      pass: ["psql -c 'SELECT 1'"]
`,
  );
  home.config(`probes: { timeout: 30000 }\napproval: { wait: 90 }\npacks: [${pack}]\n`);
});
afterEach(() => {
  home.remove();
  rmSync(work, { recursive: true, force: true });
});

const env = (extra: NodeJS.ProcessEnv = {}) =>
  home.env({ TF_IN_AUTOMATION: '1', ...extra, PATH: home.env().PATH });

function auditRows() {
  const store = openStore(join(home.home, 'state'));
  try {
    return queryAudit(store, {});
  } finally {
    closeStore(store);
  }
}

const exitedRow = () => auditRows().find((r) => r.step === 'exited' || r.step === 'refused');

/**
 * An agent runs a program through its shim; `between` runs once the request is queued (with
 * its measurement), then a person approves request 1 from a terminal.
 */
async function agentApproved(
  program: string,
  args: string[],
  extra: NodeJS.ProcessEnv = {},
  between: () => void | Promise<void> = () => {},
) {
  let stderr = '';
  const running = runDetached(join(home.shims, program), args, {
    env: env({ AIRLOCK_AGENT: 'test', ...extra }),
    cwd: work,
    onStderr: (text) => {
      stderr = text;
    },
  });
  await waitUntil(() => stderr, 'request 1', 40_000);
  await between();
  const approved = await runInTerminal(install.launcher, ['approve', '1'], { env: env(extra), cwd: work });
  expect(approved.status).toBe(0);
  return running;
}

describe('terraform: the approved run applies exactly the plan shown', () => {
  // Straight to terraform, past the shims: the test's own setup and checks.
  const direct = () => ({ ...env(), PATH: SYSTEM_PATH });
  const tf = (args: string[]) =>
    execFileSync('terraform', args, { cwd: work, env: direct(), encoding: 'utf8' });
  const state = () =>
    spawnSync('terraform', ['state', 'list'], { cwd: work, env: direct(), encoding: 'utf8' })
      .stdout.split('\n')
      .filter((l) => l !== '');
  const plans = () => {
    const dir = join(home.home, 'data', 'plans');
    return existsSync(dir) ? readdirSync(dir) : [];
  };

  beforeEach(() => {
    writeFileSync(
      join(work, 'main.tf'),
      `variable "n" { default = 3 }\nresource "terraform_data" "item" {\n  count = var.n\n  input = "item-\${count.index}"\n}\n`,
    );
    tf(['init', '-input=false', '-no-color']);
    tf(['apply', '-auto-approve', '-input=false', '-no-color']);
  }, 60_000);

  it('destroy: the saved plan runs, the state is empty, and the plan file is gone', async () => {
    const done = await agentApproved('terraform', ['destroy', '-auto-approve', '-no-color']);
    expect(done.status, done.stderr).toBe(0);
    expect(state()).toEqual([]);
    const requested = auditRows().find((r) => r.step === 'requested');
    expect(JSON.stringify(requested?.blastRadius)).toMatch(/3 to destroy/);
    expect(JSON.stringify(requested?.blastRadius)).toMatch(/applies exactly the plan shown/);
    const exited = exitedRow();
    expect(exited?.step).toBe('exited');
    expect(exited?.note).toMatch(
      /^applied exactly the plan shown \(terraform apply .*plans.*plan\.tfplan\)$/,
    );
    expect(plans()).toEqual([]);
  }, 120_000);

  it('a change made between the plan and the approval makes terraform refuse the plan', async () => {
    const done = await agentApproved('terraform', ['destroy', '-auto-approve', '-no-color'], {}, () => {
      tf(['apply', '-auto-approve', '-input=false', '-no-color', '-var', 'n=4']);
    });
    expect(done.status).toBe(exitCodes.needsApproval);
    expect(done.stderr).toMatch(/refused the approved plan: the state changed after it was shown/);
    expect(done.stderr).toMatch(/Run the command again/);
    expect(state()).toHaveLength(4);
    const refused = exitedRow();
    expect(refused?.step).toBe('refused');
    expect(refused?.note).toMatch(/stale/);
    expect(plans()).toEqual([]);
  }, 120_000);
});

describe('kubectl delete: manifests saved, airlock undo re-creates them', () => {
  let api: KubeApi;
  let kubeDir: string;

  beforeEach(async () => {
    kubeDir = mkdtempSync('/var/tmp/airlock-infra-kube-');
    api = await startKubeApi(kubeDir);
    api.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    api.put({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'debug', namespace: 'shop', labels: { app: 'debug' } },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    });
    api.put({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'settings', namespace: 'shop' },
      data: { mode: 'old' },
    });
  });
  afterEach(async () => {
    await api.close();
    rmSync(kubeDir, { recursive: true, force: true });
  });

  const undo = (id: string) =>
    runDetached(install.launcher, ['undo', id], { env: env({ KUBECONFIG: api.kubeconfig }), cwd: work });

  it('an approved delete is undone: the objects come back, with the volume warning', async () => {
    const kube = { KUBECONFIG: api.kubeconfig };
    const done = await agentApproved(
      'kubectl',
      ['delete', 'pod/debug', 'configmap/settings', '-n', 'shop'],
      kube,
    );
    expect(done.status, done.stderr).toBe(0);
    expect(api.list('pods', 'shop')).toEqual([]);
    expect(api.list('configmaps', 'shop')).toEqual([]);
    const exited = exitedRow();
    expect(exited?.note).toMatch(
      /^manifests saved; airlock undo (\w+) re-creates them — volume data is not restored$/,
    );
    expect((exited?.blastRadius as { rollback?: string } | undefined)?.rollback).toBe(exited?.note);
    const id = /airlock undo (\w+)/.exec(exited?.note ?? '')?.[1] as string;
    const listed = await runDetached(install.launcher, ['trash', 'list'], { env: env(), cwd: work });
    expect(listed.stdout).toMatch(new RegExp(`${id} .*kubectl-manifests.*2 object\\(s\\)`));
    const undone = await undo(id);
    expect(undone.status, undone.stderr).toBe(0);
    expect(undone.stderr).toMatch(/warning: volume data is not restored/);
    expect(api.list('pods', 'shop')).toEqual(['debug']);
    expect(api.get('configmaps', 'settings', 'shop')?.data).toEqual({ mode: 'old' });
  }, 120_000);

  it('an object made again since is a conflict and is not overwritten', async () => {
    const kube = { KUBECONFIG: api.kubeconfig };
    const done = await agentApproved(
      'kubectl',
      ['delete', 'pod/debug', 'configmap/settings', '-n', 'shop'],
      kube,
    );
    expect(done.status, done.stderr).toBe(0);
    const id = /airlock undo (\w+)/.exec(exitedRow()?.note ?? '')?.[1] as string;
    api.put({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'settings', namespace: 'shop' },
      data: { mode: 'new' },
    });
    const undone = await undo(id);
    expect(undone.status).toBe(1);
    expect(undone.stderr).toMatch(/refusing to overwrite/);
    expect(undone.stderr).toMatch(/conflict: .*settings/);
    expect(undone.stderr).toMatch(/warning: volume data is not restored/);
    expect(api.list('pods', 'shop')).toEqual(['debug']);
    expect(api.get('configmaps', 'settings', 'shop')?.data).toEqual({ mode: 'new' });
  }, 120_000);
});

describe('psql DELETE: committed only within the approved row count', () => {
  let pg: PgServer;
  beforeAll(async () => {
    pg = await startPostgres();
  }, 60_000);
  afterAll(() => pg?.stop());
  beforeEach(() => {
    pg.sql(
      'DROP TABLE IF EXISTS t; CREATE TABLE t (id serial PRIMARY KEY, old boolean); INSERT INTO t (old) SELECT g <= 20 FROM generate_series(1, 50) g;',
    );
  });

  const args = () => [
    '-h',
    pg.host,
    '-p',
    pg.port,
    '-U',
    pg.user,
    '-d',
    'postgres',
    '-c',
    'DELETE FROM t WHERE old',
  ];

  it('within the tolerance: commits, prints the command tag, and the rows are gone', async () => {
    const done = await agentApproved('psql', args(), {}, () => {
      // Three more rows: within 20 + 5.
      pg.sql('INSERT INTO t (old) SELECT true FROM generate_series(1, 3)');
    });
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout).toBe('DELETE 23\n');
    expect(pg.sql('SELECT count(*) FROM t')).toBe('30');
    const requested = auditRows().find((r) => r.step === 'requested');
    expect(JSON.stringify(requested?.blastRadius)).toMatch(/20 rows of t deleted/);
    expect(exitedRow()?.note).toBe(
      'committed in a row-checked transaction: 23 row(s); 20 approved, at most 25 allowed',
    );
  }, 120_000);

  it('beyond it: rolls back, leaves the data as it was, and asks to be run again', async () => {
    const done = await agentApproved('psql', args(), {}, () => {
      pg.sql('INSERT INTO t (old) SELECT true FROM generate_series(1, 30)');
    });
    expect(done.status).toBe(exitCodes.needsApproval);
    expect(done.stderr).toMatch(
      /rolled back: this DELETE would have touched 50 row\(s\), but 20 were approved/,
    );
    expect(done.stdout).toBe('');
    expect(pg.sql('SELECT count(*) FROM t')).toBe('80');
    const refused = exitedRow();
    expect(refused?.step).toBe('refused');
    expect(refused?.note).toMatch(
      /^rolled back: would have touched 50 row\(s\); 20 approved, at most 25 allowed$/,
    );
  }, 120_000);

  it('probes.rowTolerance widens the allowance', async () => {
    home.config(
      `probes: { timeout: 30000, rowTolerance: 2 }\napproval: { wait: 90 }\npacks: [${join(home.home, 'counted.yaml')}]\n`,
    );
    const done = await agentApproved('psql', args(), {}, () => {
      pg.sql('INSERT INTO t (old) SELECT true FROM generate_series(1, 30)');
    });
    expect(done.status, done.stderr).toBe(0);
    expect(pg.sql('SELECT count(*) FROM t')).toBe('30');
    expect(exitedRow()?.note).toBe(
      'committed in a row-checked transaction: 50 row(s); 20 approved, at most 60 allowed',
    );
  }, 120_000);
});
