// Target traits on a real directory tree, with real symlinks: regenerable only where the
// path really lies in a rebuildable directory.

import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClassifyContext, targetTraits } from '../../src/classify/traits.js';
import { defaultPolicy } from '../../src/decide/policy.js';
import type { SimpleCommand } from '../../src/parse/command.js';
import { pathTarget } from '../../src/tools/paths.js';
import { realFs } from '../../src/tools/real-fs.js';

let root: string;
let project: string;
let ctx: ClassifyContext;

function command(cwd: string): SimpleCommand {
  return {
    argv: [],
    env: {},
    cwd,
    redirects: [],
    wrappers: [],
    origin: [],
    context: [],
    span: { start: 0, end: 0 },
    text: '',
  };
}

function traitsOf(path: string, glob = false) {
  const word = glob
    ? { text: path, pattern: path, dynamic: 'glob', span: { start: 0, end: 0 } }
    : { text: path, value: path, span: { start: 0, end: 0 } };
  return targetTraits(pathTarget(word, command(project), ctx), ctx);
}

beforeAll(() => {
  // Not under the OS temp dir: everything there is regenerable, which would hide the rule under test.
  root = realpathSync(mkdtempSync(join(homedir(), '.airlock-traits-')));
  project = join(root, 'home', 'me', 'project');
  mkdirSync(join(project, 'node_modules', 'left-pad'), { recursive: true });
  mkdirSync(join(project, 'src'), { recursive: true });
  mkdirSync(join(project, '.git'), { recursive: true });
  mkdirSync(join(root, 'elsewhere', 'dist'), { recursive: true });
  writeFileSync(join(project, 'src', 'app.ts'), 'x');
  symlinkSync('/etc', join(project, 'build'));
  symlinkSync(join(project, 'node_modules'), join(project, 'deps'));
  mkdirSync(join(project, 'pkg'), { recursive: true });
  symlinkSync('/etc', join(project, 'pkg', 'node_modules'));
  ctx = {
    env: { HOME: join(root, 'home', 'me') },
    cwd: project,
    home: join(root, 'home', 'me'),
    projectRoot: project,
    airlockPaths: [join(root, 'home', 'me', '.config', 'airlock')],
    fs: realFs,
    regenerable: defaultPolicy.regenerable,
  };
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('regenerable', () => {
  it.each([
    ['node_modules', true],
    ['node_modules/left-pad', true],
    ['node_modules/../src', false],
    ['deps', true],
    ['src', false],
    ['build', false],
    ['pkg/node_modules', false],
    ['pkg/node_modules/passwd', false],
  ])('%s → %s', (path, expected) => {
    expect(traitsOf(path).includes('regenerable')).toBe(expected);
  });

  it.each([
    ['node_modules/*', true],
    ['node_*', false],
    ['*/node_modules', false],
  ])('glob %s → %s', (pattern, expected) => {
    const traits = traitsOf(pattern, true);
    expect(traits).toContain('glob');
    expect(traits.includes('regenerable')).toBe(expected);
  });

  it('counts paths inside the temp dir, but not the temp dir itself', () => {
    expect(traitsOf('/tmp/scratch')).toContain('regenerable');
    expect(traitsOf('/tmp')).not.toContain('regenerable');
    expect(traitsOf('/tmp/*', true)).toContain('regenerable');
  });

  it('follows a symlink named like a build directory to where it really points', () => {
    expect(traitsOf('build')).toEqual(
      expect.arrayContaining(['system', 'outside-project', 'exists', 'directory']),
    );
    expect(traitsOf('pkg/node_modules')).toContain('system');
  });
});

describe('location traits', () => {
  it.each([
    ['/', ['root', 'outside-project']],
    ['/etc/passwd', ['system', 'outside-project']],
    ['.', ['project-root', 'exists', 'directory']],
    ['src/app.ts', ['inside-project', 'exists']],
    ['.git/config', ['git-metadata', 'inside-project']],
    ['../../me', ['home']],
    ['../../me/.config', ['airlock', 'outside-project']],
    ['../../me/.config/airlock/config.yaml', ['airlock']],
  ])('%s has %j', (path, expected) => {
    expect(traitsOf(path)).toEqual(expect.arrayContaining(expected));
  });

  it('marks a value known only at run time as dynamic and nothing else', () => {
    const target = pathTarget(
      { text: '$X', dynamic: '$X is not set', span: { start: 0, end: 0 } },
      command(project),
      ctx,
    );
    expect(targetTraits(target, ctx)).toEqual(['dynamic']);
  });
});

describe('a git project that lives in a temp directory', () => {
  it('keeps its files, not its build output, out of the regenerable temp rule', () => {
    const project = realpathSync(mkdtempSync(join(tmpdir(), 'airlock-temp-project-')));
    try {
      mkdirSync(join(project, '.git'));
      mkdirSync(join(project, 'src'));
      mkdirSync(join(project, 'node_modules'));
      const tempCtx: ClassifyContext = { ...ctx, cwd: project, projectRoot: project };
      const trait = (rel: string) =>
        targetTraits({ kind: 'path', value: rel, resolved: join(project, rel), exists: true }, tempCtx);
      expect(trait('src')).not.toContain('regenerable');
      expect(trait('node_modules')).toContain('regenerable');
      const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'airlock-scratch-')));
      expect(
        targetTraits({ kind: 'path', value: scratch, resolved: join(scratch, 'x'), exists: false }, tempCtx),
      ).toContain('regenerable');
      rmSync(scratch, { recursive: true, force: true });
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
