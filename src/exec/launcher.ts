// Recognizes airlock's own launcher scripts wherever they are installed, so a PATH search never
// picks a shim (or airlock itself) as "the real binary" and recurses.

import { closeSync, openSync, readSync, realpathSync } from 'node:fs';

/** Header lines the launchers in bin/ carry; a shim is a symlink that resolves to one of them. */
const LAUNCHER_MARKERS = ['\n# airlock launcher', '\n# airlock-sh:'];
const HEAD_BYTES = 256;

/** Realpath of `path`, or undefined when it does not resolve (dangling link, missing file). */
export function realpathOrUndefined(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

/** Whether the text at the start of a file is one of airlock's launcher scripts. */
export function hasLauncherMarker(head: string): boolean {
  if (!head.startsWith('#!')) return false;
  for (const marker of LAUNCHER_MARKERS) if (head.includes(marker)) return true;
  return false;
}

function readHead(path: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    return buffer.toString('latin1', 0, n);
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Whether the file at `path` is airlock: its realpath is one of the known launcher realpaths, or
 * the file it resolves to starts like a launcher script. The marker check catches shims of another
 * airlock install (another version, another prefix) whose launcher path we were not told about.
 */
export function isAirlockLauncher(path: string, launcherRealpaths: ReadonlySet<string>): boolean {
  const real = realpathOrUndefined(path);
  if (real === undefined) return false;
  if (launcherRealpaths.has(real)) return true;
  return hasLauncherMarker(readHead(real));
}

/** Realpaths of the given launcher paths, skipping those that do not exist. */
export function launcherRealpathSet(launcherPaths: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const path of launcherPaths) {
    const real = realpathOrUndefined(path);
    if (real !== undefined) set.add(real);
  }
  return set;
}

/** A file that marks a whole directory as airlock shims; a PATH search skips such directories. */
export const SHIM_DIR_MARKER = '.airlock-shims';
