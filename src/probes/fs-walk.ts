// Counts what a recursive delete would remove: files, directories, bytes, symlinks (never
// followed, as rm does not follow them), mount points crossed; stops at a cap or a deadline.

import { type Dirent, lstatSync, opendirSync } from 'node:fs';

export interface WalkOptions {
  /** Stop counting after this many entries and say "at least". */
  cap: number;
  /** Epoch milliseconds after which counting stops. */
  deadline: number;
  /** How many paths to keep as examples. */
  maxItems: number;
  signal?: AbortSignal;
}

export interface WalkTotals {
  /** Non-directories: regular files, symlinks, sockets, fifos. */
  files: number;
  dirs: number;
  symlinks: number;
  bytes: number;
  /** Directories on another device than their parent (rm descends into them). */
  mounts: string[];
  /** Directories holding a `.git` (repositories whose history would go with them). */
  repositories: string[];
  /** Entries that could not be read (permissions). */
  unreadable: number;
  /** True when counting stopped at the cap or the deadline. */
  capped: boolean;
  items: string[];
}

export function emptyTotals(): WalkTotals {
  return {
    files: 0,
    dirs: 0,
    symlinks: 0,
    bytes: 0,
    mounts: [],
    repositories: [],
    unreadable: 0,
    capped: false,
    items: [],
  };
}

/** Yield to the event loop this often so a prompt's spinner and the deadline keep running. */
const sliceMs = 40;
const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

function countLeaf(totals: WalkTotals, path: string, size: number, isLink: boolean, max: number): void {
  totals.files++;
  totals.bytes += size;
  if (isLink) totals.symlinks++;
  if (totals.items.length < max) totals.items.push(path);
}

/**
 * Adds one path (as rm sees it: a symlink is removed, not followed) and, for a directory,
 * everything below it. Walks depth-first with an explicit stack; one lstat per entry.
 */
export async function walkPath(path: string, totals: WalkTotals, options: WalkOptions): Promise<void> {
  const top = lstatSync(path, { throwIfNoEntry: false });
  if (top === undefined) return;
  if (!top.isDirectory()) {
    countLeaf(totals, path, top.size, top.isSymbolicLink(), options.maxItems);
    return;
  }
  const stack: { dir: string; dev: number }[] = [{ dir: path, dev: top.dev }];
  totals.dirs++;
  if (totals.items.length < options.maxItems) totals.items.push(`${path}/`);
  let sliceEnd = Date.now() + sliceMs;
  let seen = 0;
  while (stack.length > 0) {
    const { dir, dev } = stack.pop() as { dir: string; dev: number };
    let handle: ReturnType<typeof opendirSync>;
    try {
      handle = opendirSync(dir, { bufferSize: 256 });
    } catch {
      totals.unreadable++;
      continue;
    }
    try {
      for (let entry: Dirent | null = handle.readSync(); entry !== null; entry = handle.readSync()) {
        const child = `${dir}/${entry.name}`;
        if ((++seen & 511) === 0) {
          const now = Date.now();
          if (
            totals.files + totals.dirs >= options.cap ||
            now >= options.deadline ||
            options.signal?.aborted
          ) {
            totals.capped = true;
            return;
          }
          if (now >= sliceEnd) {
            await yieldNow();
            sliceEnd = Date.now() + sliceMs;
          }
        }
        const stat = lstatSync(child, { throwIfNoEntry: false });
        if (stat === undefined) continue;
        if (stat.isDirectory()) {
          totals.dirs++;
          if (stat.dev !== dev) totals.mounts.push(child);
          if (entry.name === '.git') totals.repositories.push(dir);
          if (totals.items.length < options.maxItems) totals.items.push(`${child}/`);
          stack.push({ dir: child, dev: stat.dev });
        } else {
          if (entry.name === '.git') totals.repositories.push(dir);
          countLeaf(totals, child, stat.size, stat.isSymbolicLink(), options.maxItems);
        }
      }
    } finally {
      handle.closeSync();
    }
  }
}
