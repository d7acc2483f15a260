import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyTree } from '../../src/undo/copy-tree.js';
import { listManifests } from '../../src/undo/manifest.js';
import { parseRmArgs, rmToTrash } from '../../src/undo/rm-to-trash.js';
import { moveToTrash, restoreFromTrash } from '../../src/undo/trash.js';
import { emptyTrash, undoById } from '../../src/undo/undo.js';
import { fastTempDir, removeDir, tempDir } from '../probes/fs-fixture.js';
import { treeDigest } from './tree-digest.js';

let work: string;
let trash: string;
const dirs: string[] = [];
beforeEach(() => {
  work = tempDir('airlock-work-');
  trash = join(tempDir('airlock-home-'), 'trash');
  dirs.push(work, trash);
});
afterEach(() => {
  for (const d of dirs.splice(0)) removeDir(d);
});

/** A tree with odd modes, old times, a binary file, symlinks (one dangling) and an empty dir. */
function makeTree(root: string): void {
  mkdirSync(join(root, 'tree/sub/empty'), { recursive: true });
  writeFileSync(join(root, 'tree/bin.dat'), randomBytes(70_000));
  writeFileSync(join(root, 'tree/sub/script.sh'), '#!/bin/sh\necho hi\n');
  chmodSync(join(root, 'tree/sub/script.sh'), 0o751);
  writeFileSync(join(root, 'tree/secret'), 'k');
  chmodSync(join(root, 'tree/secret'), 0o600);
  symlinkSync('sub/script.sh', join(root, 'tree/link'));
  symlinkSync('/nowhere/at/all', join(root, 'tree/dangling'));
  const old = new Date('2020-01-02T03:04:05Z');
  for (const p of ['tree/bin.dat', 'tree/sub/script.sh', 'tree/secret', 'tree/sub/empty', 'tree/sub'])
    utimesSync(join(root, p), old, old);
  chmodSync(join(root, 'tree/sub'), 0o750);
  // Whole seconds: a copy across file systems carries times as float seconds (about 0.2 µs apart).
  utimesSync(join(root, 'tree'), old, old);
}

const io = () => {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: (t: string) => {
        out.stdout += t;
      },
      stderr: (t: string) => {
        out.stderr += t;
      },
      ask: () => true,
    },
  };
};

describe('trash round trips', () => {
  it.each([
    ['on the same file system (rename)', () => tempDir('airlock-work-')],
    ['across file systems (copy, then delete)', () => fastTempDir('airlock-shm-')],
  ])('%s: restores byte- and stat-identical', async (_name, place) => {
    const root = place();
    dirs.push(root);
    makeTree(root);
    const before = treeDigest(root, 'tree');
    const moved = await moveToTrash({
      trashDir: trash,
      paths: [join(root, 'tree')],
      command: 'rm -rf tree',
      cwd: root,
      limitBytes: 1e9,
    });
    expect(moved.ok).toBe(true);
    expect(existsSync(join(root, 'tree'))).toBe(false);
    if (!moved.ok) return;
    expect(moved.manifest.bytes).toBeGreaterThanOrEqual(70_000);
    const restored = restoreFromTrash(trash, moved.manifest);
    expect(restored.ok).toBe(true);
    expect(treeDigest(root, 'tree')).toEqual(before);
    expect(listManifests(trash)).toEqual([]);
  });

  it('copyTree (used when cp is missing) keeps modes, times, links and bytes', () => {
    const root = fastTempDir('airlock-copy-');
    dirs.push(root);
    makeTree(root);
    copyTree(join(root, 'tree'), join(work, 'copy'));
    expect(treeDigest(work, 'copy')).toEqual(treeDigest(root, 'tree').map((l) => l.replace(/^tree/, 'copy')));
  });

  it('refuses to overwrite, listing the conflicts, and restores nothing', async () => {
    writeFileSync(join(work, 'a'), 'a');
    writeFileSync(join(work, 'b'), 'b');
    const moved = await moveToTrash({
      trashDir: trash,
      paths: [join(work, 'a'), join(work, 'b')],
      command: 'rm a b',
      cwd: work,
      limitBytes: 1e9,
    });
    if (!moved.ok) throw new Error(moved.message);
    writeFileSync(join(work, 'b'), 'new b');
    const result = undoById({ trashDir: trash, env: process.env, git: 'git' }, moved.manifest.id);
    expect(result).toMatchObject({ ok: false, reason: 'conflicts', conflicts: [join(work, 'b')] });
    expect(existsSync(join(work, 'a'))).toBe(false);
  });

  it('refuses to trash beyond the limit and moves nothing', async () => {
    writeFileSync(join(work, 'big'), randomBytes(5000));
    const moved = await moveToTrash({
      trashDir: trash,
      paths: [join(work, 'big')],
      command: 'rm big',
      cwd: work,
      limitBytes: 4000,
    });
    expect(moved).toMatchObject({ ok: false, reason: 'limit' });
    expect(existsSync(join(work, 'big'))).toBe(true);
  });

  it('empties entries older than a given age', async () => {
    writeFileSync(join(work, 'x'), 'x');
    const moved = await moveToTrash({
      trashDir: trash,
      paths: [join(work, 'x')],
      command: 'rm x',
      cwd: work,
      limitBytes: 1e9,
      now: new Date('2020-01-01'),
    });
    expect(moved.ok).toBe(true);
    const ctx = { trashDir: trash, env: process.env, git: 'git' };
    expect(emptyTrash(ctx, 7 * 86_400_000, new Date('2020-01-05'))).toEqual([]);
    expect(emptyTrash(ctx, 7 * 86_400_000, new Date('2020-01-09'))).toHaveLength(1);
    expect(listManifests(trash)).toEqual([]);
  });
});

