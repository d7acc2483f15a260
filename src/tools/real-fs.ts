// The real file system as recognizers see it: synchronous, read-only, and silent about errors.

import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import type { FsView } from './invocation.js';

function readText(path: string, limit: number): string | undefined {
  let fd: number | undefined;
  try {
    // Non-blocking open, then only regular files: opening a named pipe would wait for a writer
    // forever, and /dev/stdin would read the caller's own input.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > limit) return undefined;
    // Sized to the file, not the limit: a 64 MB limit must not cost a 64 MB allocation.
    const buffer = Buffer.alloc(Math.min(limit, stat.size) + 1);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
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
