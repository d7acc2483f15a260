import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { git, makeRepo, measureOne, removeDir, sh, tempDir, writeFiles } from './fs-fixture.js';

let dir: string;
const cleanup: string[] = [];
beforeEach(() => {
  dir = tempDir('airlock-git-');
  cleanup.push(dir);
  makeRepo(dir, { 'a.txt': 'one\ntwo\n', 'b.txt': 'b\n', 'lib/c.txt': 'c\n', '.gitignore': '*.log\n' });
});
afterEach(() => {
  for (const d of cleanup.splice(0)) removeDir(d);
});

function commit(name: string, content: string): string {
  writeFileSync(join(dir, name), content);
  git(dir, 'add', name);
  git(dir, 'commit', '-q', '-m', name);
  return git(dir, 'rev-parse', 'HEAD').trim();
}

describe('git-worktree probe', () => {
  it('reset --hard: changes lost in files and lines, untracked files stay, commits left unreachable', async () => {
    const base = git(dir, 'rev-parse', 'HEAD').trim();
    commit('d.txt', 'd\n');
    commit('e.txt', 'e\n');
    writeFiles(dir, { 'a.txt': 'one\nTWO\nthree\n', 'b.txt': '', 'new.txt': 'untracked' });
    git(dir, 'add', 'b.txt');
    const m = await measureOne(`git reset --hard ${base}`, dir, 'git-worktree');
    expect(m.counts).toMatchObject({ files: 2, linesAdded: 2, linesRemoved: 2, untracked: 1, commits: 2 });
    expect(m.summary).toMatch(/1 untracked file stay/);
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    const before = git(dir, 'diff', '--name-only', 'HEAD').trim().split('\n').length;
    git(dir, 'reset', '-q', '--hard', base);
    // The truth: the commits no ref reaches any more, and the changes no longer in the tree.
    expect(Number(git(dir, 'rev-list', '--count', head, '--not', '--all').trim())).toBe(m.counts?.commits);
    expect(before).toBe(m.counts?.files);
    expect(git(dir, 'status', '--porcelain').trim()).toBe('?? new.txt');
  });

  it('checkout -- PATH and restore: only the changes in those paths', async () => {
    writeFiles(dir, { 'a.txt': 'changed\n', 'lib/c.txt': 'changed\n' });
    const checkout = await measureOne('git checkout -- lib', dir, 'git-worktree');
    expect(checkout.counts).toMatchObject({ files: 1 });
    expect(checkout.items).toEqual(['lib/c.txt']);
    const restore = await measureOne('git restore .', dir, 'git-worktree');
    expect(restore.counts).toMatchObject({ files: 2 });
    git(dir, 'restore', '.');
    expect(git(dir, 'status', '--porcelain').trim()).toBe('');
  });

  it('rm -rf .git: the repository history and the commits no remote has', async () => {
    commit('d.txt', 'd\n');
    const m = await measureOne('rm -rf .git', dir, 'git-worktree');
    expect(m.counts).toMatchObject({ commits: 2, branches: 1, unpushed: 2 });
    expect(m.recoverability).toBe('not recoverable');
  });
});

describe('git-clean probe', () => {
  it.each([
    ['git clean -f', 1],
    ['git clean -fd', 3],
    ['git clean -fdx', 4],
    ['git clean -fX', 1],
  ])('%s: the dry run lists exactly what goes', async (line, files) => {
    writeFiles(dir, { 'u.txt': 'u', 'tmp/x.txt': 'xx', 'tmp/y/z.txt': 'z', 'debug.log': 'log' });
    const m = await measureOne(line, dir, 'git-clean');
    expect(m.counts?.files).toBe(files);
    const before = Number(sh(dir, 'find . -path ./.git -prune -o -type f -print | wc -l').trim());
    git(dir, ...line.split(' ').slice(1));
    const after = Number(sh(dir, 'find . -path ./.git -prune -o -type f -print | wc -l').trim());
    expect(before - after).toBe(files);
  });
});

describe('git-stash probe', () => {
  it('drop and clear: the entries and how much work they hold', async () => {
    writeFiles(dir, { 'a.txt': 'x\n' });
    git(dir, 'stash', '-q');
    writeFiles(dir, { 'b.txt': 'y\nz\n', 'u.txt': 'u' });
    git(dir, 'stash', '-q', '--include-untracked');
    const drop = await measureOne('git stash drop', dir, 'git-stash');
    expect(drop.counts).toMatchObject({ stashes: 1, files: 1, linesAdded: 2, linesRemoved: 1, untracked: 1 });
    const clear = await measureOne('git stash clear', dir, 'git-stash');
    expect(clear.counts).toMatchObject({ stashes: 2, files: 2 });
    git(dir, 'stash', 'clear');
    expect(git(dir, 'stash', 'list').trim()).toBe('');
  });
});

