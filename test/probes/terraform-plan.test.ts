// terraform measurements with the real terraform binary and the built-in terraform_data
// resource (no provider download): every figure is checked by applying for real.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { savedPlanCommand } from '../../src/probes/terraform-saved-plan.js';
import { measureLine } from '../helpers/probe-context.js';

let dir: string;
const env = () => ({ PATH: process.env.PATH, HOME: dir, TF_IN_AUTOMATION: '1' });

function tf(args: string[], cwd = dir, extraEnv: Record<string, string> = {}): string {
  return execFileSync('terraform', args, { cwd, env: { ...env(), ...extraEnv }, encoding: 'utf8' });
}

function stateAddresses(cwd = dir): string[] {
  const out = spawnSync('terraform', ['state', 'list'], { cwd, env: env(), encoding: 'utf8' });
  return out.stdout.split('\n').filter((l) => l !== '');
}

function config(body: string, cwd = dir): void {
  writeFileSync(join(cwd, 'main.tf'), body);
}

const threeItems = `
variable "n" { default = 3 }
resource "terraform_data" "item" {
  count = var.n
  input = "item-\${count.index}"
}
`;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'airlock-tf-'));
  config(threeItems);
  tf(['init', '-input=false', '-no-color']);
  tf(['apply', '-auto-approve', '-input=false', '-no-color']);
}, 30_000);

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('terraform-plan', () => {
  it('destroy: counts what the plan destroys, and applying that plan destroys exactly it', async () => {
    const { measurement, finding } = await measureLine(
      'terraform destroy -auto-approve',
      'terraform',
      'terraform-plan',
      env(),
      dir,
    );
    expect(finding?.probe).toBe('terraform-plan');
    expect(measurement.status, measurement.reason).toBe('done');
    expect(measurement.counts).toMatchObject({ destroy: 3, create: 0 });
    expect(measurement.items).toEqual([
      'destroy terraform_data.item[0]',
      'destroy terraform_data.item[1]',
      'destroy terraform_data.item[2]',
    ]);
    expect(measurement.summary).toBe('3 to destroy');
    const planFile = measurement.artifact as string;
    const run = savedPlanCommand(['destroy', '-auto-approve'], planFile);
    expect(run?.args).toEqual(['apply', '-input=false', planFile]);
    tf(run?.args ?? [], dir, run?.env);
    expect(stateAddresses()).toEqual([]);
  });

  it('apply with -var and -target: plans with the same variables and targets', async () => {
    const { measurement } = await measureLine(
      'terraform apply -var n=5 -target=terraform_data.item',
      'terraform',
      'terraform-plan',
      env(),
      dir,
    );
    expect(measurement.counts).toMatchObject({ create: 2, destroy: 0, update: 0 });
    const run = savedPlanCommand(
      ['apply', '-var', 'n=5', '-target=terraform_data.item'],
      measurement.artifact as string,
    );
    tf(run?.args ?? []);
    expect(stateAddresses()).toHaveLength(5);
  });

  it('apply -replace and -chdir from another directory; TF_CLI_ARGS folded in once', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'airlock-tf-cwd-'));
    try {
      const line = `TF_CLI_ARGS_apply="-var n=2" terraform -chdir=${dir} apply '-replace=terraform_data.item[0]'`;
      const { measurement } = await measureLine(
        line,
        'terraform',
        'terraform-plan',
        { ...env(), TF_CLI_ARGS_apply: '-var n=2' },
        elsewhere,
      );
      expect(measurement.status, measurement.reason).toBe('done');
      expect(measurement.counts).toMatchObject({ replace: 1, destroy: 1, create: 0 });
      expect(measurement.items).toEqual(['destroy terraform_data.item[2]', 'replace terraform_data.item[0]']);
      const run = savedPlanCommand(
        [`-chdir=${dir}`, 'apply', '-replace=terraform_data.item[0]'],
        measurement.artifact as string,
      );
      tf(run?.args ?? [], elsewhere, { TF_CLI_ARGS_apply: '-var n=2', ...run?.env });
      expect(stateAddresses()).toEqual(['terraform_data.item[0]', 'terraform_data.item[1]']);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('prevent_destroy: names the protected resource the plan refuses to destroy', async () => {
    config(
      `${threeItems}\nresource "terraform_data" "db" {\n  input = "keep"\n  lifecycle { prevent_destroy = true }\n}\n`,
    );
    tf(['apply', '-auto-approve', '-input=false', '-no-color']);
    const { measurement } = await measureLine('terraform destroy', 'terraform', 'terraform-plan', env(), dir);
    expect(measurement.status).toBe('done');
    expect(measurement.items).toEqual(['prevent_destroy: terraform_data.db']);
    expect(measurement.counts).toMatchObject({ preventDestroy: 1, destroy: 4 });
    const real = spawnSync('terraform', ['destroy', '-auto-approve', '-no-color'], {
      cwd: dir,
      env: env(),
      encoding: 'utf8',
    });
    expect(real.status).not.toBe(0);
    expect(stateAddresses()).toHaveLength(4);
  });

  it('a stale plan is refused by terraform when the state changed after measuring', async () => {
    const { measurement } = await measureLine('terraform destroy', 'terraform', 'terraform-plan', env(), dir);
    tf(['apply', '-auto-approve', '-var', 'n=4', '-no-color']);
    const run = savedPlanCommand(['destroy'], measurement.artifact as string);
    const applied = spawnSync('terraform', run?.args ?? [], {
      cwd: dir,
      env: { ...env(), ...run?.env },
      encoding: 'utf8',
    });
    expect(applied.status).not.toBe(0);
    expect(applied.stderr).toMatch(/stale/i);
    expect(stateAddresses()).toHaveLength(4);
  });

  it('an uninitialized directory is unknown with terraform’s reason', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'airlock-tf-bare-'));
    try {
      config(threeItems, bare);
      writeFileSync(join(bare, 'backend.tf'), 'terraform {\n  backend "local" {}\n}\n');
      const { measurement } = await measureLine(
        'terraform destroy',
        'terraform',
        'terraform-plan',
        env(),
        bare,
      );
      expect(measurement.status).toBe('unknown');
      expect(measurement.reason).toMatch(/init/i);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});

describe('savedPlanCommand', () => {
  it('leaves commands that already apply a saved plan, and other verbs, alone', () => {
    const file = join(tmpdir());
    expect(savedPlanCommand(['apply', 'tfplan'], file)).toBeUndefined();
    expect(savedPlanCommand(['plan'], file)).toBeUndefined();
    expect(savedPlanCommand(['apply'], join(tmpdir(), 'no-such-plan'))).toBeUndefined();
    expect(savedPlanCommand(['-chdir', 'infra', 'destroy', '-target=a.b'], file)?.args).toEqual([
      '-chdir',
      'infra',
      'apply',
      '-input=false',
      file,
    ]);
  });
});
