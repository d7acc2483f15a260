// Reads a SQL file for `-f`, `\i`, `source`, `.read` and `<` redirects: text only, and
// bounded, so a 50 MB dump or a binary file gives a clear "unknown" instead of a stall.

import type { FsView } from '../invocation.js';

/** Largest SQL file airlock reads and parses before each command: parsing 1 MB takes ~0.5 s. */
export const MAX_SQL_FILE_BYTES = 1024 * 1024;

export type SqlFileRead = { ok: true; text: string } | { ok: false; reason: string };

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1048576) * 10) / 10} MB`;
}

/** Device, process and kernel files: `-f /dev/stdin` would read (and steal) the caller's input. */
function isSpecialPath(path: string): boolean {
  return path.startsWith('/dev/') || path.startsWith('/proc/') || path.startsWith('/sys/');
}

export function readSqlFile(fs: FsView, path: string, limit = MAX_SQL_FILE_BYTES): SqlFileRead {
  // Judge the file a symlink points at: its size, its type, its place.
  const real = fs.realpath(path) ?? path;
  if (isSpecialPath(path) || isSpecialPath(real))
    return { ok: false, reason: `${path} is a device or process file, not a SQL script` };
  const stat = fs.stat(real);
  if (stat === undefined) return { ok: false, reason: `${path} does not exist` };
  if (stat.isDirectory) return { ok: false, reason: `${path} is a directory` };
  if (stat.size > limit)
    return {
      ok: false,
      reason: `${path} is ${megabytes(stat.size)}, larger than the ${megabytes(limit)} airlock reads ahead`,
    };
  // Pipes and devices report size 0, and opening a FIFO blocks until someone writes to it.
  if (stat.size === 0)
    return { ok: false, reason: `${path} is empty, or a pipe or device whose text cannot be read ahead` };
  const text = fs.readText(real, stat.size);
  if (text === undefined) return { ok: false, reason: `${path} cannot be read` };
  // A NUL byte or an invalid UTF-8 sequence (decoded as U+FFFD) means this is not SQL text.
  if (text.includes('\u0000') || text.includes('\ufffd'))
    return { ok: false, reason: `${path} is not a text file` };
  return { ok: true, text };
}

/** The ReadScript shape the script walkers take. */
export function readScriptFile(fs: FsView, path: string): string | undefined {
  const read = readSqlFile(fs, path);
  return read.ok ? read.text : undefined;
}

/** A client's settings file (pg_service.conf, my.cnf), read under the same guards. */
export function readSettingsFile(fs: FsView, path: string, limit: number): string | undefined {
  const read = readSqlFile(fs, path, limit);
  return read.ok ? read.text : undefined;
}
