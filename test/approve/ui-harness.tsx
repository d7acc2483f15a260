// Renders a UI tree with ink-testing-library at a fixed terminal width, and types keys into it.

import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';

export type Rendered = ReturnType<typeof render> & {
  /** Lets effects and Ink's throttled frames run. */
  settle: (ms?: number) => Promise<void>;
  press: (...keys: string[]) => Promise<void>;
  resize: (columns: number) => Promise<void>;
  frame: () => string;
};

export const keys = {
  escape: '\u001b',
  ctrlC: '\u0003',
  enter: '\r',
  backspace: '\u007f',
  tab: '\t',
  up: '\u001b[A',
  down: '\u001b[B',
};

const settle = (ms = 30) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function renderAt(tree: ReactElement, columns: number): Promise<Rendered> {
  const rendered = render(tree);
  let width = columns;
  // The library's terminal is 100 wide; the UI re-lays out on 'resize' like a real one.
  Object.defineProperty(rendered.stdout, 'columns', { get: () => width, configurable: true });
  rendered.stdout.emit('resize');
  await settle();
  return {
    ...rendered,
    settle,
    press: async (...typed: string[]) => {
      for (const key of typed) {
        rendered.stdin.write(key);
        await settle(10);
      }
      await settle();
    },
    resize: async (next: number) => {
      width = next;
      rendered.stdout.emit('resize');
      await settle();
    },
    frame: () => rendered.lastFrame() ?? '',
  };
}

/** The longest line of a frame, in characters (escape codes removed). */
export function widest(frame: string): number {
  const plain = frame.replace(/\u001b\[[0-9;]*m/g, '');
  return Math.max(...plain.split('\n').map((line) => [...line].length));
}

/** The frame's text with every run of whitespace (wrapping included) as one space. */
export function flat(frame: string): string {
  return frame.replace(/\s+/g, ' ');
}
