// Traits that need no airlockPaths from the caller: a project's airlock config files, and
// dependency lock files counted as regenerable inside the project.

import { describe, expect, test } from 'vitest';
import { type ClassifyContext, targetTraits } from '../../src/classify/traits.js';
import type { Target } from '../../src/tools/invocation.js';
import { memoryFs } from '../../src/tools/memory-fs.js';

const project = '/home/user/project';
const ctx: ClassifyContext = {
  env: { HOME: '/home/user' },
  cwd: project,
  home: '/home/user',
  projectRoot: project,
  airlockPaths: [],
  fs: memoryFs([`${project}/`, 'package-lock.json', '.airlockrc.yaml', 'lock-dir/'], project),
  regenerable: ['node_modules', 'dist'],
};
const file = (path: string, isDirectory = false): Target => ({
  kind: 'path',
  value: path,
  resolved: path,
  exists: true,
  isDirectory,
});

describe('project config files are airlock files', () => {
  test.each([
    [`${project}/.airlockrc.yaml`, true],
    [`${project}/.airlockrc`, true],
    [`${project}/.config/airlockrc.json`, true],
    [`${project}/airlock.config.cjs`, true],
    [`${project}/sub/.airlockrc.yml`, true],
    [`${project}/airlockrc.yaml`, false],
    [`${project}/notes.txt`, false],
  ])('%s → %s', (path, airlock) => {
    expect(targetTraits(file(path), ctx).includes('airlock')).toBe(airlock);
  });
});

describe('lock files are regenerable inside the project', () => {
  test.each([
    [file(`${project}/package-lock.json`), true],
    [file(`${project}/sub/yarn.lock`), true],
    [file('/home/user/other/package-lock.json'), false],
    [file(`${project}/package-lock.json`, true), false],
    [file(`${project}/package.json`), false],
  ])('%o', (target, regenerable) => {
    expect(targetTraits(target, ctx).includes('regenerable')).toBe(regenerable);
  });
});
