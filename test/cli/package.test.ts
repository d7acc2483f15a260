// Packaging: the tarball `npm pack` makes installs globally into a fresh prefix (native modules
// compiled there, ~1–2 minutes) and works from any directory, shims included. One test on purpose.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo, sandbox } from './helpers.js';
import { SYSTEM_PATH } from './interpose.js';

/** The caller's environment without what `npm test` sets for its own scripts. */
function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!key.toLowerCase().startsWith('npm_') && !key.startsWith('AIRLOCK_')) env[key] = value;
  return { ...env, NO_COLOR: '1', ...extra };
}

function sh(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return {
    status: result.status,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    error: result.error,
  };
}

describe('packaging', () => {
  it('npm pack, then npm install -g into a fresh prefix: works from any directory, shims included', () => {
    const box = sandbox();
    try {
      // The real HOME: npm's own settings and cache (node-gyp's headers) live there.
      const env = cleanEnv({ PATH: SYSTEM_PATH });
      // dist/ is built already (npm test builds first); rebuilding here would race other tests.
      const packed = sh('npm', ['pack', '--ignore-scripts', '--pack-destination', box.dir], repo, env);
      expect(packed.status, packed.stderr).toBe(0);
      const tarball = join(box.dir, packed.stdout.trim().split('\n').at(-1) as string);

      const files = sh('tar', ['tzf', tarball], box.dir, env).stdout.trim().split('\n');
      for (const needed of [
        'package/bin/airlock',
        'package/bin/airlock-sh',
        'package/dist/airlock.cjs',
        'package/dist/airlock-main.cjs',
        'package/dist/ui.cjs',
        'package/dist/ui.mjs',
        'package/rules/git.yaml',
        'package/README.md',
      ])
        expect(files).toContain(needed);
      const stray = files.filter((f) =>
        /^package\/(dist\/build\/|test\/|src\/|\.airlock-|node_modules\/)/.test(f),
      );
      expect(stray).toEqual([]);

      const prefix = join(box.dir, 'prefix');
      const installed = sh(
        'npm',
        ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', tarball],
        box.dir,
        env,
      );
      expect(installed.status, installed.stderr).toBe(0);

      const bin = join(prefix, 'bin');
      const elsewhere = join(box.dir, 'elsewhere', 'deep');
      mkdirSync(elsewhere, { recursive: true });
      const home = join(box.dir, 'airlock-home');
      const user = { ...env, PATH: `${bin}:${SYSTEM_PATH}`, AIRLOCK_HOME: home, HOME: box.dir };

      const version = sh('airlock', ['--version'], elsewhere, user);
      expect(version.stdout.trim()).toBe(
        JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version,
      );

      const refused = sh('airlock', ['check', 'rm -rf /'], elsewhere, user);
      expect(refused.status).toBe(90);
      expect(refused.stdout).toContain('REFUSED');

      const shims = sh('airlock', ['shims', 'install'], elsewhere, user);
      expect(shims.status, shims.stderr).toBe(0);
      const shimDir = join(home, 'data', 'shims');
      const shimmed = { ...user, PATH: `${shimDir}:${bin}:${SYSTEM_PATH}` };
      const git = sh('sh', ['-c', 'command -v git; git --version'], elsewhere, shimmed);
      expect(git.stdout).toMatch(new RegExp(`^${shimDir}/git\\ngit version \\d`));
      expect(git.status).toBe(0);

      const guarded = sh(
        'airlock-sh',
        ['-c', 'git --version >/dev/null && echo "$0 ok"', 'n'],
        elsewhere,
        user,
      );
      expect(guarded.stdout).toBe('n ok\n');

      const log = sh('airlock', ['log', '--json'], elsewhere, user);
      const rows = log.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { entry: string; argv: string[] | null; cwd: string });
      expect(rows.map((r) => [r.entry, r.argv])).toEqual([
        ['shim', ['git', '--version']],
        ['shim', ['git', '--version']],
        ['sh', null],
      ]);
      expect(rows[0]?.cwd).toBe(elsewhere);
      expect(sh('airlock', ['verify'], elsewhere, user).status).toBe(0);
    } finally {
      rmSync(box.dir, { recursive: true, force: true });
    }
  }, 600_000);
});
