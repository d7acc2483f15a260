// Whether git tracks a file, read from `.git/index` through the injected file system (no git
// process on the hot path): overwriting an untracked file loses data git cannot bring back.

import { posix } from 'node:path';
import { findGitRepo } from './git-repo.js';
import type { RecognizeContext, Target } from './invocation.js';

/** Larger indexes are not read: the answer is then "unknown", which never stops a line. */
const INDEX_LIMIT = 16 * 1024 * 1024;

/**
 * Per context object: one per options object (src/decide/evaluate.ts), which lives for one run
 * of airlock (a check, a batch, a guarded command), in which airlock itself runs nothing.
 */
const indexCache = new WeakMap<RecognizeContext, Map<string, string | undefined>>();

/** The index as text (version 2 or 3 only: version 4 compresses paths), cached per context. */
function indexText(gitDir: string, ctx: RecognizeContext): string | undefined {
  let cache = indexCache.get(ctx);
  if (cache === undefined) {
    cache = new Map();
    indexCache.set(ctx, cache);
  }
  if (cache.has(gitDir)) return cache.get(gitDir);
  const file = `${gitDir}/index`;
  const size = ctx.fs.stat(file)?.size;
  let text = size === undefined || size > INDEX_LIMIT ? undefined : ctx.fs.readText(file, size);
  if (text !== undefined && !(text.startsWith('DIRC\0\0\0\u0002') || text.startsWith('DIRC\0\0\0\u0003')))
    text = undefined;
  cache.set(gitDir, text);
  return text;
}

/**
 * An index entry is the 2-byte flags word (name length in the low 12 bits), the path, then
 * NUL padding. Decoded as UTF-8 the flags read as these characters (a lone high byte is U+FFFD).
 */
function entryPattern(relative: string): string {
  const length = Math.min(Buffer.byteLength(relative), 0xfff);
  const flags = Buffer.from([length >> 8, length & 0xff]).toString('utf8');
  return `${flags}${relative}\0`;
}

/**
 * True when the target is an existing regular file inside a git work tree whose index does not
 * list it. Undefined when that cannot be told (no repository, unreadable or unusual index).
 */
export function isUntracked(target: Target, ctx: RecognizeContext): boolean | undefined {
  const path = target.resolved;
  if (path === undefined || target.exists !== true || target.isDirectory === true) return undefined;
  const repo = findGitRepo(posix.dirname(path), ctx.fs);
  if (repo === undefined) return undefined;
  const root = ctx.fs.realpath(repo.root) ?? repo.root;
  if (!path.startsWith(`${root}/`)) return undefined;
  const relative = path.slice(root.length + 1);
  if (relative.split('/').includes('.git')) return undefined;
  const index = indexText(repo.gitDir, ctx);
  if (index === undefined) return undefined;
  return !index.includes(entryPattern(relative));
}
