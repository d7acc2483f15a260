// The child's own stdio through the built CLI: random bytes through a shimmed cat come out
// byte-exact, and an interactive program behind a shim sees a real terminal and typed input.

import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { spawn as spawnPty } from 'node-pty';
import { afterAll, describe, expect, it } from 'vitest';
import { airlock, shimBox } from './interpose.js';

const box = shimBox(['cat', 'sh']);
afterAll(() => box.cleanup());

const MB = 1024 * 1024;

/** Streams `data` into `program` and hashes what comes out, without holding the output. */
function pipeThrough(
  program: string,
  args: string[],
  data: Buffer,
): Promise<{ sha: string; bytes: number; status: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      env: box.shimEnv,
      cwd: box.dir,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const hash = createHash('sha256');
    let bytes = 0;
    child.stdout.on('data', (d: Buffer) => {
      hash.update(d);
      bytes += d.length;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ sha: hash.digest('hex'), bytes, status }));
    child.stdin.end(data);
  });
}

describe('stdio (built CLI)', () => {
  it('32 MB of random bytes pass through a shimmed cat and through airlock run byte-exact', async () => {
    const data = randomBytes(32 * MB);
    const expected = createHash('sha256').update(data).digest('hex');
    const viaShim = await pipeThrough(join(box.shims, 'cat'), [], data);
    expect(viaShim).toEqual({ sha: expected, bytes: data.length, status: 0 });
    const viaRun = await pipeThrough(airlock, ['run', '--', 'cat'], data);
    expect(viaRun).toEqual({ sha: expected, bytes: data.length, status: 0 });
  }, 60_000);

  it('stdout and stderr stay separate, and NUL and invalid UTF-8 survive', async () => {
    const bytes = Buffer.from([0, 1, 0xff, 0xfe, 0x0a, 0xc3, 0x28, 0]);
    const run = await box.exec('sh', ['-c', 'cat; echo to-stderr >&2'], { input: bytes });
    expect(run.status).toBe(0);
    expect(run.stdout.equals(bytes)).toBe(true);
    expect(run.stderr).toBe('to-stderr\n');
  });

  it('an interactive program behind a shim sees a terminal and reads typed input', async () => {
    const pty = spawnPty(
      join(box.shims, 'sh'),
      [
        '-c',
        '[ -t 0 ] && [ -t 1 ] && [ -t 2 ] && echo tty-yes; stty size; IFS= read -r line; echo "got:$line"',
      ],
      { cols: 91, rows: 33, cwd: box.dir, env: box.shimEnv as Record<string, string> },
    );
    let output = '';
    const ready = new Promise<void>((resolve) =>
      pty.onData((d) => {
        output += d;
        if (output.includes('33 91')) resolve();
      }),
    );
    const exit = new Promise<{ exitCode: number }>((resolve) => pty.onExit(resolve));
    await ready;
    pty.write('typed by a person\r');
    expect((await exit).exitCode).toBe(0);
    expect(output).toContain('tty-yes');
    expect(output).toContain('got:typed by a person');
    const row = box.rows().at(-1);
    expect(row).toMatchObject({ entry: 'shim', actorKind: 'human', exitStatus: 0 });
  });
});
