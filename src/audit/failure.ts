// Turns what SQLite and the file system throw into a StoreFailure the caller can act on.

import type { StoreFailure, StoreFailureReason } from './types.js';

function reasonFor(code: string): StoreFailureReason {
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'locked';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG')
    return 'disk-full';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return 'corrupt';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'read-only';
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_AUTH'))
    return 'unavailable';
  if (code === 'ENOTDIR' || code === 'EEXIST' || code === 'EACCES' || code === 'EPERM' || code === 'ENOENT')
    return 'unavailable';
  if (code === 'MODULE_NOT_FOUND' || code === 'ERR_DLOPEN_FAILED') return 'driver';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'io';
  return 'internal';
}

const advice: Record<StoreFailureReason, string> = {
  locked: 'another process held the audit store longer than the busy timeout',
  'disk-full': 'the disk holding the audit store is full',
  corrupt: 'the audit store is not a readable SQLite database',
  'read-only': 'the audit store is on a read-only file system or file',
  unavailable: 'the audit store cannot be opened or created there',
  driver: 'the SQLite driver (better-sqlite3) could not be loaded',
  io: 'an I/O error occurred writing the audit store',
  internal: 'an unexpected error occurred in the audit store',
};

export function toFailure(error: unknown, path: string): StoreFailure {
  const code =
    typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
      ? (error as { code: string }).code
      : undefined;
  const reason = code ? reasonFor(code) : 'internal';
  const detail = error instanceof Error ? error.message : String(error);
  const failure: StoreFailure = { ok: false, reason, message: `${advice[reason]}: ${detail}`, path };
  if (code) failure.code = code;
  return failure;
}
