// The only module that loads node-pty (lazily: a shim run never pays for it). Runs the user's
// shell in a pseudo-terminal for `airlock shell`, so the session's output can be recorded.

import type { IPty } from 'node-pty';

export type ShellExit = { exitCode: number; signal?: number };

export type InteractiveShell = {
  pid: number;
  write: (data: string | Buffer) => void;
  resize: (cols: number, rows: number) => void;
  kill: (signal?: NodeJS.Signals) => void;
  exited: Promise<ShellExit>;
};

export type InteractiveShellOptions = {
  shell: string;
  args?: readonly string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  cols: number;
  rows: number;
  /** Every chunk the shell writes to its terminal (to show, and to record). */
  onData: (data: string) => void;
};

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) out[key] = value;
  return out;
}

/** Starts `shell` in a new pseudo-terminal of the given size. */
export async function startInteractiveShell(options: InteractiveShellOptions): Promise<InteractiveShell> {
  // require, not import(): the CLI bundle runs from a V8 code cache (see src/boot.ts).
  const { spawn } = require('node-pty') as typeof import('node-pty');
  const pty: IPty = spawn(options.shell, [...(options.args ?? [])], {
    name: options.env.TERM ?? 'xterm-256color',
    cols: options.cols,
    rows: options.rows,
    cwd: options.cwd,
    env: definedOnly(options.env),
  });
  pty.onData(options.onData);
  const exited = new Promise<ShellExit>((resolve) =>
    pty.onExit(({ exitCode, signal }) => resolve(signal ? { exitCode, signal } : { exitCode })),
  );
  return {
    pid: pty.pid,
    write: (data) => pty.write(data),
    resize: (cols, rows) => pty.resize(Math.max(1, cols), Math.max(1, rows)),
    kill: (signal) => pty.kill(signal),
    exited,
  };
}

type TerminalIn = NodeJS.ReadStream;
type TerminalOut = NodeJS.WriteStream;

/**
 * Connects the real terminal to the shell: keys go in raw (Ctrl-C reaches the shell as a byte,
 * not as a signal to airlock), window size changes (SIGWINCH, seen as 'resize') are passed on.
 * Returns a function that restores the terminal.
 */
export function attachToTerminal(
  shell: InteractiveShell,
  stdin: TerminalIn,
  stdout: TerminalOut,
): () => void {
  // Bytes, not decoded text: a multi-byte character split across reads must arrive whole.
  const onInput = (chunk: Buffer): void => shell.write(chunk);
  const onResize = (): void => shell.resize(stdout.columns, stdout.rows);
  const wasRaw = stdin.isTTY ? stdin.isRaw : false;
  if (stdin.isTTY) stdin.setRawMode(true);
  stdin.on('data', onInput);
  stdin.resume();
  stdout.on('resize', onResize);
  return () => {
    stdin.removeListener('data', onInput);
    stdout.removeListener('resize', onResize);
    if (stdin.isTTY) stdin.setRawMode(wasRaw);
    stdin.pause();
  };
}
