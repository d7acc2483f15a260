// runChild both ways: on the libuv process handle (the default) and through child_process (the
// fallback when a Node version hides the handle). Real programs, real exit statuses and signals.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runChild } from '../../src/exec/spawn.js';

const dir = mkdtempSync(join(tmpdir(), 'airlock-spawn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each([
  ['the process handle', false],
  ['child_process', true],
])('runChild through %s', (_, viaChildProcess) => {
  const options = { env: { PATH: process.env.PATH, ONLY_THIS: 'yes' }, cwd: dir, viaChildProcess };

  it('returns the exit status', async () => {
    const run = await runChild('/bin/sh', ['-c', 'exit 42'], options);
    run.releaseSignals();
    expect(run.outcome).toEqual({ kind: 'exited', code: 42 });
  });

  it('reports death by signal by name', async () => {
    const run = await runChild('/bin/sh', ['-c', 'kill -TERM $$'], options);
    run.releaseSignals();
    expect(run.outcome).toEqual({ kind: 'signaled', signal: 'SIGTERM' });
  });

  it('passes argv0, arguments, cwd and exactly the given environment', async () => {
    const out = join(dir, `out-${viaChildProcess}`);
    const script =
      'tr "\\0" " " < /proc/$$/cmdline > "$1"; printf "|%s|%s|%s" "$PWD" "$ONLY_THIS" "$HOME" >> "$1"';
    const run = await runChild('/bin/sh', ['-c', script, 'zero', out], { ...options, argv0: 'named' });
    run.releaseSignals();
    expect(run.outcome).toEqual({ kind: 'exited', code: 0 });
    const seen = readFileSync(out, 'utf8');
    expect(seen.startsWith('named -c ')).toBe(true);
    expect(seen.endsWith(`zero ${out} |${dir}|yes|`)).toBe(true);
  });

  it('says why a program could not start', async () => {
    const missing = await runChild(join(dir, 'no-such-program'), [], {
      ...options,
      argv0: 'no-such-program',
    });
    missing.releaseSignals();
    expect(missing.outcome).toMatchObject({ kind: 'failed-to-start', exitCode: 127 });
    expect(missing.outcome.kind === 'failed-to-start' && missing.outcome.message).toContain(
      'no-such-program: No such file or directory',
    );
    const notExecutable = await runChild(dir, [], options);
    notExecutable.releaseSignals();
    expect(notExecutable.outcome).toMatchObject({ kind: 'failed-to-start', exitCode: 126 });
  });
});