describe('git-branch probe', () => {
  it('branch -D: the commits only that branch holds', async () => {
    git(dir, 'checkout', '-q', '-b', 'topic');
    commit('t1.txt', '1');
    const tip = commit('t2.txt', '2');
    git(dir, 'checkout', '-q', 'main');
    git(dir, 'branch', 'merged');
    const m = await measureOne('git branch -D topic merged', dir, 'git-branch');
    expect(m.counts).toMatchObject({ commits: 2, refs: 2 });
    git(dir, 'branch', '-q', '-D', 'topic', 'merged');
    expect(Number(git(dir, 'rev-list', '--count', tip, '--not', '--all').trim())).toBe(2);
  });
});

describe('git-push probe', () => {
  it('push --force: the remote commits it overwrites, checked on a real bare remote', async () => {
    const remote = tempDir('airlock-remote-');
    const other = tempDir('airlock-other-');
    cleanup.push(remote, other);
    git(remote, 'init', '-q', '--bare', '-b', 'main');
    git(dir, 'remote', 'add', 'origin', remote);
    git(dir, 'push', '-q', '-u', 'origin', 'main');
    // Someone else pushes two commits; we fetch them, then rewrite our main.
    git(other, 'clone', '-q', remote, '.');
    for (const n of ['o1', 'o2']) {
      writeFileSync(join(other, n), n);
      git(other, 'add', n);
      git(other, 'commit', '-q', '-m', n);
    }
    git(other, 'push', '-q', 'origin', 'main');
    git(dir, 'fetch', '-q');
    commit('mine.txt', 'mine');
    const remoteTip = git(remote, 'rev-parse', 'main').trim();
    const m = await measureOne('git push --force origin main', dir, 'git-push');
    expect(m.counts).toMatchObject({ commits: 2 });
    expect(m.summary).toMatch(/overwrites 2 commits on origin\/main/);
    expect(m.summary).toMatch(/as of the last fetch/);
    git(dir, 'push', '-q', '--force', 'origin', 'main');
    expect(Number(git(remote, 'rev-list', '--count', remoteTip, '--not', '--all').trim())).toBe(2);
  });

  it('push --delete: the commits only the remote branch holds', async () => {
    const remote = tempDir('airlock-remote-');
    cleanup.push(remote);
    git(remote, 'init', '-q', '--bare', '-b', 'main');
    git(dir, 'remote', 'add', 'origin', remote);
    git(dir, 'checkout', '-q', '-b', 'feature');
    commit('f.txt', 'f');
    git(dir, 'push', '-q', 'origin', 'main', 'feature');
    git(dir, 'checkout', '-q', 'main');
    git(dir, 'branch', '-q', '-D', 'feature');
    const m = await measureOne('git push origin --delete feature', dir, 'git-push');
    expect(m.counts).toMatchObject({ commits: 1 });
  });
});

describe('git-history probe', () => {
  it('reflog expire: the commits only the reflog reaches; prune: exactly the objects it deletes', async () => {
    commit('d.txt', 'd\n');
    git(dir, 'reset', '-q', '--hard', 'HEAD~1');
    const expire = await measureOne('git reflog expire --expire=now --all', dir, 'git-history');
    expect(expire.counts).toMatchObject({ commits: 1 });
    git(dir, 'reflog', 'expire', '--expire=now', '--all');
    const prune = await measureOne('git prune', dir, 'git-history');
    // The commit, its tree and the blob of d.txt.
    expect(prune.counts).toMatchObject({ objects: 3, commits: 1 });
    const before = Number(sh(dir, 'find .git/objects -type f -path "*/??/*" | wc -l').trim());
    git(dir, 'prune');
    expect(before - Number(sh(dir, 'find .git/objects -type f -path "*/??/*" | wc -l').trim())).toBe(3);
  });

  it('filter-branch: the commits and refs it rewrites', async () => {
    commit('d.txt', 'd\n');
    const m = await measureOne("git filter-branch --tree-filter 'rm -f d.txt' HEAD", dir, 'git-history');
    expect(m.counts).toMatchObject({ commits: 2, refs: 1 });
  });
});

describe('file-size probe', () => {
  it('the bytes an overwrite destroys, and whether git still has them', async () => {
    writeFiles(dir, { 'data.csv': '1,2,3\n' });
    const m = await measureOne("echo '' > data.csv", dir, 'file-size');
    expect(m.counts).toMatchObject({ files: 1, bytes: 6, tracked: 0 });
    expect(m.recoverability).toBe('not recoverable');
    const committed = await measureOne('truncate -s 0 a.txt', dir, 'file-size');
    expect(committed.counts).toMatchObject({ files: 1, bytes: 8, tracked: 1, modified: 0 });
    expect(committed.recoverability).toBe('recoverable');
  });
});
