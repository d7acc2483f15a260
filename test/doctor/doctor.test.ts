// airlock doctor on a planted home: each credential found with its kind and location, the
// production ones marked high, shims bypassed, harnesses routed or not, recovery paths; and
// not one planted secret in the text or the JSON.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type DoctorResult, runDoctor } from '../../src/doctor/run.js';
import { type DoctorSandbox, makeDoctorSandbox, plantedSecrets } from './fixture.js';

let box: DoctorSandbox;
let result: DoctorResult;
beforeAll(async () => {
  box = await makeDoctorSandbox();
  result = runDoctor(box.input);
});
afterAll(async () => {
  await box?.close();
});

function find(kind: string, location: string) {
  return result.report.findings.find((f) => f.kind === kind && f.location === location);
}

describe('credentials', () => {
  test.each([
    ['aws-access-key', 'environment AWS_ACCESS_KEY_ID', 'high', undefined],
    ['aws-credentials', '~/.aws/credentials [default]', 'medium', 'unknown'],
    ['aws-credentials', '~/.aws/credentials [prod]', 'high', 'prod'],
    ['aws-profile', '~/.aws/config [profile prod-admin]', 'high', 'prod'],
    ['gcp-service-account-key', '~/sa.json (GOOGLE_APPLICATION_CREDENTIALS)', 'high', undefined],
    ['gcp-application-default', '~/.config/gcloud/application_default_credentials.json', 'medium', undefined],
    ['azure-login', '~/.azure', 'high', 'prod'],
    ['kube-context', '~/.kube/config', 'high', 'prod'],
    ['database-url', 'environment DATABASE_URL', 'low', 'local'],
    ['database-url', '.env.production:1 DATABASE_URL', 'high', 'prod'],
    ['netrc', '~/.netrc', 'medium', 'unknown'],
    ['npm-token', '~/.npmrc', 'medium', 'unknown'],
    ['docker-registry-auth', '~/.docker/config.json', 'medium', undefined],
    ['github-cli-token', '~/.config/gh/hosts.yml', 'medium', 'unknown'],
    ['git-credentials', '~/.git-credentials', 'medium', 'unknown'],
    ['pgpass', '~/.pgpass', 'high', 'prod'],
    ['ssh-private-key', '~/.ssh/id_ed25519', 'medium', undefined],
  ])('%s at %s (%s)', (kind, location, severity, environment) => {
    const finding = find(kind, location);
    expect(finding, JSON.stringify(result.report.findings.map((f) => [f.kind, f.location]))).toBeDefined();
    expect(finding!.severity).toBe(severity);
    expect(finding!.environment).toBe(environment);
  });

  test('names what each credential opens, never the secret', () => {
    expect(find('kube-context', '~/.kube/config')?.detail).toBe(
      'kube context prod-eu (cluster prod-eu-cluster), the current context',
    );
    expect(find('database-url', '.env.production:1 DATABASE_URL')?.detail).toBe(
      'postgres db.prod.internal/orders',
    );
    expect(find('netrc', '~/.netrc')?.detail).toBe('login for api.github.com');
    expect(find('npm-token', '~/.npmrc')?.detail).toBe('auth token for registry.npmjs.org/');
    expect(find('docker-registry-auth', '~/.docker/config.json')?.detail).toBe('registry logins for ghcr.io');
    expect(find('pgpass', '~/.pgpass')?.detail).toBe('PostgreSQL passwords for db.prod.internal:5432/orders');
    const agent = result.report.findings.find((f) => f.kind === 'ssh-agent');
    expect(agent?.location).toBe(`environment SSH_AUTH_SOCK (${box.base}/agent.sock)`);
    const local = result.report.findings
      .filter((f) => f.kind === 'kube-context')
      .map((f) => [f.detail, f.severity]);
    expect(local).toContainEqual(['kube context kind-dev (cluster kind-dev)', 'low']);
  });

  test('no planted secret appears in the text or the JSON', () => {
    for (const secret of plantedSecrets) {
      expect(result.text).not.toContain(secret);
      expect(result.json).not.toContain(secret);
    }
  });
});

describe('shims, harnesses, recovery', () => {
  test('a guarded program ahead of the shims in PATH is a high bypass finding', () => {
    const bypass = result.report.findings.find((f) => f.kind === 'shim-bypass');
    expect(bypass?.severity).toBe('high');
    expect(bypass?.detail).toBe(`found before the shims: kubectl (${box.base}/early-bin/kubectl)`);
    expect(bypass?.fix).toContain(`export PATH="${box.input.shimDir}:$PATH"`);
  });

  test('harnesses in the project: routed through airlock or not', () => {
    expect(find('harness-not-routed', '.claude/settings.json')).toMatchObject({
      severity: 'high',
      fix: 'airlock init --harness claude-code',
    });
    expect(find('harness-routed', '.cursor/hooks.json')?.severity).toBe('info');
  });

  test('terraform local state, database files, backups and the trash', () => {
    expect(find('terraform-local-state', 'infra/terraform.tfstate')?.severity).toBe('medium');
    expect(find('database-file', 'data/app.sqlite')).toBeDefined();
    expect(find('database-backup', 'backups/orders.dump')).toBeDefined();
    expect(result.report.findings.find((f) => f.kind === 'trash')?.detail).toBe(
      'airlock trash holds 1 file(s), 10 B (recoverable with airlock undo)',
    );
  });

  test('summary, fixes and exit status 1 with high findings', () => {
    expect(result.exitCode).toBe(1);
    expect(result.report.summary.high).toBeGreaterThan(5);
    expect(result.report.fixes).toContain('airlock init --harness claude-code');
    expect(result.text).toMatch(/\nSummary: \d+ high, \d+ medium, \d+ low\.\nFixes:\n {2}- /);
    expect(JSON.parse(result.json).summary).toEqual(result.report.summary);
  });

  test('a clean home and project with shims first has no high finding and exits 0', () => {
    const clean = runDoctor({
      ...box.input,
      env: { HOME: `${box.base}/empty`, PATH: `${box.input.shimDir}:/usr/bin:/bin` },
      home: `${box.base}/empty`,
      root: `${box.base}/empty`,
    });
    expect(clean.report.findings.filter((f) => f.severity === 'high')).toEqual([]);
    expect(clean.exitCode).toBe(0);
    expect(clean.report.findings.find((f) => f.kind === 'shims-in-front')?.detail).toBe(
      `4 shims in ${box.input.shimDir}, first in PATH`,
    );
  });
});
