// Builds recognizer input the way the pipeline does: a real parse of a line.

import { analyzeLine } from '../../src/parse/analyze.js';
import type { ArgWord } from '../../src/parse/command.js';
import { recognize } from '../../src/tools/index.js';
import type { FsView, Invocation, RecognizeContext } from '../../src/tools/invocation.js';
import { memoryFs } from '../../src/tools/memory-fs.js';

export const cwd = '/home/user/project';
export const env = { HOME: '/home/user', PATH: '/usr/bin:/bin' };

export function contextFor(fs: FsView, over: Partial<RecognizeContext> = {}): RecognizeContext {
  return {
    env,
    cwd,
    home: env.HOME,
    projectRoot: cwd,
    airlockPaths: ['/home/user/.config/airlock'],
    fs,
    ...over,
  };
}

export function recognizeLine(line: string, files: string[] = []): Invocation[] {
  const fs = memoryFs([`${cwd}/`, ...files], cwd);
  const analysis = analyzeLine(line, { env, cwd, readFile: () => undefined });
  const ctx = contextFor(fs);
  return analysis.commands.flatMap((c) => recognize(c, ctx).invocations);
}

/** Static argv words for grammar tests; `$X` stands for a word known only at run time. */
export function words(...texts: string[]): ArgWord[] {
  return texts.map((text) =>
    text.startsWith('$')
      ? { text, dynamic: `${text} is not set`, span: { start: 0, end: 0 } }
      : { text, value: text, span: { start: 0, end: 0 } },
  );
}
