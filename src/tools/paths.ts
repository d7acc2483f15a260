// Turns argv words into path targets: resolved against the command's cwd, through
// symlinks where the path (or its nearest existing parent) exists.

import { isAbsolute, posix } from 'node:path';
import type { ArgWord, SimpleCommand } from '../parse/command.js';
import { foundTarget } from './find-selection.js';
import type { FsView, RecognizeContext, Target, TargetKind } from './invocation.js';

/**
 * The real location of a path: realpath when it exists, else realpath of its nearest
 * existing ancestor plus the rest, so `node_modules/x` under a symlink to /etc is /etc/x.
 */
export function resolvePath(path: string, cwd: string, fs: FsView): string {
  const joined = isAbsolute(path) ? path : `${cwd}/${path}`;
  const real = fs.realpath(joined);
  if (real !== undefined) return real;
  const normal = posix.normalize(joined);
  const parts = normal.split('/');
  for (let keep = parts.length - 1; keep > 0; keep--) {
    const head = parts.slice(0, keep).join('/') || '/';
    const headReal = fs.realpath(head);
    if (headReal !== undefined) return posix.join(headReal, ...parts.slice(keep));
  }
  return normal;
}

/** The directory part of a glob before its first wildcard component (`src/*.ts` → `src`). */
export function globContainer(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const part of parts) {
    if (hasWildcard(part)) break;
    fixed.push(part);
  }
  if (fixed.length === parts.length) fixed.pop();
  const joined = fixed.join('/');
  if (joined === '' && pattern.startsWith('/')) return '/';
  return joined === '' ? '.' : joined;
}

function hasWildcard(part: string): boolean {
  for (let i = 0; i < part.length; i++) {
    const c = part[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

const deviceExempt = [
  '/dev/null',
  '/dev/zero',
  '/dev/random',
  '/dev/urandom',
  '/dev/stdout',
  '/dev/stderr',
  '/dev/stdin',
];

/** True for paths that name a terminal or a harmless sink rather than data. */
export function isHarmlessDevice(path: string): boolean {
  return (
    deviceExempt.includes(path) ||
    path === '/dev/tty' ||
    path.startsWith('/dev/tty') ||
    path.startsWith('/dev/pts/') ||
    path.startsWith('/dev/fd/')
  );
}

/**
 * A whole disk rather than a partition: `/dev/sda`, `/dev/nvme0n1`, `/dev/vda`, `/dev/xvdf`,
 * `/dev/mmcblk0`, macOS `/dev/disk2` and `/dev/rdisk2`. Judged by name, whether or not the
 * device exists here: the line may run on another machine, and the name is the intent.
 */
export function isWholeDisk(path: string): boolean {
  if (!path.startsWith('/dev/')) return false;
  const name = path.slice(5);
  return /^(?:[shv]d[a-z]{1,2}|xvd[a-z]{1,2}|nvme\d+n\d+|mmcblk\d+|r?disk\d+)$/.test(name);
}

/** A path target from one argv word (or a fixed string such as `.`). */
export function pathTarget(
  word: ArgWord | string,
  command: SimpleCommand,
  ctx: RecognizeContext,
  extra?: Partial<Target>,
): Target {
  const value = typeof word === 'string' ? word : word.value;
  const cwd = command.cwd;
  if (value === undefined) {
    const w = word as ArgWord;
    if (w.pattern !== undefined) {
      const target: Target = { kind: 'path', pattern: w.pattern, dynamic: w.dynamic ?? 'glob', ...extra };
      if (isAbsolute(w.pattern) || cwd !== undefined) {
        target.resolved = resolvePath(globContainer(w.pattern), cwd ?? '/', ctx.fs);
      }
      return target;
    }
    return (
      foundTarget(command, ctx) ?? {
        kind: 'path',
        dynamic: w.dynamic ?? 'not known before it runs',
        ...extra,
      }
    );
  }
  if (!isAbsolute(value) && cwd === undefined) {
    return { kind: 'path', value, dynamic: 'the working directory is not known', ...extra };
  }
  const resolved = resolvePath(value, cwd ?? '/', ctx.fs);
  const stat = ctx.fs.stat(resolved);
  const kind: TargetKind = resolved.startsWith('/dev/') && !isHarmlessDevice(resolved) ? 'device' : 'path';
  return {
    kind,
    value,
    resolved,
    exists: stat !== undefined,
    isDirectory: stat?.isDirectory ?? false,
    ...extra,
  };
}

/** Paths targets for every word. */
export function pathTargets(
  words: readonly ArgWord[],
  command: SimpleCommand,
  ctx: RecognizeContext,
): Target[] {
  return words.map((w) => pathTarget(w, command, ctx));
}
