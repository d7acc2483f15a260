// airlock's own short answers (a verdict, a hook reply) written straight to the file
// descriptor. The first touch of process.stdout or process.stderr builds a stream object and
// loads the stream modules behind it, ~2 ms of every start; one write of a few hundred bytes
// needs none of that.

import { writeSync } from 'node:fs';
// Made lazy by the build (.ci/build.mjs): loaded only if the binding above is missing.
import { isatty } from 'node:tty';
import { nodeBinding } from '../exec/node-binding.js';

type Fd = 1 | 2;

const streamOf = (fd: Fd): NodeJS.WriteStream => (fd === 1 ? process.stdout : process.stderr);

/**
 * Writes all of `text` to fd 1 or 2. A reader that went away (EPIPE) ends the writing, not the
 * command: `airlock check … | head -1` still exits with the verdict's status. A non-blocking
 * descriptor that is full (EAGAIN) hands the rest to the stream, which waits for it.
 */
export function writeOut(fd: Fd, text: string): void {
  if (text === '') return;
  const bytes = Buffer.from(text);
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return;
      if (code === 'EAGAIN') {
        streamOf(fd).write(bytes.subarray(offset));
        return;
      }
      throw error;
    }
  }
}

interface TtyBinding {
  isTTY(fd: number): boolean;
}

/** Whether fd is a terminal, without loading node:tty (which loads net and streams). */
export function isTerminal(fd: number): boolean {
  try {
    return nodeBinding<TtyBinding>('tty_wrap').isTTY(fd);
  } catch {
    return isatty(fd);
  }
}
