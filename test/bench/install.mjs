// A throwaway AIRLOCK_HOME for benchmarks that use the real built CLI (bin/airlock → dist/):
// a user config naming extra programs to shim, and `airlock shims install` run for real.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { airlock, withoutCaCerts } from './lib.mjs';

export const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Agent markers stripped so every run takes the same path, whoever starts the benchmark. */
const markers = ['CLAUDECODE', 'CLAUDE_CODE_ENTRYPOINT', 'AIRLOCK_AGENT', 'CODEX_SANDBOX', 'GEMINI_CLI'];

export function makeHome(extra = [], { install = true } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-bench-'));
  const home = join(dir, 'home');
  mkdirSync(join(home, 'config'), { recursive: true });
  writeFileSync(
    join(home, 'config', 'config.yaml'),
    `shims:\n  extra: [${extra.map((p) => JSON.stringify(p)).join(', ')}]\n`,
  );
  const base = withoutCaCerts({ ...process.env, AIRLOCK_HOME: home, HOME: dir, PATH: SYSTEM_PATH });
  for (const name of [...markers, 'AIRLOCK_SHIM_DEPTH', 'AIRLOCK_SESSION', 'BASH_ENV']) delete base[name];
  const installed = install
    ? spawnSync(airlock, ['shims', 'install'], { env: base, encoding: 'utf8' })
    : { status: 0 };
  if (installed.status !== 0) throw new Error(`shims install: ${installed.stderr}`);
  const shims = join(home, 'data', 'shims');
  return {
    dir,
    home,
    shims,
    /** No shims in PATH: airlock itself, and the bare programs. */
    env: base,
    /** The shims first in PATH, as after `airlock shims path` in a profile. */
    shimEnv: { ...base, PATH: `${shims}:${SYSTEM_PATH}` },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
