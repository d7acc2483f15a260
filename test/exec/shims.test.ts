// The shim directory on a real file system: install, reinstall, list, uninstall, profile line.

import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installShims, listShims, shimPathLine, uninstallShims } from '../../src/exec/shims.js';

let root: string;
let launcher: string;
let shimDir: string;

function writeLauncher(path: string): void {
  writeFileSync(path, '#!/bin/sh\n# airlock launcher: test copy\nexit 0\n');
  chmodSync(path, 0o755);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'airlock-shims-'));
  mkdirSync(join(root, 'bin'));
  launcher = join(root, 'bin', 'airlock');
  writeLauncher(launcher);
  writeLauncher(join(root, 'bin', 'airlock-sh'));
  shimDir = join(root, 'data', 'shims');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('installShims', () => {
  it('links each program and airlock-sh to the launchers, and is idempotent', () => {
    const first = installShims({ dir: shimDir, programs: ['rm', 'git', 'rm'], launcherPath: launcher });
    expect(first).toEqual({ created: ['git', 'rm', 'airlock-sh'], kept: [], updated: [], problems: [] });
    expect(readlinkSync(join(shimDir, 'rm'))).toBe(launcher);
    expect(readlinkSync(join(shimDir, 'airlock-sh'))).toBe(join(root, 'bin', 'airlock-sh'));
    const again = installShims({ dir: shimDir, programs: ['git', 'rm', 'psql'], launcherPath: launcher });
    expect(again).toEqual({
      created: ['psql'],
      kept: ['git', 'rm', 'airlock-sh'],
      updated: [],
      problems: [],
    });
  });

  it('re-points shims of an older install at the new launcher', () => {
    mkdirSync(join(root, 'old'));
    const oldLauncher = join(root, 'old', 'airlock');
    writeLauncher(oldLauncher);
    installShims({ dir: shimDir, programs: ['rm'], launcherPath: oldLauncher });
    const result = installShims({ dir: shimDir, programs: ['rm'], launcherPath: launcher });
    expect(result.updated).toEqual(['rm', 'airlock-sh']);
    expect(readlinkSync(join(shimDir, 'rm'))).toBe(launcher);
  });

  it('leaves files it did not make alone, and refuses names that would loop', () => {
    mkdirSync(shimDir, { recursive: true });
    writeFileSync(join(shimDir, 'kubectl'), 'my own script');
    symlinkSync('/bin/true', join(shimDir, 'helm'));
    const result = installShims({
      dir: shimDir,
      programs: ['kubectl', 'helm', 'node', 'readlink', 'airlock', '../x', ''],
      launcherPath: launcher,
    });
    expect(result.created).toEqual(['airlock-sh']);
    expect(result.problems.map((p) => p.name).sort()).toEqual(
      ['', '../x', 'airlock', 'helm', 'kubectl', 'node', 'readlink'].sort(),
    );
    expect(readFileSync(join(shimDir, 'kubectl'), 'utf8')).toBe('my own script');
    expect(readlinkSync(join(shimDir, 'helm'))).toBe('/bin/true');
  });
});

describe('uninstallShims', () => {
  it('removes only airlock’s links, dangling ones included, and keeps the rest', () => {
    installShims({ dir: shimDir, programs: ['rm', 'git'], launcherPath: launcher });
    writeFileSync(join(shimDir, 'notes.txt'), 'mine');
    symlinkSync(join(root, 'gone', 'bin', 'airlock'), join(shimDir, 'psql')); // an uninstalled airlock
    const result = uninstallShims({ dir: shimDir, launcherPaths: [launcher] });
    expect(result).toEqual({ removed: ['airlock-sh', 'git', 'psql', 'rm'], leftAlone: ['notes.txt'] });
    expect(readdirSync(shimDir).sort()).toEqual(['.airlock-shims', 'notes.txt']);
  });

  it('removes the directory when nothing else is in it', () => {
    installShims({ dir: shimDir, programs: ['rm'], launcherPath: launcher });
    uninstallShims({ dir: shimDir });
    expect(existsSync(shimDir)).toBe(false);
    expect(uninstallShims({ dir: shimDir })).toEqual({ removed: [], leftAlone: [] });
  });
});

describe('listShims', () => {
  it('shows each shim with the real binary it runs, or that there is none', () => {
    installShims({ dir: shimDir, programs: ['sh', 'no-such-program-here'], launcherPath: launcher });
    const entries = listShims({ dir: shimDir, env: { PATH: `${shimDir}:/usr/bin:/bin` } });
    expect(entries.map((e) => [e.name, e.real])).toEqual([
      ['airlock-sh', undefined],
      ['no-such-program-here', { missing: true, reason: 'not-found' }],
      ['sh', { path: expect.stringMatching(/^\/(usr\/)?bin\/sh$/) }],
    ]);
    expect(entries[2]?.target).toBe(launcher);
  });
});

describe('shimPathLine', () => {
  it.each([
    ['/home/a/.local/share/airlock/shims', 'bash', 'export PATH="/home/a/.local/share/airlock/shims:$PATH"'],
    ['/opt/x', '/usr/bin/zsh', 'export PATH="/opt/x:$PATH"'],
    ['/opt/x', 'fish', "fish_add_path --path --move --prepend '/opt/x'"],
    ["/it's", '/usr/local/bin/fish', "fish_add_path --path --move --prepend '/it\\'s'"],
    ['/a "b" $c `d`\\e', 'sh', 'export PATH="/a \\"b\\" \\$c \\`d\\`\\\\e:$PATH"'],
  ])('%s for %s', (dir, shell, line) => {
    expect(shimPathLine(dir, shell)).toBe(line);
  });

  it('puts an awkward directory name first in PATH when sh runs the line', () => {
    const dir = join(root, 'we ird "$HOME" `x` \\ dir');
    const result = spawnSync('/bin/sh', ['-c', `${shimPathLine(dir, 'sh')}; printf %s "$PATH"`], {
      env: { PATH: '/usr/bin:/bin' },
      encoding: 'utf8',
    });
    expect(result.stdout).toBe(`${dir}:/usr/bin:/bin`);
  });
});
