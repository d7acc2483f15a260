// Facts the corpus needed from recognizers: whole disks, batch input, scheduled jobs, git's
// index, find selections, one named file, self-protection tools; and the real file system
// never throwing on a path it cannot look at.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyzeLine } from '../../src/parse/analyze.js';
import { isUntracked } from '../../src/tools/git-index.js';
import { guardedPrograms, recognize } from '../../src/tools/index.js';
import { isWholeDisk, pathTarget } from '../../src/tools/paths.js';
import { realFs } from '../../src/tools/real-fs.js';
import { contextFor, cwd, env, recognizeLine } from './helpers.js';

const facts = (line: string, tool: string, files: string[] = []) =>
  recognizeLine(line, files).find((i) => i.tool === tool)?.facts;

describe('whole disks', () => {
  test.each([
    ['/dev/sda', true],
    ['/dev/nvme0n1', true],
    ['/dev/vdb', true],
    ['/dev/xvdf', true],
    ['/dev/mmcblk0', true],
    ['/dev/disk2', true],
    ['/dev/sda1', false],
    ['/dev/nvme0n1p2', false],
    ['/dev/mmcblk0p1', false],
    ['/dev/disk2s1', false],
    ['/dev/null', false],
    ['/tmp/sda', false],
  ])('%s → %s', (path, whole) => {
    expect(isWholeDisk(path)).toBe(whole);
  });

  test('dd, mkfs and a redirect say when they write a whole disk', () => {
    expect(facts('dd if=/dev/zero of=/dev/sda', 'dd')?.['whole-disk']).toBe(true);
    expect(facts('dd if=/dev/sda of=mbr.bin', 'dd')?.['whole-disk']).toBe(false);
    expect(facts('mkfs.ext4 /dev/nvme0n1', 'mkfs')?.['whole-disk']).toBe(true);
    expect(facts('mkfs.ext4 /dev/sdb1', 'mkfs')?.['whole-disk']).toBe(false);
    expect(facts('cat x > /dev/vda', 'redirect')?.['whole-disk']).toBe(true);
  });
});

describe('xargs and parallel append what they read', () => {
  const targets = (line: string) => recognizeLine(line).find((i) => i.tool === 'rm')?.targets;
  test.each(['ls | xargs rm -rf', 'xargs rm -rf < dirs.txt', 'parallel rm -rf ::: a b'])('%s', (line) => {
    expect(targets(line)?.map((t) => t.dynamic !== undefined)).toEqual([true]);
  });
  test('a replacement string places the input itself', () => {
    expect(targets('xargs -I{} rm -f {}.bak')).toHaveLength(1);
    expect(targets('xargs -I{} rm -f {}.bak')?.[0]?.dynamic).toContain('xargs');
  });
});

describe('scheduled and self-protection tools', () => {
  test.each([
    ['crontab -', { 'crontab.replaces': true, 'crontab.removes': false }],
    ['crontab jobs.txt', { 'crontab.replaces': true }],
    ['crontab -r', { 'crontab.removes': true, 'crontab.replaces': false }],
    ['crontab -l', { 'crontab.replaces': false, 'crontab.removes': false }],
  ])('%s', (line, expected) => {
    expect(facts(line, 'crontab')).toMatchObject(expected);
  });

  test.each([
    ['npm uninstall -g airlock', true],
    ['npm rm --global airlock@1.2.0', true],
    ['yarn global remove airlock', true],
    ['npm uninstall airlock', false],
    ['npm uninstall -g typescript', false],
  ])('%s removes airlock globally: %s', (line, removes) => {
    const f = facts(line, 'package-manager');
    expect(Boolean(f?.['package.removes'] && f['package.global'] && f['package.airlock'])).toBe(removes);
  });

  test.each([
    ['export PATH="$HOME/bin:$PATH"', false],
    ['export PATH=$(echo "$PATH" | grep -v airlock)', true],
    ['export NODE_ENV=production', false],
  ])('%s leaves PATH unknown: %s', (line, unknown) => {
    expect(facts(line, 'export')?.['path.unknown']).toBe(unknown);
  });

  test('editors are recognized, and read-only modes say so', () => {
    expect(recognizeLine('vim notes.txt')[0]?.targets.map((t) => t.value)).toEqual(['notes.txt']);
    expect(facts('vim -R notes.txt', 'editor')?.['editor.readonly']).toBe(true);
    expect(facts('nano -v notes.txt', 'editor')?.['editor.readonly']).toBe(true);
    expect(facts('nano notes.txt', 'editor')?.['editor.readonly']).toBe(false);
  });

  test('editors and package managers get no shim; crontab does', () => {
    const shimmed = guardedPrograms();
    expect(shimmed).toContain('crontab');
    for (const name of ['vim', 'nano', 'npm', 'export']) expect(shimmed).not.toContain(name);
  });
});

