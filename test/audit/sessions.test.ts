import { afterEach, describe, expect, it } from 'vitest';
import {
  appendTranscript,
  closeStore,
  endSession,
  openStore,
  readSession,
  startSession,
} from '../../src/audit/index.js';
import { removeDir, tempStateDir } from './helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

describe('session transcripts', () => {
  it('round-trips timed output, input and resizes through compressed chunks', () => {
    const stateDir = tempStateDir();
    dirs.push(stateDir);
    const store = openStore(stateDir);
    const started = startSession(store, { shell: '/bin/bash', cwd: '/repo', cols: 80, rows: 24 });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const binary = Buffer.from([0, 1, 2, 255, 27, 91, 50, 74]);
    const big = Buffer.from('drwxr-xr-x 2 me me 4096 build\n'.repeat(2000));
    expect(
      appendTranscript(store, started.id, [
        { t: 0, kind: 'output', data: Buffer.from('$ ') },
        { t: 350, kind: 'input', data: Buffer.from('ls -l\r') },
        { t: 360, kind: 'output', data: big },
      ]),
    ).toEqual({ ok: true, seq: 1 });
    expect(
      appendTranscript(store, started.id, [
        { t: 900, kind: 'resize', cols: 200, rows: 50 },
        { t: 1200, kind: 'output', data: binary },
      ]),
    ).toEqual({ ok: true, seq: 2 });
    expect(endSession(store, started.id, { exitStatus: 130 })).toEqual({ ok: true });

    const session = readSession(store, started.id);
    expect(session).toMatchObject({ shell: '/bin/bash', cwd: '/repo', cols: 80, rows: 24, exitStatus: 130 });
    expect(session?.ended).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(session?.events.map((e) => [e.t, e.kind])).toEqual([
      [0, 'output'],
      [350, 'input'],
      [360, 'output'],
      [900, 'resize'],
      [1200, 'output'],
    ]);
    const [, , output, resize, last] = session?.events ?? [];
    expect(output?.kind === 'output' && Buffer.from(output.data).equals(big)).toBe(true);
    expect(resize).toEqual({ t: 900, kind: 'resize', cols: 200, rows: 50 });
    expect(last?.kind === 'output' && Buffer.from(last.data).equals(binary)).toBe(true);
    expect(readSession(store, 'no-such-session')).toBeNull();
    closeStore(store);
  });
});
