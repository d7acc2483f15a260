// Recursion traps end to end: however PATH is arranged, a shim runs the real program or stops
// with a clear status; it never runs itself.

import { chmodSync, mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProcess } from './helpers/run.js';
import { makeSandbox, type Sandbox, SYSTEM_PATH } from './helpers/sandbox.js';

let sandbox: Sandbox;
let loopDir: string;
let impostorDir: string;
beforeAll(async () => {
  sandbox = await makeSandbox(['sh', 'cat', 'again', 'no-such-program-anywhere']);
  symlinkSync(sandbox.shimDir, join(sandbox.dir, 'shims-alias'));
  // A stray link to the launcher in an unmarked directory, as a hand-made shim would be.
  mkdirSync(join(sandbox.dir, 'stray'));
  symlinkSync(sandbox.launcher, join(sandbox.dir, 'stray', 'cat'));
  symlinkSync(sandbox.launcher, join(sandbox.dir, 'stray', 'airlock'));
  // A real program that calls itself by name: each call goes through the shim again.
  loopDir = join(sandbox.dir, 'loop');
  mkdirSync(loopDir);
  writeFileSync(join(loopDir, 'again'), '#!/bin/sh\necho hop >&2\nexec again "$@"\n');
  chmodSync(join(loopDir, 'again'), 0o755);
  impostorDir = join(sandbox.dir, 'cwd');
  mkdirSync(join(impostorDir, 'rel'), { recursive: true });
  for (const path of ['cat', 'rel/cat']) {
    writeFileSync(join(impostorDir, path), '#!/bin/sh\necho IMPOSTOR\n');
    chmodSync(join(impostorDir, path), 0o755);
  }
});
afterAll(() => sandbox.remove());

const alias = (): string => join(sandbox.dir, 'shims-alias');

describe('a shim finds the real program past', () => {
  const cases: [string, () => { entry: string; PATH: string; AIRLOCK_TEST_SHIM_DIRS?: string }][] = [
    [
      'the shim directory twice in PATH',
      () => ({
        entry: join(sandbox.shimDir, 'cat'),
        PATH: `${sandbox.shimDir}:${sandbox.shimDir}:${SYSTEM_PATH}`,
      }),
    ],
    [
      'a symlink to the shim directory',
      () => ({
        entry: join(alias(), 'cat'),
        PATH: `${alias()}:${sandbox.shimDir}:${alias()}:${SYSTEM_PATH}`,
      }),
    ],
    [
      'a shim directory it was not told about (marked)',
      () => ({
        entry: join(sandbox.shimDir, 'cat'),
        PATH: `${sandbox.shimDir}:${SYSTEM_PATH}`,
        AIRLOCK_TEST_SHIM_DIRS: '',
      }),
    ],
    [
      'a lone link to the launcher in an unmarked directory',
      () => ({
        entry: join(sandbox.dir, 'stray', 'cat'),
        PATH: `${sandbox.dir}/stray:${SYSTEM_PATH}`,
        AIRLOCK_TEST_SHIM_DIRS: '',
      }),
    ],
    [
      'empty, "." and relative PATH entries (an impostor cat sits in the cwd)',
      () => ({
        entry: join(sandbox.shimDir, 'cat'),
        PATH: `:.:rel::${sandbox.shimDir}:${SYSTEM_PATH}:`,
      }),
    ],
  ];
  it.each(cases)('%s', async (_, setup) => {
    const { entry, ...env } = setup();
    const result = await runProcess(entry, [], {
      env: sandbox.env(env),
      cwd: impostorDir,
      input: 'real cat\n',
    });
    expect(result).toMatchObject({ status: 0, stdout: 'real cat\n', stderr: '' });
  });
});

describe('the launcher finds itself from a shim', () => {
  it('reads the launcher from the shim directory marker, which names it', () => {
    const marker = readFileSync(join(sandbox.shimDir, '.airlock-shims'), 'utf8');
    expect(marker.split('\n')[1]).toBe(`launcher: ${realpathSync(sandbox.launcher)}`);
  });

  it.each([
    ['a marker from an older airlock (one line)', 'airlock shim directory: managed by `airlock shims`\n'],
    ['a marker naming a launcher that is gone', 'airlock shim directory\nlauncher: /nowhere/bin/airlock\n'],
  ])('falls back to resolving the link with %s', async (_, text) => {
    const dir = join(sandbox.dir, `marker-${text.length}`);
    mkdirSync(dir);
    writeFileSync(join(dir, '.airlock-shims'), text);
    symlinkSync(sandbox.launcher, join(dir, 'cat'));
    const result = await runProcess(join(dir, 'cat'), [], {
      env: sandbox.env({ PATH: `${dir}:${SYSTEM_PATH}` }),
      input: 'real cat\n',
    });
    expect(result).toMatchObject({ status: 0, stdout: 'real cat\n', stderr: '' });
  });
});

describe('a shim stops instead of looping', () => {
  it('answers 127 like a shell when the only candidate is the shim', async () => {
    const result = await runProcess(join(sandbox.shimDir, 'no-such-program-anywhere'), ['x'], {
      env: sandbox.env(),
    });
    expect(result).toMatchObject({
      status: 127,
      stderr: 'airlock: no-such-program-anywhere: command not found\n',
    });
  });

  it('answers 127 for a program named like airlock itself', async () => {
    const result = await runProcess(join(sandbox.dir, 'stray', 'airlock'), ['run', 'airlock', 'run', 'cat'], {
      env: sandbox.env({ PATH: `${sandbox.dir}/stray:${sandbox.dir}/bin:${sandbox.shimDir}:${SYSTEM_PATH}` }),
    });
    expect(result).toMatchObject({ status: 127, stderr: 'airlock: airlock: command not found\n' });
  });

  it('refuses a shim given by path (97)', async () => {
    const shim = join(alias(), 'cat');
    const result = await runProcess(sandbox.launcher, ['run', shim], { env: sandbox.env() });
    expect(result.status).toBe(97);
    expect(result.stderr).toBe(
      `airlock: ${shim}: is an airlock shim; refusing to run it from airlock (it would loop)\n`,
    );
  });

  it('stops a program that calls itself through its shim after 8 hops (97)', async () => {
    const result = await runProcess(join(sandbox.shimDir, 'again'), [], {
      env: sandbox.env({ PATH: `${sandbox.shimDir}:${loopDir}:${SYSTEM_PATH}` }),
    });
    expect(result.status).toBe(97);
    expect(result.stderr.match(/^hop$/gm)).toHaveLength(8);
    expect(result.stderr).toContain(
      'airlock: again: refusing to run: 8 nested airlock calls (AIRLOCK_SHIM_DEPTH)',
    );
  }, 20_000);
});