describe('rm: one named file', () => {
  test.each([
    ['rm -f /home/user/.pyenv/shims/.pyenv-shim', true, false],
    ['rm /home/user/.bashrc', true, true],
    ['rm /home/user/.ssh/id_rsa', true, true],
    ['rm -r /home/user/.pyenv/shims', false, false],
    ['rm a.txt b.txt', false, false],
    ['rm *.txt', false, false],
  ])('%s: single %s, user file %s', (line, single, user) => {
    const f = facts(line, 'rm');
    expect(f?.['single-file']).toBe(single);
    expect(f?.['user-file']).toBe(user);
  });
});

describe('find -exec with a name selection', () => {
  const found = (line: string) => recognizeLine(line).find((i) => i.tool === 'rm')?.targets[0];
  test('every {} is an entry with that name below the start', () => {
    const target = found('find . -name node_modules -type d -prune -exec rm -rf {} +');
    expect(target?.pattern).toBe('./**/node_modules');
    expect(target?.resolved).toBe(`${cwd}/**/node_modules`);
  });
  test.each([
    'find . -name node_modules -o -name src -exec rm -rf {} +',
    'find -L . -name node_modules -exec rm -rf {} +',
    "find . -name '*.log' -exec rm {} +",
    'find . -path ./a -exec rm {} +',
    'find . -exec rm {} +',
  ])('%s stays unknown', (line) => {
    const target = found(line);
    expect(target?.pattern).toBeUndefined();
    expect(target?.dynamic).toBeDefined();
  });
});

describe('real repository and file system', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(new URL('../..', import.meta.url).pathname, '.airlock-test-tools-'));
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        cwd: dir,
        stdio: 'ignore',
      });
    git('init', '-q');
    writeFileSync(join(dir, 'tracked.txt'), 'x\n');
    writeFileSync(
      join(
        dir,
        'a-much-longer-tracked-file-name-to-cross-one-hundred-and-twenty-eight-bytes-in-the-flags-word-of-the-index-entry.txt',
      ),
      'x\n',
    );
    git('add', '-A');
    git('commit', '-q', '-m', 'init');
    writeFileSync(join(dir, 'notes.txt'), 'mine\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the index tells tracked files from untracked ones', () => {
    const ctx = contextFor(realFs, { cwd: dir, projectRoot: dir });
    const command = analyzeLine('true', { env, cwd: dir }).commands[0]!;
    const untracked = (name: string) => isUntracked(pathTarget(name, command, ctx), ctx);
    expect(untracked('tracked.txt')).toBe(false);
    expect(untracked('notes.txt')).toBe(true);
    expect(untracked('racked.txt')).toBeUndefined();
    expect(
      untracked(
        'a-much-longer-tracked-file-name-to-cross-one-hundred-and-twenty-eight-bytes-in-the-flags-word-of-the-index-entry.txt',
      ),
    ).toBe(false);
  });

  test('a redirect over an untracked file says so; over a tracked one it does not', () => {
    const ctx = contextFor(realFs, { cwd: dir, projectRoot: dir });
    const redirect = (line: string) =>
      analyzeLine(line, { env, cwd: dir })
        .commands.flatMap((c) => recognize(c, ctx).invocations)
        .find((i) => i.tool === 'redirect')?.facts;
    expect(redirect('echo x > notes.txt')?.untracked).toBe(true);
    expect(redirect('echo x > tracked.txt')?.untracked).toBe(false);
    expect(redirect('sort tracked.txt > tracked.txt')?.['truncates-input']).toBe(true);
    expect(redirect('echo tracked.txt > tracked.txt')?.['truncates-input']).toBe(false);
  });

  test('a path too long to look at is missing, not an error', () => {
    const long = `${dir}/${'a'.repeat(300_000)}`;
    expect(realFs.stat(long)).toBeUndefined();
    expect(realFs.realpath(long)).toBeUndefined();
    expect(realFs.readText(long, 10)).toBeUndefined();
  });
});
