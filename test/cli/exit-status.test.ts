// Transparent ending through the built CLI: every exit status 0–255 comes back verbatim, a child
// that dies of a signal takes airlock with it, and a signal sent to airlock reaches the child.

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { airlock, inChunks, shimBox } from './interpose.js';

const box = shimBox(['sh']);
afterAll(() => box.cleanup());

const statuses = Array.from({ length: 256 }, (_, n) => n);
const signals = ['SIGTERM', 'SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2'] as const;

describe('exit statuses (built CLI)', () => {
  it('airlock run -- sh -c "exit N" returns every N in 0–255', async () => {
    const runs = await inChunks(
      statuses.map((n) => () => box.exec(airlock, ['run', '--', 'sh', '-c', `exit ${n}`])),
      8,
    );
    expect(runs.map((r) => r.status)).toEqual(statuses);
    expect(runs.every((r) => r.signal === null && r.stderr === '')).toBe(true);
  }, 120_000);

  it('a shimmed sh -c "exit N" returns every N in 0–255', async () => {
    const runs = await inChunks(
      statuses.map((n) => () => box.exec('sh', ['-c', `exit ${n}`])),
      8,
    );
    expect(runs.map((r) => r.status)).toEqual(statuses);
    const rows = box.rows().filter((r) => r.entry === 'shim');
    expect(rows).toHaveLength(256);
    expect(rows.map((r) => r.exitStatus).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(statuses);
  }, 120_000);
});

describe('signals (built CLI)', () => {
  it.each(signals)(
    'a child that dies of %s takes airlock with it, through run and through a shim',
    async (signal) => {
      const line = `kill -${signal.slice(3)} $$`;
      const viaRun = await box.exec(airlock, ['run', '--', 'sh', '-c', line]);
      const viaShim = await box.exec('sh', ['-c', line]);
      expect([viaRun.signal, viaShim.signal]).toEqual([signal, signal]);
      expect([viaRun.status, viaShim.status]).toEqual([null, null]);
    },
  );

  it('the death by signal is recorded', () => {
    const rows = box.rows().filter((r) => r.signal !== null);
    expect(new Set(rows.map((r) => r.signal))).toEqual(new Set(signals));
  });

  /** Starts a shimmed sh that reports each relayed signal, and sends `sent` to airlock's own pid. */
  async function relay(
    sent: NodeJS.Signals,
    program: string[],
  ): Promise<{ out: string; status: number | null; signal: NodeJS.Signals | null }> {
    const script = `trap 'echo got-USR1' USR1; trap 'echo got-USR2; exit 3' USR2; echo ready; while :; do sleep 0.02; done`;
    const child = spawn(program[0] as string, [...program.slice(1), script], {
      env: box.shimEnv,
      cwd: box.dir,
    });
    let out = '';
    const ready = new Promise<void>((resolve) =>
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('ready')) resolve();
      }),
    );
    const ended = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on('close', (status, signal) => resolve([status, signal])),
    );
    await ready;
    // The pid is airlock's own: the launcher execs node.
    child.kill('SIGUSR1');
    await new Promise((r) => setTimeout(r, 300));
    child.kill(sent);
    const [status, signal] = await ended;
    return { out, status, signal };
  }

  it('SIGUSR1 and SIGUSR2 sent to airlock run reach the child', async () => {
    const result = await relay('SIGUSR2', [airlock, 'run', '--', 'sh', '-c']);
    expect(result.out).toBe('ready\ngot-USR1\ngot-USR2\n');
    expect(result.status).toBe(3);
  });

  it('SIGTERM sent to a shim ends the child, and airlock dies of it too', async () => {
    const result = await relay('SIGTERM', [join(box.shims, 'sh'), '-c']);
    expect(result.out).toBe('ready\ngot-USR1\n');
    expect(result.signal).toBe('SIGTERM');
  });
});
