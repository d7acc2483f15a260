// PATH traps through the built CLI: a shim finds the real program and never itself (the shim
// directory twice, through a symlink, another install's shims, a stray link to the launcher),
// a loop through a wrapper script stops, a missing program fails as in the shell, and relative
// or empty PATH entries never make a file in the working directory "the real" program.

import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { airlock, SYSTEM_PATH, shimBox } from './interpose.js';

const box = shimBox(['no-such-program-airlock-test']);
afterAll(() => box.cleanup());

const withPath = (path: string) => ({ env: { ...box.env, PATH: path } });

describe('recursion traps (built CLI)', () => {
  it.each([
    ['the shim directory twice', () => `${box.shims}:${box.shims}:${SYSTEM_PATH}`],
    [
      'a symlink to the shim directory before it',
      () => `${join(box.dir, 'alias')}:${box.shims}:${SYSTEM_PATH}`,
    ],
    ['another install’s shim directory', () => `${box.shims}:${join(box.dir, 'other-shims')}:${SYSTEM_PATH}`],
    [
      'a stray link to the launcher in a plain directory',
      () => `${box.shims}:${join(box.dir, 'stray')}:${SYSTEM_PATH}`,
    ],
  ])('%s: a shimmed git runs the real git', async (_name, path) => {
    if (!existsSync(join(box.dir, 'alias'))) {
      symlinkSync(box.shims, join(box.dir, 'alias'));
      box.run(['shims', 'install', '--dir', join(box.dir, 'other-shims')]);
      mkdirSync(join(box.dir, 'stray'));
      symlinkSync(airlock, join(box.dir, 'stray', 'git'));
    }
    const first = path().split(':')[0] as string;
    const run = await box.exec(join(first, 'git'), ['--version'], withPath(path()));
    expect(run.stderr).toBe('');
    expect(run.stdout.toString()).toMatch(/^git version/);
    expect(run.status).toBe(0);
  });

  it('a wrapper script that calls the shim again stops after a few hops with 97', async () => {
    const wrappers = join(box.dir, 'wrappers');
    mkdirSync(wrappers);
    writeFileSync(join(wrappers, 'git'), `#!/bin/sh\nexec ${join(box.shims, 'git')} "$@"\n`);
    chmodSync(join(wrappers, 'git'), 0o755);
    const run = await box.exec('git', ['--version'], withPath(`${box.shims}:${wrappers}:${SYSTEM_PATH}`));
    expect(run.status).toBe(97);
    expect(run.stderr).toContain('nested airlock calls');
  });

  it('running a shim by path through airlock run never runs it', async () => {
    const run = await box.exec(airlock, ['run', '--', join(box.shims, 'git'), '--version']);
    expect(run.stdout.toString()).toBe('');
    // Judged first (the launcher script it points at is not a plain git), then refused as a loop.
    expect([93, 97]).toContain(run.status);
  });

  it('a shim named like airlock itself is never made', () => {
    const named = shimBox(['airlock'], { install: false });
    try {
      const install = named.run(['shims', 'install']);
      expect(install.status).toBe(95);
      expect(install.stderr).toContain('would shadow airlock itself');
      expect(existsSync(join(named.shims, 'airlock'))).toBe(false);
    } catch (error) {
      named.cleanup();
      throw error;
    }
    named.cleanup();
  });
});

describe('missing programs and odd PATH entries (built CLI)', () => {
  it("a shim whose real program is missing prints the shell's message and exits 127", async () => {
    const run = await box.exec('no-such-program-airlock-test', ['x']);
    expect(run.status).toBe(127);
    expect(run.stderr).toBe('airlock: no-such-program-airlock-test: command not found\n');
    expect(box.rows().at(-1)).toMatchObject({ exitStatus: 127, argv: ['no-such-program-airlock-test', 'x'] });
    const viaRun = await box.exec(airlock, ['run', '--', 'no-such-program-airlock-test']);
    expect(viaRun.status).toBe(127);
  });

  it('empty and relative PATH entries never run a planted file from the working directory', async () => {
    const work = join(box.dir, 'work');
    mkdirSync(join(work, 'bin'), { recursive: true });
    for (const planted of [join(work, 'git'), join(work, 'bin', 'git')]) {
      writeFileSync(planted, `#!/bin/sh\necho planted-ran\n`);
      chmodSync(planted, 0o755);
    }
    for (const path of [
      `${box.shims}::${SYSTEM_PATH}`,
      `${box.shims}:.:${SYSTEM_PATH}`,
      `${box.shims}:bin:${SYSTEM_PATH}`,
      `:${box.shims}:${SYSTEM_PATH}:`,
    ]) {
      const run = await box.exec(join(box.shims, 'git'), ['--version'], { ...withPath(path), cwd: work });
      expect(run.stdout.toString(), path).toMatch(/^git version/);
    }
    // Nothing but the working directory holds git: not found, rather than the planted file.
    const only = await box.exec(join(box.shims, 'git'), ['--version'], {
      env: { ...box.env, PATH: `${box.shims}:.:bin`, AIRLOCK_NODE: process.execPath },
      cwd: work,
    });
    expect(only.stdout.toString()).toBe('');
    expect(only.stderr).toBe('airlock: git: command not found\n');
    expect(only.status).toBe(127);
  });
});
