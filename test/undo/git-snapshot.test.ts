import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotWorktree } from '../../src/undo/git-snapshot.js';
import { keepBranches, keepStashes } from '../../src/undo/keep-refs.js';
import { writeManifest } from '../../src/undo/manifest.js';
import { undoById } from '../../src/undo/undo.js';
import { git, gitEnv, makeRepo, removeDir, tempDir, writeFiles } from '../probes/fs-fixture.js';

let dir: string;
let trash: string;
beforeEach(() => {
  dir = tempDir('airlock-snap-');
  trash = tempDir('airlock-trash-');
  makeRepo(dir, { 'a.txt': 'a\n', 'lib/b.txt': 'b\n', 'tool.sh': '#!/bin/sh\n', '.gitignore': '*.log\n' });
});
afterEach(() => {
  removeDir(dir);
  removeDir(trash);
});

const ctx = () => ({ trashDir: trash, env: gitEnv, git: 'git' });

/** Everything that must come back: work tree content (with untracked and ignored), index, HEAD. */
function state(): string {
  const index = git(dir, 'ls-files', '-s');
  const status = git(dir, 'status', '--porcelain', '--ignored', '-uall');
  const files = git(dir, 'ls-files', '-z', '--cached', '--others')
    .split('\0')
    .filter(Boolean)
    .sort()
    .map((f) => (existsSync(join(dir, f)) ? `${f} ${git(dir, 'hash-object', f).trim()}` : `${f} missing`));
  return [git(dir, 'rev-parse', 'HEAD').trim(), index, status, ...files].join('\n');
}

function dirty(): void {
  writeFiles(dir, {
    'a.txt': 'staged\n',
    'lib/b.txt': 'unstaged\n',
    'new.txt': 'untracked\n',
    'sub/deep.txt': 'deep\n',
    'debug.log': 'ignored\n',
  });
  git(dir, 'add', 'a.txt');
  writeFiles(dir, { 'a.txt': 'staged, then changed again\n' });
  chmodSync(join(dir, 'tool.sh'), 0o755);
}

function snapshot(id: string, command: string, includeIgnored = false): void {
  writeManifest(trash, snapshotWorktree({ git: 'git', cwd: dir, env: gitEnv, id, command, includeIgnored }));
}

describe('git snapshot and restore', () => {
  it.each([
    ['reset --hard to an older commit', ['reset', '-q', '--hard', 'HEAD~1'], false],
    ['checkout -- .', ['checkout', '--', '.'], false],
    ['restore --staged --worktree .', ['restore', '--staged', '--worktree', '.'], false],
    ['clean -fdx', ['clean', '-q', '-fdx'], true],
  ] as const)('%s: the work tree, index and HEAD come back identical', (_name, args, ignored) => {
    writeFiles(dir, { 'c.txt': 'second commit\n' });
    git(dir, 'add', 'c.txt');
    git(dir, 'commit', '-q', '-m', 'second');
    dirty();
    const before = state();
    snapshot('s1', `git ${args.join(' ')}`, ignored);
    git(dir, ...args);
    expect(state()).not.toBe(before);
    const result = undoById(ctx(), 's1');
    expect(result).toMatchObject({ ok: true });
    expect(state()).toBe(before);
    expect(git(dir, 'for-each-ref', 'refs/airlock').trim()).toBe('');
  });

  it('refuses when files changed after the command ran, listing them', () => {
    dirty();
    snapshot('s2', 'git checkout -- .');
    git(dir, 'checkout', '--', '.');
    writeFileSync(join(dir, 'lib/b.txt'), 'edited afterwards\n');
    const result = undoById(ctx(), 's2');
    expect(result).toMatchObject({ ok: false, reason: 'conflicts', conflicts: ['lib/b.txt'] });
    expect(undoById(ctx(), 's2', true)).toMatchObject({ ok: true });
  });

  it('stash drop and branch -D: the entries and branches come back', () => {
    writeFiles(dir, { 'a.txt': 'stashed\n' });
    git(dir, 'stash', '-q');
    const stashed = git(dir, 'rev-parse', 'stash@{0}').trim();
    writeManifest(
      trash,
      keepStashes({ git: 'git', cwd: dir, env: gitEnv, id: 's3', command: 'git stash drop' }, undefined),
    );
    git(dir, 'stash', 'clear');
    expect(undoById(ctx(), 's3')).toMatchObject({ ok: true, restored: 1 });
    expect(git(dir, 'rev-parse', 'stash@{0}').trim()).toBe(stashed);

    git(dir, 'checkout', '-q', '-b', 'topic');
    writeFiles(dir, { 't.txt': 't' });
    git(dir, 'add', 't.txt');
    git(dir, 'commit', '-q', '-m', 't');
    const tip = git(dir, 'rev-parse', 'HEAD').trim();
    git(dir, 'checkout', '-q', 'main');
    writeManifest(
      trash,
      keepBranches({ git: 'git', cwd: dir, env: gitEnv, id: 's4', command: 'git branch -D topic' }, [
        'topic',
      ]),
    );
    git(dir, 'branch', '-q', '-D', 'topic');
    expect(undoById(ctx(), 's4')).toMatchObject({ ok: true, restored: 1 });
    expect(git(dir, 'rev-parse', 'topic').trim()).toBe(tip);
  });
});
