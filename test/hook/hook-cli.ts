// A throw-away airlock install for the hook tests: the real bin/airlock launcher and the CLI
// bundled from src/cli.ts as the build does it (packs compiled in), plus a runner that feeds
// a payload on stdin with AIRLOCK_HOME in a temp dir and no agent markers in the environment.

import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { agentMarkerVariables } from '../../src/approve/actor.js';
import { builtCli } from '../helpers/built-cli.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface HookInstall {
  launcher: string;
  remove(): void;
}

/** The real build: the launcher and bundle `npm run build` made. */
export async function buildHookCli(): Promise<HookInstall> {
  return builtCli();
}

export interface HookRun {
  stdout: string;
  stderr: string;
  exit: number | null;
}

/** A clean environment: a temp AIRLOCK_HOME, no agent markers, no notifier. */
export function hookEnv(airlockHome: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of agentMarkerVariables) delete env[name];
  delete env.GITHUB_ACTIONS;
  delete env.NODE_EXTRA_CA_CERTS;
  return { ...env, PATH: SYSTEM_PATH, AIRLOCK_HOME: airlockHome, AIRLOCK_NOTIFY: '0', ...extra };
}

export function runHook(
  launcher: string,
  args: string[],
  input: string | Buffer,
  env: NodeJS.ProcessEnv,
  cwd: string,
): HookRun {
  const result = spawnSync(launcher, ['hook', ...args], {
    input,
    env,
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (result.error) throw result.error;
  return { stdout: result.stdout, stderr: result.stderr, exit: result.status };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
