import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeRepo, measureOne, removeDir, sh, tempDir, writeFiles } from './fs-fixture.js';

let dir: string;
beforeEach(() => {
  dir = tempDir('airlock-tree-');
  makeRepo(dir, { 'src/a.ts': 'a', 'src/a.ts.orig': 'orig1', 'keep.txt': 'k' });
  writeFiles(dir, { 'src/deep/b.ts.orig': 'orig22', 'c.orig': 'x' });
});
afterEach(() => removeDir(dir));

const fileCount = () => Number(sh(dir, 'find . -path ./.git -prune -o ! -type d -print | wc -l').trim());

describe('file-tree probe', () => {
  it('find -delete: lists with the same expression, then the delete removes exactly those', async () => {
    const m = await measureOne("find . -name '*.orig' -delete", dir, 'file-tree');
    expect(m.counts).toMatchObject({ files: 3, tracked: 1, untracked: 2 });
    expect(m.summary).toMatch(/^find -delete removes 3 files/);
    const before = fileCount();
    execFileSync('find', ['.', '-name', '*.orig', '-delete'], { cwd: dir });
    expect(before - fileCount()).toBe(3);
  });

  it('find with another action is not run to measure', async () => {
    const m = await measureOne("find . -name '*.orig' -print -delete", dir, 'file-tree');
    expect(m.status).toBe('unknown');
    expect(m.reason).toMatch(/-print/);
  });

  it('rsync --delete: what the destination has and the source lacks', async () => {
    writeFiles(dir, {
      'from/x.txt': 'x',
      'from/sub/y.txt': 'y',
      'to/x.txt': 'x',
      'to/old.txt': 'old',
      'to/gone/z.txt': 'zz',
      'to/sub/stale.txt': 's',
    });
    const m = await measureOne('rsync -a --delete from/ to/', dir, 'file-tree');
    expect(m.counts).toMatchObject({ files: 3, dirs: 1 });
    expect(m.summary).toMatch(/^rsync --delete removes 3 files, 1 dir/);
    const remote = await measureOne('rsync -a --delete from/ host:/srv/', dir, 'file-tree');
    expect(remote.recoverability).toBe('unknown');
  });

  it('chmod -R: how many entries change', async () => {
    const m = await measureOne('chmod -R 777 src', dir, 'file-tree');
    expect(m.counts).toMatchObject({ files: 3, dirs: 2 });
  });
});
