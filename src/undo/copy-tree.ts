// Copies a tree across file systems keeping what a rename would keep: modes, times,
// symlinks as links (never followed), and owners when running as root.

import {
  chmodSync,
  copyFileSync,
  lchownSync,
  lstatSync,
  lutimesSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  symlinkSync,
  utimesSync,
} from 'node:fs';
import { join } from 'node:path';

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export function copyTree(from: string, to: string): void {
  const stat = lstatSync(from);
  if (stat.isSymbolicLink()) {
    symlinkSync(readlinkSync(from), to);
    if (asRoot) lchownSync(to, stat.uid, stat.gid);
    lutimesSync(to, stat.atimeMs / 1000, stat.mtimeMs / 1000);
    return;
  }
  if (stat.isDirectory()) {
    mkdirSync(to, { mode: 0o700 });
    for (const name of readdirSync(from)) copyTree(join(from, name), join(to, name));
  } else if (stat.isFile()) {
    copyFileSync(from, to);
  } else {
    throw Object.assign(new Error(`${from}: not a regular file, directory or symlink`), { code: 'ENOTSUP' });
  }
  if (asRoot) lchownSync(to, stat.uid, stat.gid);
  // Mode and times last: a read-only directory must still receive its contents.
  chmodSync(to, stat.mode & 0o7777);
  utimesSync(to, stat.atimeMs / 1000, stat.mtimeMs / 1000);
}
