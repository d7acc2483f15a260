// The boot loader (dist/airlock.cjs) through the real build: which code caches each kind of run
// writes and reuses, the hand-over to the full bundle, and what happens to stale or damaged
// caches. A cache V8 accepts is not written again, so an unchanged file means it was used.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCodes } from '../../src/exec/exit-codes.js';
import { repo, type Sandbox, sandbox } from './helpers.js';

let box: Sandbox;
beforeAll(() => {
  box = sandbox();
});
afterAll(() => box.cleanup());

const cacheDir = (): string => join(box.home, 'cache');
const caches = (): string[] => readdirSync(cacheDir()).sort();
const named = (prefix: string): string[] => caches().filter((name) => name.startsWith(prefix));
const stamps = (): Record<string, number> =>
  Object.fromEntries(caches().map((name) => [name, statSync(join(cacheDir(), name)).mtimeMs]));

describe('code caches', () => {
  it('a management command runs in the full bundle and leaves the start-up cache to a hot run', () => {
    expect(box.run(['config', 'show']).status).toBe(0);
    expect(named('airlock-full-')).toHaveLength(1);
    expect(named('airlock-main-')).toEqual([]);
  });

  it('each kind of run writes its own start-up cache once, then reuses it', () => {
    expect(box.run(['check', 'git status']).status).toBe(0);
    // The line cache was warmed over a line that needs approval (src/warm-up.ts), which is
    // judged only: nothing is recorded, nothing run.
    expect(existsSync(join(box.home, 'state'))).toBe(false);
    expect(box.run(['run', '--', 'true']).status).toBe(0);
    expect(box.run(['check', 'psql -c "SELECT 1"']).status).toBe(0);
    expect(box.run(['check', '--batch'], { input: '{"cmd":"ls"}\n' }).status).toBe(0);
    const kinds = named('airlock-main-').map((name) => name.replace(/v\d+\.\d+\.\d+.*/, ''));
    expect(kinds.sort()).toEqual([
      'airlock-main-',
      'airlock-main-argv-',
      'airlock-main-batch-',
      'airlock-main-sql-',
    ]);
    expect(named('pg-parser-sql-')).toHaveLength(1);
    // node-sql-parser's dialect builds run from caches of their own too.
    const mysql = box.run(['check', '--json', 'mysql -e "DROP TABLE users"']);
    expect(JSON.parse(mysql.stdout)).toMatchObject({ effect: 'destroy' });
    const sqlite = box.run(['check', '--json', 'sqlite3 app.db "DELETE FROM users"']);
    expect(JSON.parse(sqlite.stdout)).toMatchObject({ effect: 'destroy' });
    expect(named('sql-mysql-sql-')).toHaveLength(1);
    expect(named('sql-sqlite-sql-')).toHaveLength(1);
    const before = stamps();
    expect(box.run(['check', 'git status']).status).toBe(0);
    expect(box.run(['run', '--', 'true']).status).toBe(0);
    expect(box.run(['check', 'psql -c "SELECT 2"']).status).toBe(0);
    expect(box.run(['check', '--batch'], { input: '{"cmd":"ls"}\n' }).status).toBe(0);
    expect(box.run(['check', 'mysql -e "SELECT 1"']).status).toBe(0);
    expect(stamps()).toEqual(before);
  });

  it('replaces a damaged cache, and the command still answers', () => {
    const [line] = named('airlock-main-v');
    if (line === undefined) throw new Error('no line cache');
    writeFileSync(join(cacheDir(), line), 'not a V8 code cache');
    const run = box.run(['check', 'git status']);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toContain('ALLOW');
    expect(statSync(join(cacheDir(), line)).size).toBeGreaterThan(10_000);
  });

  it("removes the caches of this install's earlier builds for this Node, and older layouts'", () => {
    const [line] = named('airlock-main-v');
    if (line === undefined) throw new Error('no line cache');
    // airlock-main-v<node>-<arch>-<install tag>-<size>-<mtime>.cache
    const earlier = line.replace(/-(\d+)-(\d+)\.cache$/, '-1-1.cache');
    const untagged = line.replace(/-[0-9a-f]{8}-(\d+)-(\d+)\.cache$/, '-1-1.cache');
    const otherInstall = line.replace(/-[0-9a-f]{8}-(\d+)-(\d+)\.cache$/, '-0000abcd-1-1.cache');
    const otherNode = line.replace(/-v\d+\.\d+\.\d+-/, '-v99.0.0-');
    expect(new Set([line, earlier, untagged, otherInstall, otherNode]).size).toBe(5);
    for (const name of [earlier, untagged, otherInstall, otherNode, 'code-v20.0.0-x64-1-1.cache'])
      writeFileSync(join(cacheDir(), name), 'x');
    writeFileSync(join(cacheDir(), line), 'damaged, so this run writes a new cache');
    expect(box.run(['check', 'git status']).status).toBe(0);
    expect(caches()).not.toContain(earlier);
    expect(caches()).not.toContain(untagged);
    expect(caches()).not.toContain('code-v20.0.0-x64-1-1.cache');
    // Another install's caches and another Node's are theirs to keep.
    expect(caches()).toContain(otherInstall);
    expect(caches()).toContain(otherNode);
    expect(caches()).toContain(line);
  });
});

