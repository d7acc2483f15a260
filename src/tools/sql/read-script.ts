// Reads a SQL file for `-f`, `\i`, `source`, `.read` and `<` redirects: text only, and
// bounded, so a 50 MB dump or a binary file gives a clear "unknown" instead of a stall.

import type { FsView } from '../invocation.js';

/** Largest SQL file airlock reads and parses before each command (10 MB). */
export const MAX_SQL_FILE_BYTES = 10 * 1024 * 1024;

export type SqlFileRead = { ok: true; text: string } | { ok: false; reason: string };

export function readSqlFile(fs: FsView, path: string, limit = MAX_SQL_FILE_BYTES): SqlFileRead {
  const stat = fs.stat(path);
  if (stat === undefined) return { ok: false, reason: `${path} does not exist` };
  if (stat.isDirectory) return { ok: false, reason: `${path} is a directory` };
  if (stat.size > limit)
    return {
      ok: false,
      reason: `${path} is ${Math.round(stat.size / 1048576)} MB, larger than the ${limit / 1048576} MB airlock reads`,
    };
  const text = fs.readText(path, limit);
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
