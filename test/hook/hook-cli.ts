// A throw-away airlock install for the hook tests: the real bin/airlock launcher and the CLI
// bundled from src/cli.ts as the build does it (packs compiled in), plus a runner that feeds
// a payload on stdin with AIRLOCK_HOME in a temp dir and no agent markers in the environment.

import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { agentMarkerVariables } from '../../src/approve/actor.js';
import { loadPackFiles } from '../../src/classify/load-packs.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface HookInstall {
  launcher: string;
  remove(): void;
}

export async function buildHookCli(): Promise<HookInstall> {
  // Under node_modules so the bundle's require('better-sqlite3') resolves.
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'airlock-hook-'));
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
  return { launcher, remove: () => rmSync(dir, { recursive: true, force: true }) };
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
