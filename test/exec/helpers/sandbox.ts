// A throw-away airlock install for execute-stage tests: the real bin/airlock launcher, a test
// entry bundled as dist/airlock.cjs, and a shim directory, all under one temporary directory.

import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { installShims } from '../../../src/exec/shims.js';

const root = new URL('../../..', import.meta.url).pathname;
/** The system directories only: no version-manager shims between the test and real binaries. */
export const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export type Sandbox = {
  dir: string;
  launcher: string;
  shimDir: string;
  /** An environment that puts the shims first and names them for the test entry. */
  env: (extra?: NodeJS.ProcessEnv) => NodeJS.ProcessEnv;
  remove: () => void;
};

export async function makeSandbox(programs: readonly string[]): Promise<Sandbox> {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-exec-'));
  mkdirSync(join(dir, 'bin'));
  const launcher = join(dir, 'bin', 'airlock');
  copyFileSync(join(root, 'bin', 'airlock'), launcher);
  chmodSync(launcher, 0o755);
  await build({
    entryPoints: [join(root, 'test', 'exec', 'helpers', 'wrapper-entry.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    outfile: join(dir, 'dist', 'airlock.cjs'),
  });
  const shimDir = join(dir, 'shims');
  const installed = installShims({ dir: shimDir, programs, launcherPath: launcher });
  if (installed.problems.length > 0) throw new Error(JSON.stringify(installed.problems));
  const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => {
    const base: NodeJS.ProcessEnv = { ...process.env };
    delete base.AIRLOCK_SHIM_DEPTH;
    delete base.AIRLOCK_INVOKED_AS;
    delete base.AIRLOCK_SAVED_NODE_EXTRA_CA_CERTS;
    return {
      ...base,
      PATH: `${shimDir}:${SYSTEM_PATH}`,
      AIRLOCK_NODE: process.execPath,
      AIRLOCK_TEST_SHIM_DIRS: shimDir,
      AIRLOCK_TEST_LAUNCHERS: launcher,
      ...extra,
    };
  };
  return { dir, launcher, shimDir, env, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
