// Reads the payload from stdin, bounded: a harness sends a few kilobytes, and anything far
// larger is refused rather than parsed (the rest is drained so the writer sees no broken pipe).

import { readSync } from 'node:fs';
import { isTerminal } from '../commands/output.js';
import { stdinOnce } from '../commands/stdin-once.js';

/** Far above any real tool call (a 1 MB heredoc fits), far below what would stall the hook. */
export const MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;

export type PayloadText =
  | { kind: 'text'; text: string }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'none' };

export function readPayload(fd = 0, limit = MAX_PAYLOAD_BYTES): PayloadText {
  return fd === 0 && limit === MAX_PAYLOAD_BYTES
    ? stdinOnce(() => readBounded(0, limit))
    : readBounded(fd, limit);
}

function readBounded(fd: number, limit: number): PayloadText {
  // Run by hand at a terminal: there is no payload to wait for.
  if (isTerminal(fd)) return { kind: 'none' };
  const chunks: Buffer[] = [];
  const chunk = Buffer.allocUnsafe(1 << 16);
  let total = 0;
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EOF') break;
      throw error;
    }
    if (n === 0) break;
    total += n;
    if (total <= limit) chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  if (total > limit) return { kind: 'too-large', bytes: total };
  if (total === 0) return { kind: 'none' };
  return { kind: 'text', text: Buffer.concat(chunks).toString('utf8') };
}
