// Under a real pseudo-terminal: the program behind a shim sees the terminal, reads typed input,
// and gets each Ctrl-C exactly once (from the terminal, not a second time from airlock).

import { join } from 'node:path';
import { type IPty, spawn } from 'node-pty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from './helpers/sandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await makeSandbox(['bash', 'python3', 'sleep']);
});
afterAll(() => sandbox.remove());

type Session = { output: () => string; waitFor: (text: string) => Promise<void>; exit: Promise<Exit> };
type Exit = { exitCode: number; signal?: number };

function startInTerminal(program: string, args: string[]): { pty: IPty } & Session {
  const pty = spawn(join(sandbox.shimDir, program), args, {
    cols: 80,
    rows: 24,
    cwd: sandbox.dir,
    env: sandbox.env() as Record<string, string>,
  });
  let output = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  pty.onData((data) => {
    output += data;
    for (const waiter of waiters.splice(0)) {
      if (output.includes(waiter.text)) waiter.resolve();
      else waiters.push(waiter);
    }
  });
  const exit = new Promise<Exit>((resolve) => pty.onExit(resolve));
  const waitFor = (text: string): Promise<void> =>
    output.includes(text) ? Promise.resolve() : new Promise((resolve) => waiters.push({ text, resolve }));
  return { pty, output: () => output, waitFor, exit };
}

describe('under a pseudo-terminal', () => {
  it('gives the program the terminal and the typed input', async () => {
    const session = startInTerminal('bash', [
      '-c',
      '[ -t 0 ] && [ -t 1 ] && [ -t 2 ] && echo tty-yes; read -r line; echo "got:$line"',
    ]);
    await session.waitFor('tty-yes');
    session.pty.write('hello there\r');
    expect(await session.exit).toMatchObject({ exitCode: 0 });
    expect(session.output()).toContain('got:hello there');
  });

  it('lets the program see one Ctrl-C per keypress', async () => {
    const counter = [
      'import signal, time',
      'count = 0',
      'def on_int(*_):',
      '    global count',
      '    count += 1',
      'signal.signal(signal.SIGINT, on_int)',
      'print("ready", flush=True)',
      'end = time.time() + 1.0',
      'while time.time() < end:',
      '    time.sleep(0.02)',
      'print(f"count={count}", flush=True)',
    ].join('\n');
    const session = startInTerminal('python3', ['-c', counter]);
    await session.waitFor('ready');
    session.pty.write('\x03');
    expect(await session.exit).toMatchObject({ exitCode: 0 });
    expect(session.output()).toContain('count=1');
  });

  it('dies of SIGINT when Ctrl-C ends the program', async () => {
    const session = startInTerminal('bash', ['-c', 'echo ready; exec sleep 10']);
    await session.waitFor('ready');
    session.pty.write('\x03');
    expect(await session.exit).toEqual({ exitCode: 0, signal: 2 });
  });
});
