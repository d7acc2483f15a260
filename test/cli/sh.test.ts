// `airlock sh` through the built CLI: the option forms harnesses use, scripts from files and
// stdin, the shims first in PATH inside (login shells too), refused lines running nothing,
// and the line's own exit status coming back.

import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { airlock, shimBox } from './interpose.js';

const box = shimBox();
afterAll(() => box.cleanup());

const sh = (args: string[], input?: string) => box.exec(airlock, ['sh', ...args], { env: box.env, input });
const report = 'printf "%s|%s|%s|%s\\n" "$0" "$1" "$2" "$(command -v git)"';

describe('airlock sh (built CLI)', () => {
  it.each([
    [['-c']],
    [['-lc']],
    [['-l', '-c']],
    [['-i', '-c']],
    [['-e', '-c']],
    [['-ec']],
    [['--login', '-c']],
  ])('%j LINE NAME ARGS: positional parameters as in bash, the shims first in PATH', async (options) => {
    const run = await sh([...options, report, 'the-name', 'one', 'two words']);
    expect(run.status).toBe(0);
    expect(run.stdout.toString()).toBe(`the-name|one|two words|${join(box.shims, 'git')}\n`);
  });

  it('-l -i -c runs the line with its arguments', async () => {
    const run = await sh(['-l', '-i', '-c', 'echo "$0:$1"; exit 4', 'n', 'a']);
    expect(run.stdout.toString()).toBe('n:a\n');
    expect(run.status).toBe(4);
  });

  it('-c LINE without a name makes $0 airlock-sh', async () => {
    expect((await sh(['-c', 'echo "$0"'])).stdout.toString()).toBe('airlock-sh\n');
  });

  it('-e stops at the first failure', async () => {
    const run = await sh(['-e', '-c', 'echo before; false; echo after']);
    expect(run.stdout.toString()).toBe('before\n');
    expect(run.status).toBe(1);
  });

  it('-o pipefail makes false | true fail, and without it the pipeline succeeds', async () => {
    expect((await sh(['-o', 'pipefail', '-c', 'false | true'])).status).toBe(1);
    expect((await sh(['-euo', 'pipefail', '-c', 'false | true; echo not-here'])).stdout.toString()).toBe('');
    expect((await sh(['-c', 'false | true'])).status).toBe(0);
  });

  it('-x traces on stderr and leaves stdout alone', async () => {
    const run = await sh(['-x', '-c', 'echo traced']);
    expect(run.stdout.toString()).toBe('traced\n');
    expect(run.stderr).toBe('+ echo traced\n');
  });

  it('-lx traces only the line, not what airlock adds after the startup files', async () => {
    const run = await sh(['-lx', '-c', 'echo traced']);
    expect(run.stdout.toString()).toBe('traced\n');
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe('+ echo traced');
    expect(run.stderr).not.toContain('AIRLOCK');
  });

  it("the caller's own BASH_ENV still runs, and the line sees its value and nothing of airlock's", async () => {
    const own = join(box.dir, 'own-env.bash');
    writeFileSync(own, 'greet() { echo hello-from-own-env; }\n');
    const run = await box.exec(
      airlock,
      ['sh', '-lc', 'greet; echo "$BASH_ENV"; env | grep -c "^AIRLOCK_SH_" || true; command -v git'],
      { env: { ...box.env, BASH_ENV: own } },
    );
    expect(run.stdout.toString()).toBe(`hello-from-own-env\n${own}\n0\n${join(box.shims, 'git')}\n`);
  });

  it('runs a script file with its arguments', async () => {
    const script = join(box.dir, 'script.sh');
    writeFileSync(script, 'echo "$0 got $# args: $1,$2"\nexit 6\n');
    const run = await sh([script, 'a', 'b']);
    expect(run.stdout.toString()).toBe(`${script} got 2 args: a,b\n`);
    expect(run.status).toBe(6);
  });

  it('runs a script on stdin', async () => {
    const run = await sh([], 'x=41\necho $((x + 1))\ncommand -v git\nexit 5\n');
    expect(run.stdout.toString()).toBe(`42\n${join(box.shims, 'git')}\n`);
    expect(run.status).toBe(5);
  });

  it('a missing script file fails as in bash', async () => {
    expect((await sh([join(box.dir, 'missing.sh')])).status).toBe(127);
  });

  it('returns the exit status of the line', async () => {
    const statuses = await Promise.all([0, 1, 2, 42, 127, 255].map((n) => sh(['-c', `exit ${n}`])));
    expect(statuses.map((r) => r.status)).toEqual([0, 1, 2, 42, 127, 255]);
  });

  it('a refused line runs nothing, not even its harmless first command', async () => {
    const marker = join(box.dir, 'x');
    const run = await sh(['-c', `touch ${marker} && rm -rf /`]);
    expect(run.status).toBe(90);
    expect(run.stderr).toContain('refused');
    expect(existsSync(marker)).toBe(false);
    const row = box.rows().at(-1);
    expect(row).toMatchObject({
      entry: 'sh',
      decision: 'deny',
      step: 'refused',
      line: `touch ${marker} && rm -rf /`,
    });
  });

  it('a command built at run time still meets the shims', async () => {
    const before = box.rows().length;
    const run = await sh(['-c', 'cmd=git; "$cmd" --version']);
    expect(run.stdout.toString()).toMatch(/^git version/);
    const rows = box.rows().slice(before);
    expect(rows.map((r) => r.entry)).toContain('shim');
  });

  it('bin/airlock-sh is the same guarded shell', async () => {
    const run = await box.exec(join(box.shims, 'airlock-sh'), ['-c', 'echo "$0 $1"; exit 3', 'n', 'one'], {
      env: box.env,
    });
    expect(run.stdout.toString()).toBe('n one\n');
    expect(run.status).toBe(3);
  });
});
