// `airlock shell` through the built CLI in a real pseudo-terminal: it installs the shims, starts
// the shell, typed commands run (guarded ones recorded under the session), `exit` ends it with
// the session recorded, and `airlock log --session ID --replay` plays the output back.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node-pty';
import { afterAll, describe, expect, it } from 'vitest';
import { airlock, shimBox } from './interpose.js';

const box = shimBox([], { install: false });
afterAll(() => box.cleanup());

const ansi = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007|\r/g;

interface Shell {
  text: () => string;
  waitFor: (pattern: RegExp) => Promise<RegExpMatchArray>;
  type: (line: string) => void;
  exit: Promise<{ exitCode: number; signal?: number }>;
}

function startShell(): Shell {
  const pty = spawn(airlock, ['shell', '--shell', '/bin/bash'], {
    cols: 100,
    rows: 30,
    cwd: box.dir,
    env: { ...box.env, TERM: 'xterm-256color' } as Record<string, string>,
  });
  let raw = '';
  pty.onData((d) => {
    raw += d;
  });
  const text = () => raw.replace(ansi, '');
  const exit = new Promise<{ exitCode: number; signal?: number }>((resolve) => pty.onExit(resolve));
  const waitFor = async (pattern: RegExp) => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const match = text().match(pattern);
      if (match) return match;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; got:\n${text()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { text, waitFor, type: (line) => pty.write(`${line}\r`), exit };
}

async function session(
  commands: string[],
  done: RegExp,
): Promise<{ id: string; text: string; exitCode: number }> {
  const shell = startShell();
  const id = (await shell.waitFor(/guarded shell \(session ([\w-]+)\)/))[1] as string;
  for (const command of commands) shell.type(command);
  await shell.waitFor(done);
  shell.type('exit 7');
  const ended = await shell.exit;
  await shell.waitFor(/recorded\. Replay/);
  return { id, text: shell.text(), exitCode: ended.exitCode };
}

describe('airlock shell (built CLI)', () => {
  it('installs the shims, runs typed commands, records the guarded ones under the session', async () => {
    expect(existsSync(join(box.shims, 'git'))).toBe(false);
    const first = await session(
      [
        'echo "in=$AIRLOCK_SESSION path=$(printenv PATH | cut -d: -f1)"',
        'git --version',
        'echo done-$((6 * 7))',
      ],
      /done-42/,
    );
    expect(first.exitCode).toBe(7);
    expect(existsSync(join(box.shims, 'git'))).toBe(true);
    expect(first.text).toContain(`in=${first.id} path=${box.shims}`);
    expect(first.text).toMatch(/git version \d/);

    const rows = box.run(['log', '--json', '--session', first.id]).stdout.trimEnd().split('\n');
    const shimRows = rows.map((l) => JSON.parse(l)).filter((r) => r.entry === 'shim');
    expect(shimRows).toEqual([
      expect.objectContaining({
        argv: ['git', '--version'],
        sessionId: first.id,
        actorKind: 'human',
        exitStatus: 0,
      }),
    ]);

    const replay = box.run(['log', '--session', first.id, '--replay', '--speed', '100']);
    expect(replay.status).toBe(0);
    const played = replay.stdout.replace(ansi, '');
    expect(played).toMatch(/git version \d/);
    expect(played).toContain('done-42');
    expect(box.run(['log', '--session', 'no-such-session', '--replay']).status).toBe(96);
  }, 60_000);

  it('starts a second time (the code cache exists then) and records a second session', async () => {
    expect(existsSync(join(box.home, 'cache'))).toBe(true);
    const second = await session(['git --version >/dev/null && echo second-ok'], /second-ok\n/);
    expect(second.exitCode).toBe(7);
    expect(second.text).toMatch(/guarded shell \(session [\w-]+\); \d+ programs guarded/);
    const rows = box.run(['log', '--json', '--session', second.id]).stdout.trimEnd().split('\n');
    expect(rows.map((l) => JSON.parse(l).sessionId)).toEqual([second.id]);
  }, 60_000);

  it('refuses to start without a terminal', () => {
    const run = box.run(['shell']);
    expect(run.status).toBe(96);
    expect(run.stderr).toContain('needs a terminal');
  });
});
