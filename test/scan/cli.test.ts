// The three commands through the real CLI bundle: registered, printing what the library
// computes, with their exit statuses; doctor's output carries no planted secret.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeDoctorSandbox, plantedSecrets } from '../doctor/fixture.js';
import { buildHookCli, type HookInstall, hookEnv } from '../hook/hook-cli.js';

let install: HookInstall;
let base: string;
beforeAll(async () => {
  install = await buildHookCli();
  base = realpathSync(mkdtempSync(join(tmpdir(), 'airlock-cli-')));
}, 120_000);
afterAll(() => {
  install?.remove();
  if (base) rmSync(base, { recursive: true, force: true });
});

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const r = spawnSync(install.launcher, args, { cwd, env, encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('through the CLI', () => {
  test('airlock scan --sarif and text, exit 90 when something would be refused', () => {
    const repo = join(base, 'repo');
    cpSync(fileURLToPath(new URL('../fixtures/scan/repo', import.meta.url)), repo, { recursive: true });
    const env = hookEnv(join(base, 'al'), { HOME: join(base, 'home') });
    const sarif = run(['scan', '--sarif'], repo, env);
    expect(sarif.status).toBe(90);
    const doc = JSON.parse(sarif.stdout);
    expect(doc.version).toBe('2.1.0');
    const rows = doc.runs[0].results.map(
      (r: {
        ruleId: string;
        locations: {
          physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
        }[];
      }) =>
        `${r.locations[0]!.physicalLocation.artifactLocation.uri}:${r.locations[0]!.physicalLocation.region.startLine} ${r.ruleId}`,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        '.gitlab-ci.yml:10 kubectl/delete',
        'Makefile:9 psql/drop',
        'package.json:5 rm/root-or-home',
      ]),
    );
    const text = run(['scan', 'Makefile'], repo, env);
    expect(text.status).toBe(91);
    expect(text.stdout).toContain('Makefile:13: approve kubectl/delete-namespace');
  });

  test('airlock doctor --json: found, never printed, exit 1', async () => {
    const box = await makeDoctorSandbox();
    try {
      const env = { ...hookEnv(join(box.base, 'airlock')), ...box.env };
      const result = run(['doctor', '--json'], box.root, env);
      expect(result.status).toBe(1);
      const report = JSON.parse(result.stdout);
      expect(report.findings.some((f: { kind: string }) => f.kind === 'kube-context')).toBe(true);
      const text = run(['doctor'], box.root, env);
      for (const secret of plantedSecrets) {
        for (const out of [result.stdout, result.stderr, text.stdout, text.stderr])
          expect(out).not.toContain(secret);
      }
    } finally {
      await box.close();
    }
  });

  test('airlock init --dry-run --harness claude-code writes nothing; bad names are usage errors', () => {
    const project = join(base, 'init');
    cpSync(fileURLToPath(new URL('../fixtures/init/project', import.meta.url)), project, { recursive: true });
    const env = hookEnv(join(base, 'al2'), { HOME: join(base, 'home') });
    const dry = run(['init', '--dry-run', '--harness', 'claude-code'], project, env);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('would create .claude/settings.json');
    expect(spawnSync('test', ['-e', join(project, '.claude')]).status).toBe(1);
    const bad = run(['init', '--harness', 'claude'], project, env);
    expect(bad.status).toBe(96);
    expect(bad.stderr).toContain('unknown harness claude');
  });
});
