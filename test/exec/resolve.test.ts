// findRealBinary against real directories: what the PATH search returns and what it skips.

import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIM_DIR_MARKER } from '../../src/exec/launcher.js';
import {
  describeMissing,
  exitCodeForMissing,
  findRealBinary,
  type MissingReason,
} from '../../src/exec/resolve.js';

let root: string;
const d = (name: string): string => join(root, name);

function executable(path: string, text = '#!/bin/sh\nexit 0\n'): void {
  writeFileSync(path, text);
  chmodSync(path, 0o755);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'airlock-resolve-'));
  for (const dir of ['shims', 'real', 'later', 'plain', 'noexec', 'other-shims', 'stray', 'bin', 'copy'])
    mkdirSync(d(dir));
  // A launcher that is not at any path we pass: found by its header line.
  executable(d('bin/airlock'), '#!/bin/sh\n# airlock launcher: test copy\nexec node x "$@"\n');
  symlinkSync(d('bin/airlock'), d('shims/tool'));
  writeFileSync(d(`shims/${SHIM_DIR_MARKER}`), '');
  symlinkSync(d('shims'), d('shims-alias'));
  executable(d('real/tool'));
  executable(d('later/tool'));
  writeFileSync(d('noexec/tool'), 'not executable');
  mkdirSync(d('plain/tool')); // a directory named like the program
  // Another install's shim directory (marker, and a link to a launcher we were not told about).
  executable(d('other-shims/tool'));
  writeFileSync(d(`other-shims/${SHIM_DIR_MARKER}`), '');
  // A lone link to the launcher in an ordinary directory (no marker).
  symlinkSync(d('bin/airlock'), d('stray/tool'));
  // The launcher copied (not linked) under the program's name.
  executable(d('copy/tool'), '#!/bin/sh\n# airlock launcher: copied\nexec node x "$@"\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const search = (path: string, shimDirs = [d('shims')], launcherPaths: string[] = []) =>
  findRealBinary('tool', { PATH: path }, { shimDirs, launcherPaths, cwd: root });

describe('findRealBinary: PATH search', () => {
  const cases: [string, () => string, string | { reason: MissingReason }][] = [
    ['the first executable in PATH', () => `${d('real')}:${d('later')}`, 'real/tool'],
    ['past the shim directory', () => `${d('shims')}:${d('real')}`, 'real/tool'],
    ['past the shim directory listed twice', () => `${d('shims')}:${d('shims')}:${d('later')}`, 'later/tool'],
    ['past a symlink to the shim directory', () => `${d('shims-alias')}:${d('real')}`, 'real/tool'],
    ['past another install’s marked shim directory', () => `${d('other-shims')}:${d('real')}`, 'real/tool'],
    ['past a lone link to a launcher', () => `${d('stray')}:${d('later')}`, 'later/tool'],
    ['past a copy of the launcher under the program’s name', () => `${d('copy')}:${d('real')}`, 'real/tool'],
    ['past a directory named like the program', () => `${d('plain')}:${d('real')}`, 'real/tool'],
    ['past a file that is not executable', () => `${d('noexec')}:${d('later')}`, 'later/tool'],
    ['past empty entries (the shell would search the cwd)', () => `::${d('later')}`, 'later/tool'],
    ['past relative entries', () => `.:real:./real:${d('later')}`, 'later/tool'],
    ['past missing directories', () => `${d('nowhere')}:${d('real')}`, 'real/tool'],
    [
      'not to a shim when it is the only candidate',
      () => `${d('shims')}:${d('stray')}`,
      { reason: 'not-found' },
    ],
    ['not to the cwd through an empty entry', () => '', { reason: 'not-found' }],
    ['to "not executable" when only such a file exists', () => d('noexec'), { reason: 'not-executable' }],
  ];
  it.each(cases)('goes %s', (_, path, expected) => {
    const found = search(path());
    if (typeof expected === 'string') expect(found).toEqual({ path: d(expected) });
    else expect(found).toMatchObject({ missing: true, ...expected });
  });

  it('recognizes a shim by the launcher paths it is given, without a header line', () => {
    const dir = mkdtempSync(join(root, 'plain-launcher-'));
    executable(join(dir, 'launcher'), '#!/bin/sh\nexit 0\n');
    mkdirSync(join(dir, 'links'));
    symlinkSync(join(dir, 'launcher'), join(dir, 'links', 'tool'));
    const path = `${join(dir, 'links')}:${d('real')}`;
    expect(search(path, [], [join(dir, 'launcher')])).toEqual({ path: d('real/tool') });
    expect(search(path, [], [])).toEqual({ path: join(dir, 'links', 'tool') });
  });

  it('searches the shell’s default directories when PATH is unset', () => {
    expect(findRealBinary('sh', {}, { shimDirs: [] })).toMatchObject({
      path: expect.stringMatching(/\/sh$/),
    });
  });

  it('finds nothing for an empty program name', () => {
    expect(findRealBinary('', { PATH: d('real') }, { shimDirs: [] })).toMatchObject({ reason: 'not-found' });
  });
});

describe('findRealBinary: a program given with a slash', () => {
  const cases: [string, string, string | { reason: MissingReason }][] = [
    ['an absolute path', 'ABS/real/tool', 'real/tool'],
    ['a path relative to cwd', './later/tool', 'later/tool'],
    ['a shim', 'ABS/shims/tool', { reason: 'airlock-itself' }],
    ['a symlink to the launcher', 'ABS/stray/tool', { reason: 'airlock-itself' }],
    ['a missing file', 'ABS/real/nope', { reason: 'not-found' }],
    ['a directory', 'ABS/plain/tool', { reason: 'is-a-directory' }],
    ['a file that is not executable', 'ABS/noexec/tool', { reason: 'not-executable' }],
  ];
  it.each(cases)('%s', (_, program, expected) => {
    const found = findRealBinary(program.replace('ABS', root), { PATH: '' }, { shimDirs: [], cwd: root });
    if (typeof expected === 'string') expect(found).toEqual({ path: d(expected) });
    else expect(found).toMatchObject({ missing: true, ...expected });
  });
});

describe('messages and exit codes for a missing program', () => {
  const cases: [string, MissingReason, string, number][] = [
    ['psql', 'not-found', 'airlock: psql: command not found\n', 127],
    ['./x', 'not-found', 'airlock: ./x: No such file or directory\n', 127],
    ['./x', 'not-executable', 'airlock: ./x: Permission denied\n', 126],
    ['/tmp', 'is-a-directory', 'airlock: /tmp: Is a directory\n', 126],
    [
      '/s/rm',
      'airlock-itself',
      'airlock: /s/rm: is an airlock shim; refusing to run it from airlock (it would loop)\n',
      97,
    ],
  ];
  it.each(cases)('%s (%s)', (program, reason, message, code) => {
    expect(describeMissing(program, { reason })).toBe(message);
    expect(exitCodeForMissing(reason)).toBe(code);
  });
});
