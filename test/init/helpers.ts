// Fixture projects for the init tests: copied from test/fixtures/init into a temp dir, with the
// pieces git would not keep (terraform's data directory, workspace state) made on the spot.

import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const fixtures = fileURLToPath(new URL('../fixtures/init/', import.meta.url));

export interface Sandbox {
  base: string;
  root: string;
  home: string;
  shimDir: string;
}

export function makeProject(name = 'project'): Sandbox {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'airlock-init-')));
  const root = join(base, 'work', name);
  const home = join(base, 'home');
  cpSync(join(fixtures, name), root, { recursive: true });
  mkdirSync(join(root, 'infra/prod/.terraform'), { recursive: true });
  writeFileSync(join(root, 'infra/prod/.terraform/environment'), 'blue\n');
  mkdirSync(join(root, 'infra/prod/terraform.tfstate.d/prod'), { recursive: true });
  writeFileSync(join(root, 'infra/prod/terraform.tfstate.d/prod/terraform.tfstate'), '{}\n');
  mkdirSync(home, { recursive: true });
  return { base, root, home, shimDir: join(home, '.local/share/airlock/shims') };
}

export function git(cwd: string, ...args: string[]): { status: number | null; stdout: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout };
}

/** Every file under `dir` with its text, keyed by relative path. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (name === '.git') continue;
      if (statSync(path).isDirectory()) visit(path);
      else out.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  visit(dir);
  return out;
}

export function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** Parsed JSON the tests walk into freely; a wrong path fails the assertion, not the type check. */
// biome-ignore lint/suspicious/noExplicitAny: the tests read arbitrary nested settings files
export type Loose = any;
