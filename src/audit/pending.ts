// Rows written before they are chained. A guarded command that is allowed to run records its
// row as one small file in the state directory; the next process that opens the store chains
// those files into the log, in the order they were written, before anything else.
//
// Why: opening SQLite (loading the native driver, setting up the connection) and hashing cost
// ~10 ms, which an allowed `git status` would pay on every run. Writing a file costs ~0.2 ms.
// The chain is the same either way; a row is chained within moments of being written whenever
// airlock is in use (`airlock log`, `verify`, approvals, the guarded shell, and every guarded
// command once a backlog builds up all chain what is waiting).

import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RowContent } from './canonical.js';
import { toContent } from './content.js';
import { toFailure } from './failure.js';
import type { AuditEntry, StoreFailure } from './types.js';

export const PENDING_DIR = 'audit-pending';
const SUFFIX = '.row';
const FORMAT = 'airlock-pending/1';

/** Pending rows past which the guarded command that notices chains them itself. */
export const CHAIN_BACKLOG = 64;
/**
 * A pending row older than this is chained by the next guarded command, however few wait:
 * the longest a row stays outside the chain while commands keep running, at the cost of one
 * slower command (~20 ms) per interval when they are sparse.
 */
export const CHAIN_AGE_MS = 5 * 60_000;

/**
 * Whether the rows waiting (names as listPending gives them, oldest first) are due to be
 * chained now: enough of them, or the oldest waiting too long. The age bounds how long a row
 * stays outside the hash chain while airlock is in use.
 */
export function backlogDue(
  names: readonly string[],
  now: number = Date.now(),
  threshold: number = CHAIN_BACKLOG,
): boolean {
  if (names.length >= threshold) return true;
  const oldest = names[0];
  return oldest !== undefined && now - Number(oldest.slice(0, 13)) >= CHAIN_AGE_MS;
}

let sequence = 0;

export function pendingDir(stateDir: string): string {
  return join(stateDir, PENDING_DIR);
}

/**
 * A name that sorts in write order: milliseconds since the epoch (13 digits until the year
 * 2286), then the process id and a per-process sequence number, which keep names unique.
 */
function rowName(time: Date): string {
  const ms = String(time.getTime()).padStart(13, '0');
  const seq = String(sequence++).padStart(4, '0');
  return `${ms}-${String(process.pid).padStart(7, '0')}-${seq}${SUFFIX}`;
}

export type PendingResult = { ok: true; name: string } | StoreFailure;

/**
 * Records `entry` as a pending row: redacted exactly as a stored row, written whole under a
 * temporary name and renamed into place, so a reader never sees half a row.
 */
export function writePending(stateDir: string, entry: AuditEntry, time: Date = new Date()): PendingResult {
  const dir = pendingDir(stateDir);
  const name = rowName(time);
  const temporary = join(dir, `.${name}.tmp`);
  try {
    const text = `${JSON.stringify({ format: FORMAT, content: toContent(entry, time) })}\n`;
    try {
      writeFileSync(temporary, text, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeFileSync(temporary, text, { mode: 0o600, flag: 'wx' });
    }
    renameSync(temporary, join(dir, name));
    return { ok: true, name };
  } catch (error) {
    return toFailure(error, dir);
  }
}

/** Names of the rows waiting to be chained, oldest first. */
export function listPending(stateDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(pendingDir(stateDir));
  } catch {
    return [];
  }
  return names.filter((name) => name.endsWith(SUFFIX) && !name.startsWith('.')).sort();
}

export type PendingRow = { name: string; content: RowContent } | { name: string; unreadable: string };

/** Reads one pending row; undefined when another process chained (and removed) it meanwhile. */
export function readPending(stateDir: string, name: string): PendingRow | undefined {
  let text: string;
  try {
    text = readFileSync(join(pendingDir(stateDir), name), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { name, unreadable: (error as Error).message };
  }
  try {
    const parsed = JSON.parse(text) as { format?: unknown; content?: unknown };
    if (parsed.format !== FORMAT || typeof parsed.content !== 'object' || parsed.content === null)
      return { name, unreadable: 'not a pending audit row' };
    return { name, content: parsed.content as RowContent };
  } catch {
    return { name, unreadable: 'not valid JSON' };
  }
}

/** Removes chained rows; a row already removed by another process is fine. */
export function removePending(stateDir: string, names: readonly string[]): void {
  const dir = pendingDir(stateDir);
  for (const name of names) {
    try {
      unlinkSync(join(dir, name));
    } catch {}
  }
}

/** Sets an unreadable row aside (kept for a person to look at) so it does not block the others. */
export function setAsideUnreadable(stateDir: string, name: string): string {
  const dir = pendingDir(stateDir);
  const kept = `${name}.unreadable`;
  try {
    renameSync(join(dir, name), join(dir, kept));
  } catch {}
  return join(dir, kept);
}

/** Rows set aside as unreadable (tampered with or damaged), for verify to report. */
export function listUnreadable(stateDir: string): string[] {
  try {
    return readdirSync(pendingDir(stateDir))
      .filter((name) => name.endsWith(`${SUFFIX}.unreadable`))
      .sort()
      .map((name) => join(pendingDir(stateDir), name));
  } catch {
    return [];
  }
}
