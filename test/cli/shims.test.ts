// `airlock shims install | list | path | uninstall` through the built CLI, and a guarded read run
// through a real shim: it runs, and it is recorded once.

import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SYSTEM_PATH, shimBox } from './interpose.js';

const box = shimBox(['ls']);
afterAll(() => box.cleanup());

describe('airlock shims (built CLI)', () => {
  it('install --dir makes links to the launcher, and a shimmed git --version runs and is recorded once', async () => {
    const dir = join(box.dir, 'my-shims');
    const installed = box.run(['shims', 'install', '--dir', dir]);
    expect(installed.status).toBe(0);
    expect(installed.stdout).toMatch(/\d+ shims created/);
    for (const name of ['git', 'rm', 'kubectl', 'psql', 'ls', 'airlock-sh'])
      expect(lstatSync(join(dir, name)).isSymbolicLink(), name).toBe(true);
    expect(existsSync(join(dir, 'node'))).toBe(false);

    const before = box.rows().length;
    const env = { ...box.env, PATH: `${dir}:${SYSTEM_PATH}` };
    const git = await box.exec('git', ['--version'], { env });
    expect(git.status).toBe(0);
    expect(git.stdout.toString()).toMatch(/^git version \d/);
    const ls = await box.exec('ls', ['-d', '/'], { env });
    expect(ls.stdout.toString()).toBe('/\n');

    const rows = box.rows().slice(before);
    expect(rows.map((r) => [r.entry, r.argv, r.decision, r.step, r.exitStatus])).toEqual([
      ['shim', ['git', '--version'], 'allow', 'allowed', 0],
      ['shim', ['ls', '-d', '/'], 'allow', 'allowed', 0],
    ]);
    expect(box.run(['verify']).status).toBe(0);
  });

  it('a second install keeps every link in place', () => {
    const again = box.run(['shims', 'install']);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^0 shims created, \d+ already in place/);
  });

  it('list shows each shim and the real binary it runs', () => {
    const list = box.run(['shims', 'list'], { env: { PATH: `${box.shims}:${SYSTEM_PATH}` } });
    expect(list.status).toBe(0);
    const lines = Object.fromEntries(
      list.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.split(/\s+→\s+/) as [string, string])
        .map(([name, real]) => [name.trim(), real]),
    );
    expect(lines.git).toBe(
      spawnSync('sh', ['-c', `PATH=${SYSTEM_PATH} command -v git`])
        .stdout.toString()
        .trim(),
    );
    expect(lines.ls).toMatch(/^\/(usr\/)?bin\/ls$/);
    expect(lines['airlock-sh']).toBe('(airlock guarded shell)');
    const json = JSON.parse(box.run(['shims', 'list', '--json']).stdout) as { name: string; real?: object }[];
    expect(json.find((e) => e.name === 'rm')?.real).toEqual({ path: expect.stringMatching(/\/rm$/) });
  });

  it('path prints a line that puts the shims first when sh evaluates it', () => {
    const line = box.run(['shims', 'path', '--shell', 'sh']).stdout.trim();
    expect(line).toContain(box.shims);
    const after = spawnSync('sh', ['-c', `${line}; command -v git; printf '%s' "$PATH"`], {
      env: { PATH: SYSTEM_PATH },
    });
    const [resolved, path] = after.stdout.toString().split('\n');
    expect(resolved).toBe(join(box.shims, 'git'));
    expect(path).toBe(`${box.shims}:${SYSTEM_PATH}`);
    expect(box.run(['shims', 'path', '--shell', 'fish']).stdout).toContain('fish_add_path');
  });

  it('uninstall removes only airlock links and leaves other files alone', () => {
    const dir = join(box.dir, 'mixed');
    box.run(['shims', 'install', '--dir', dir]);
    writeFileSync(join(dir, 'my-script'), '#!/bin/sh\n');
    symlinkSync('/usr/bin/env', join(dir, 'my-link'));
    const removed = box.run(['shims', 'uninstall', '--dir', dir]);
    expect(removed.status).toBe(0);
    expect(removed.stdout).toMatch(/^\d+ shims removed/);
    expect(removed.stdout).toContain("left alone (not airlock's): my-link");
    expect(readdirSync(dir).sort()).toEqual(['.airlock-shims', 'my-link', 'my-script']);

    const clean = join(box.dir, 'clean');
    box.run(['shims', 'install', '--dir', clean]);
    expect(box.run(['shims', 'uninstall', '--dir', clean]).status).toBe(0);
    expect(existsSync(clean)).toBe(false);
  });
});
