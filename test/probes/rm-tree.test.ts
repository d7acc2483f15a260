import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandGlob } from '../../src/probes/fs-glob.js';
import {
  fastTempDir,
  makeBigTree,
  makeRepo,
  measureOne,
  removeDir,
  sh,
  tempDir,
  writeFiles,
} from './fs-fixture.js';

/** Counts what is really there, with find, for the truth after running the command. */
function countFiles(dir: string): number {
  return Number(sh(dir, 'find . -path ./.git -prune -o ! -type d -print | wc -l').trim());
}

describe('rm-tree probe against a real repository', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    makeRepo(dir, { 'src/a.ts': 'a\n', 'src/b.ts': 'bb\n', 'docs/x.md': 'x\n', '.gitignore': 'build/\n' });
    writeFiles(dir, { 'src/new.ts': 'new', 'src/a.ts': 'changed\n', 'build/out.js': '12345' });
    symlinkSync('/etc', join(dir, 'src/etc-link'));
  });
  afterAll(() => removeDir(dir));

  it('splits tracked, untracked and ignored, finds uncommitted changes, and matches what rm removes', async () => {
    const m = await measureOne('rm -rf src build', dir, 'rm-tree');
    expect(m.status).toBe('done');
    expect(m.counts).toMatchObject({
      files: 5,
      dirs: 2,
      tracked: 2,
      untracked: 2,
      ignored: 1,
      modified: 1,
      symlinks: 1,
    });
    expect(m.counts?.bytes).toBe(8 + 3 + 3 + 5 + '/etc'.length);
    expect(m.recoverability).toBe('not recoverable');
    expect(m.summary).toMatch(/5 files, 2 dirs/);
    expect(m.items).toContain(`uncommitted: ${dir}/src/a.ts`);
    const before = countFiles(dir);
    execFileSync('rm', ['-rf', 'src', 'build'], { cwd: dir });
    expect(before - countFiles(dir)).toBe(m.counts?.files);
    expect(existsSync('/etc/hostname') || existsSync('/etc/passwd')).toBe(true);
  });

  it('says committed, unchanged files come back with git checkout', async () => {
    const m = await measureOne('rm -r docs', dir, 'rm-tree');
    expect(m.counts).toMatchObject({ files: 1, tracked: 1, untracked: 0, modified: 0 });
    expect(m.recoverability).toBe('recoverable');
    expect(m.recovery).toMatch(/git checkout/);
  });
});

describe('rm-tree probe: rm semantics and paths', () => {
  let dir: string;
  let outside: string;
  beforeAll(() => {
    dir = tempDir();
    outside = tempDir();
    writeFiles(dir, { 'a.txt': 'a', 'b.txt': 'b', '.hidden.txt': 'h', 'sub/c.txt': 'c' });
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(outside, 'o.txt'), 'outside');
  });
  afterAll(() => {
    removeDir(dir);
    removeDir(outside);
  });

  it('expands globs as the shell would: only what exists, no dot files', () => {
    expect(expandGlob('*.txt', dir)).toEqual([`${dir}/a.txt`, `${dir}/b.txt`]);
    expect(expandGlob('.*.txt', dir)).toEqual([`${dir}/.hidden.txt`]);
    expect(expandGlob('s*/[a-c].txt', dir)).toEqual([`${dir}/sub/c.txt`]);
    expect(expandGlob('nothing*', dir)).toEqual([]);
  });

  it.each([
    ['rm *.txt', 2, 0, /0 dirs/],
    ['rm sub a.txt', 1, 0, /rm refuses .*sub \(a directory without -r\)/],
    ['rm -d empty', 0, 1, /1 dir/],
    ['rm -rf nothing-here', 0, 0, /nothing to delete/],
  ])('%s', async (line, files, dirs, summary) => {
    const m = await measureOne(line, dir, 'rm-tree');
    expect(m.counts).toMatchObject({ files, dirs });
    expect(m.summary).toMatch(summary);
  });

  it('flags paths outside the project and files in no repository', async () => {
    const m = await measureOne(`rm -rf ${outside}/o.txt sub`, dir, 'rm-tree');
    expect(m.counts).toMatchObject({ files: 2, outsideProject: 1 });
    expect(m.summary).toMatch(/1 path outside the project/);
    expect(m.summary).toMatch(/not in git/);
    expect(m.recoverability).toBe('not recoverable');
  });

  it('says "unknown" for targets only known when the command runs', async () => {
    const m = await measureOne('rm -rf "$(cat dirs.txt)"', dir, 'rm-tree');
    expect(m.recoverability).toBe('unknown');
    expect(m.summary).toMatch(/not measured/);
  });
});

describe('rm-tree probe: 100,000 files', () => {
  let dir: string;
  beforeAll(() => {
    dir = fastTempDir();
    makeBigTree(dir);
  }, 120_000);
  afterAll(() => removeDir(dir));

  it('counts them all inside the target time, and stops with "at least" at the deadline', async () => {
    const m = await measureOne('rm -rf t*', dir, 'rm-tree', 10_000);
    expect(m.counts).toMatchObject({ files: 100_000, dirs: 100 });
    expect(m.capped).toBe(false);
    expect(m.elapsedMs).toBeLessThan(3000);
    const short = await measureOne('rm -rf t*', dir, 'rm-tree', 150);
    expect(short.status === 'unknown' || short.capped === true).toBe(true);
    if (short.status === 'done') expect(short.summary).toMatch(/^at least/);
  });
});
