// What unwrapping one wrapper (`sudo`, `env`, `xargs`…) yields.

import type { Span } from './ast.js';
import type { ArgWord, Origin, Wrapper } from './command.js';

export interface EnvEdit {
  /** `env -i`: nothing inherited. */
  clear?: boolean;
  set?: Record<string, string | undefined>;
  unset?: string[];
}

export type UnwrapStep =
  /** Not a wrapper, or a wrapper without a command (`sudo -v`, `env`): the program itself runs. */
  | { kind: 'none' }
  /** The wrapped command, as argv. */
  | {
      kind: 'inner';
      argv: ArgWord[];
      wrapper: Wrapper;
      env?: EnvEdit;
      /** `env -C dir`, `sudo -D dir`; `undefined` path: the directory is unknown (chroot). */
      cwd?: { path: string | undefined };
      origin?: Origin;
      /** Words holding this token are filled in at run time (`xargs -I {}`). */
      placeholder?: { token: string; reason: string };
    }
  /** The wrapper runs a shell command string (`watch 'a; b'`, `flock f -c '…'`, `parallel 'rm {}'`). */
  | {
      kind: 'script';
      text?: string;
      dynamic?: string;
      span: Span;
      wrapper: Wrapper;
      origin: Origin;
      placeholder?: { token: string; reason: string };
    }
  /** An option of the wrapper is not known statically, so where the command starts is unknown. */
  | { kind: 'stuck'; reason: string; wrapper: Wrapper };

/** A word the line did not spell out (the `echo` xargs runs by default, the shell of `sudo -s`). */
export function syntheticWord(value: string, near: ArgWord): ArgWord {
  return { text: value, value, span: near.span };
}

/** Joins words into one shell command string, the way `watch`, `ssh` and `eval` do. */
export function joinWords(words: readonly ArgWord[]): { text?: string; dynamic?: string; span: Span } {
  const first = words[0];
  const last = words[words.length - 1];
  const span: Span =
    first && last
      ? { start: first.span.start, end: Math.max(first.span.end, last.span.end) }
      : { start: 0, end: 0 };
  const pieces: string[] = [];
  for (const word of words) {
    if (word.dynamic !== undefined) return { dynamic: `${word.text}: ${word.dynamic}`, span };
    pieces.push(word.value ?? word.pattern ?? '');
  }
  return { text: pieces.join(' '), span };
}
