// A throw-away airlock home for approval tests, run by the real build (bin/airlock and the
// bundles `npm run build` made); shims for a few programs; and runners for agent and human mode.

import { spawn as spawnChild } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn as spawnPty } from 'node-pty';
import { agentMarkerVariables } from '../../src/approve/actor.js';
import { installShims } from '../../src/exec/shims.js';
import { builtCli } from '../helpers/built-cli.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface Install {
  dir: string;
  launcher: string;
  remove(): void;
}

/** The real build: the launcher and bundle `npm run build` made. */
export async function buildCli(): Promise<Install> {
  return builtCli();
}

export interface Home {
  home: string;
  shims: string;
  /** A clean environment: no agent markers, shims first, AIRLOCK_HOME set. */
  env(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  /** Writes AIRLOCK_HOME/config/config.yaml. */
  config(yaml: string): void;
  remove(): void;
}

export function makeHome(install: Install, programs: readonly string[]): Home {
  const home = mkdtempSync(join(tmpdir(), 'airlock-home-'));
  const shims = join(home, 'data', 'shims');
  const installed = installShims({ dir: shims, programs, launcherPath: install.launcher });
  if (installed.problems.length > 0) throw new Error(JSON.stringify(installed.problems));
  return {
    home,
    shims,
    env(extra = {}) {
      const base: NodeJS.ProcessEnv = { ...process.env };
      for (const name of agentMarkerVariables) delete base[name];
      for (const name of Object.keys(base)) if (name.startsWith('AIRLOCK_')) delete base[name];
      return {
        ...base,
        PATH: `${shims}:${dirOf(install.launcher)}:${SYSTEM_PATH}`,
        AIRLOCK_HOME: home,
        AIRLOCK_NODE: process.execPath,
        AIRLOCK_NOTIFY: '0',
        NO_COLOR: '1',
        ...extra,
      };
    },
    config(yaml: string) {
      mkdirSync(join(home, 'config'), { recursive: true });
      writeFileSync(join(home, 'config', 'config.yaml'), yaml);
    },
    remove: () => rmSync(home, { recursive: true, force: true }),
  };
}

function dirOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

/** Runs a process with no controlling terminal (its own session), as agents' commands run. */
export function runDetached(
  file: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string; onStderr?: (text: string) => void },
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawnChild(file, args, {
      env: options.env,
      cwd: options.cwd,
      detached: true,
      stdio: 'pipe',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
      options.onStderr?.(stderr);
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end();
  });
}

/** Runs a process in a real pseudo-terminal: it has a controlling terminal, as a person's does. */
export function runInTerminal(
  file: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string },
): Promise<{ status: number; output: string }> {
  return new Promise((resolve) => {
    const pty = spawnPty(file, args, {
      cols: 120,
      rows: 30,
      cwd: options.cwd ?? process.cwd(),
      env: options.env as Record<string, string>,
    });
    let output = '';
    pty.onData((d) => {
      output += d;
    });
    pty.onExit(({ exitCode }) => resolve({ status: exitCode, output }));
  });
}

/** Resolves when `read()` includes `text`, polling; rejects after `ms`. */
export async function waitUntil(read: () => string, text: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!read().includes(text)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${JSON.stringify(text)} in:\n${read()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
