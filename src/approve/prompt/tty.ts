// The controlling terminal, opened directly: the prompt reads keys from and draws on /dev/tty
// so that stdin and stdout stay the command's (`psql … | jq`, `cat dump.sql | psql`).

import { closeSync, openSync } from 'node:fs';
import tty from 'node:tty';

export interface Terminal {
  input: tty.ReadStream;
  output: tty.WriteStream;
  /** Raw mode off, cursor shown, streams closed; safe to call more than once. */
  close: () => void;
}

export type OpenedTerminal = { ok: true; terminal: Terminal } | { ok: false; reason: string };

const showCursor = '\u001b[?25h';

export function openTerminal(path = '/dev/tty'): OpenedTerminal {
  let readFd: number | undefined;
  let writeFd: number | undefined;
  try {
    // Two descriptors: each stream closes its own, never the other's.
    readFd = openSync(path, 'r');
    writeFd = openSync(path, 'w');
    if (!tty.isatty(readFd)) throw new Error(`${path} is not a terminal`);
  } catch (error) {
    for (const fd of [readFd, writeFd]) if (fd !== undefined) closeSync(fd);
    return { ok: false, reason: `no terminal to ask on (${(error as Error).message})` };
  }
  const input = new tty.ReadStream(readFd);
  const output = new tty.WriteStream(writeFd);
  // Raw at once: a Ctrl-C pressed while the UI loads reaches the prompt as a key (deny)
  // instead of killing airlock half-way, and typed keys are not echoed over the frame.
  input.setRawMode(true);
  // Only process.stdout follows SIGWINCH by itself; this stream is told to re-read its size.
  const onWinch = () => (output as unknown as { _refreshSize?: () => void })._refreshSize?.();
  process.on('SIGWINCH', onWinch);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    process.removeListener('SIGWINCH', onWinch);
    try {
      if (input.isRaw) input.setRawMode(false);
    } catch {
      // The terminal is gone (hung up): nothing left to restore.
    }
    try {
      output.write(showCursor);
    } catch {
      // As above.
    }
    input.destroy();
    output.destroy();
  };
  return { ok: true, terminal: { input, output, close } };
}
