// Runs the real built CLI (bin/airlock → dist/) in a throwaway AIRLOCK_HOME, as a user would.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const repo = new URL('../../', import.meta.url).pathname;
export const airlock = join(repo, 'bin', 'airlock');

if (!existsSync(join(repo, 'dist', 'airlock.cjs'))) {
  throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
}

/** Variables that would make airlock think an agent or a CI job is asking. */
const markers = [
  'CLAUDECODE',
  'CLAUDE_CODE_ENTRYPOINT',
  'AIRLOCK_AGENT',
  'GEMINI_CLI',
  'CURSOR_AGENT',
  'OPENCODE',
  'AGENT',
  'CODEX_SANDBOX',
  'CODEX_CI',
  'COPILOT_CLI',
  'GOOSE_TERMINAL',
  'AGENT_SESSION_ID',
];

export interface Sandbox {
  home: string;
  dir: string;
  env: NodeJS.ProcessEnv;
  run(args: string[], options?: { input?: string | Buffer; cwd?: string; env?: NodeJS.ProcessEnv }): Run;
  cleanup(): void;
}

export interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  raw: Buffer;
}

export function sandbox(): Sandbox {
  // Not under /tmp: airlock treats temp directories as regenerable, which would hide decisions.
  const dir = realpathSync(mkdtempSync(join(repo, '.airlock-test-cli-')));
  const home = join(dir, 'airlock-home');
  const env: NodeJS.ProcessEnv = { ...process.env, AIRLOCK_HOME: home, NO_COLOR: '1' };
  for (const m of markers) delete env[m];
  return {
    home,
    dir,
    env,
    run(args, options = {}) {
      const result = spawnSync(airlock, args, {
        cwd: options.cwd ?? dir,
        env: { ...env, ...options.env },
        input: options.input ?? '',
        maxBuffer: 64 * 1024 * 1024,
      });
      return {
        status: result.status,
        signal: result.signal,
        stdout: result.stdout.toString(),
        stderr: result.stderr.toString(),
        raw: result.stdout,
      };
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
