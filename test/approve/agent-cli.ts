// A throw-away airlock install for approval tests: the real bin/airlock launcher and the CLI
// bundled from src/cli.ts the way the build does it, under node_modules/.cache so that
// better-sqlite3 resolves; shims for a few programs; and runners for agent and human mode.

import { spawn as spawnChild } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { spawn as spawnPty } from 'node-pty';
import { agentMarkerVariables } from '../../src/approve/actor.js';
import { loadPackFiles } from '../../src/classify/load-packs.js';
import { installShims } from '../../src/exec/shims.js';

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

/** Bundles the CLI with the built-in packs compiled in, next to a copy of the launcher. */
export async function buildCli(): Promise<Install> {
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'airlock-approve-'));
  mkdirSync(join(dir, 'bin'));
  const launcher = join(dir, 'bin', 'airlock');
  copyFileSync(join(root, 'bin', 'airlock'), launcher);
  chmodSync(launcher, 0o755);
  const rules = join(root, 'rules');
  const files = readdirSync(rules)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(rules, f));
  const { packs, problems } = loadPackFiles(files);
  if (problems.length > 0) throw new Error(`packs: ${problems[0]?.message}`);
  await build({
    entryPoints: [join(root, 'src', 'cli.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'error',
    outfile: join(dir, 'dist', 'airlock.cjs'),
    define: {
      'process.env.NODE_ENV': '"production"',
      'import.meta.url': 'importMetaUrl',
      __AIRLOCK_VERSION__: '"test"',
      __AIRLOCK_PACKS_JSON__: JSON.stringify(JSON.stringify(packs)),
    },
    banner: { js: "const importMetaUrl=require('url').pathToFileURL(__filename).href;" },
    external: [
      'better-sqlite3',
      'node-pty',
      'libpg-query',
      'node-sql-parser',
      'yaml',
      'cosmiconfig',
      'ink',
      'react',
      'commander',
      'react-devtools-core',
    ],
  });
  return { dir, launcher, remove: () => rmSync(dir, { recursive: true, force: true }) };
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