describe("the start-up bundle's rule files", () => {
  it('a pack whose rules cannot be read fails the command closed, naming the file', () => {
    // A copy of the launcher and the build, with the git pack's rules file gone.
    const copy = join(box.dir, 'install');
    cpSync(join(repo, 'bin'), join(copy, 'bin'), { recursive: true });
    cpSync(join(repo, 'dist'), join(copy, 'dist'), { recursive: true });
    const packs = join(copy, 'dist', 'packs');
    const gitPack = readdirSync(packs).find((name) =>
      readFileSync(join(packs, name), 'utf8').includes('"git/push-force"'),
    );
    if (gitPack === undefined) throw new Error('no rules file holds git/push-force');
    rmSync(join(packs, gitPack));
    const run = spawnSync(join(copy, 'bin', 'airlock'), ['check', 'git push --force origin main'], {
      env: box.env,
      cwd: box.dir,
      encoding: 'utf8',
    });
    expect(run.status).toBe(exitCodes.internal);
    expect(run.stderr).toContain(`${gitPack}) cannot be read`);
    expect(run.stdout).not.toContain('ALLOW');
  });
});

describe('hand-over to the full bundle', () => {
  it('a run that parses SQL keeps the full bundle in a cache of its own, which is then reused', () => {
    const probe = ['check', '--probe', '--json', 'psql -c "SELECT 1"'];
    expect(box.run(probe).status).toBe(0);
    const [full] = named('airlock-full-sql-');
    if (full === undefined) throw new Error('no cache for the full bundle in a SQL run');
    const before = statSync(join(cacheDir(), full)).mtimeMs;
    expect(box.run(probe).status).toBe(0);
    expect(statSync(join(cacheDir(), full)).mtimeMs).toBe(before);
  });

  it('check --probe starts over in the full bundle and answers once', () => {
    const run = box.run(['check', '--probe', '--json', 'rm -rf build'], { cwd: box.dir });
    expect(run.status).toBe(0);
    const verdict = JSON.parse(run.stdout) as { decision: string; blastRadius?: unknown };
    expect(verdict.decision).toBe('allow');
    expect(verdict.blastRadius).toBeDefined();
  });

  it('airlock sh with a script on stdin: the full bundle reads the same script', () => {
    // A refusal is the full flow's: the start-up bundle hands the run over after reading stdin.
    const run = box.run(['sh'], { input: 'rm -rf /\n', env: { AIRLOCK_AGENT: 'test-agent' } });
    expect(run.status).toBe(90);
    expect(run.stderr).toContain('airlock: refused: rm -rf /');
  });
});