describe('rm to the trash behaves like rm', () => {
  function realRm(args: string[]): { status: number; stderr: string } {
    const r = spawnSync('rm', args, { cwd: work, encoding: 'utf8' });
    return { status: r.status ?? -1, stderr: r.stderr };
  }

  it.each([
    [['missing']],
    [['-f', 'missing']],
    [['dir']],
    [['-d', 'dir']],
    [['-d', 'empty']],
    [['-r', '.']],
    [[]],
    [['-f']],
    [['file', 'missing', 'dir']],
    [['-rf', 'dir', 'file']],
  ])('rm %j: same exit status, message and result', async (args) => {
    const setup = () => {
      execFileSync('sh', ['-c', 'rm -rf ./* && mkdir -p dir/x empty && echo f > file && echo y > dir/x/y'], {
        cwd: work,
      });
    };
    setup();
    const expected = realRm(args);
    const after =
      existsSync(join(work, 'file')) +
      String(existsSync(join(work, 'dir'))) +
      existsSync(join(work, 'empty'));
    setup();
    const parsed = parseRmArgs(args);
    if (!parsed.ok) throw new Error(parsed.message);
    const { out, io: rmIo } = io();
    const result = await rmToTrash(
      { args, cwd: work, trashDir: trash, limitBytes: 1e9, command: `rm ${args.join(' ')}`, io: rmIo },
      parsed.flags,
    );
    expect(result.exitCode).toBe(expected.status);
    expect(out.stderr).toBe(expected.stderr);
    expect(
      existsSync(join(work, 'file')) +
        String(existsSync(join(work, 'dir'))) +
        existsSync(join(work, 'empty')),
    ).toBe(after);
  });

  it('-v reports as rm does, and undo brings the files back', async () => {
    mkdirSync(join(work, 'd'));
    writeFileSync(join(work, 'd/f'), 'f');
    // What the real rm prints for the same tree.
    const expected = execFileSync('sh', ['-c', 'cp -a d d2 && rm -rv d2 | sed s/d2/d/g'], {
      cwd: work,
      encoding: 'utf8',
    });
    const parsed = parseRmArgs(['-rv', 'd']);
    if (!parsed.ok) throw new Error(parsed.message);
    const { out, io: rmIo } = io();
    const result = await rmToTrash(
      { args: ['-rv', 'd'], cwd: work, trashDir: trash, limitBytes: 1e9, command: 'rm -rv d', io: rmIo },
      parsed.flags,
    );
    expect(out.stdout).toBe(expected);
    expect(out.stdout).toBe("removed 'd/f'\nremoved directory 'd'\n");
    const id = result.trash?.ok ? result.trash.manifest.id : '';
    expect(undoById({ trashDir: trash, env: process.env, git: 'git' }, id)).toMatchObject({ ok: true });
    expect(existsSync(join(work, 'd/f'))).toBe(true);
  });
});
