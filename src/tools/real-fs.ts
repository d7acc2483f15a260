// The real file system as recognizers see it: synchronous, read-only, and silent about errors.

import { closeSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import type { FsView } from './invocation.js';

function readText(path: string, limit: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(limit + 1);
    const length = readSync(fd, buffer, 0, limit + 1, 0);
    // Larger than the limit: callers asked for small files only.
    if (length > limit) return undefined;
    return buffer.toString('utf8', 0, length);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export const realFs: FsView = {
  realpath(path) {
    try {
      return realpathSync(path);
    } catch {
      return undefined;
    }
  },
  stat(path) {
    try {
      const stat = lstatSync(path, { throwIfNoEntry: false });
      if (stat === undefined) return undefined;
      return { isDirectory: stat.isDirectory(), isSymlink: stat.isSymbolicLink(), size: stat.size };
    } catch {
      // ENAMETOOLONG, ENOTDIR, EACCES…: a path that cannot be looked at is treated as missing.
      return undefined;
    }
  },
  readText,
};
