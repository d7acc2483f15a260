// A digest of a tree for round-trip tests: every entry's type, mode, mtime, size and sha256
// (symlinks by their target), so "identical" means byte- and stat-identical.

import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

export function treeDigest(root: string, rel = ''): string[] {
  const out: string[] = [];
  const path = join(root, rel);
  const stat = lstatSync(path);
  const mode = (stat.mode & 0o7777).toString(8);
  // Microseconds: a copy across file systems keeps times to what the utimes call can carry.
  const mtime = Math.round(stat.mtimeMs * 1000);
  if (stat.isSymbolicLink()) out.push(`${rel} link ${readlinkSync(path)}`);
  else if (stat.isDirectory()) {
    out.push(`${rel}/ dir ${mode} ${mtime}`);
    for (const name of readdirSync(path).sort()) out.push(...treeDigest(root, join(rel, name)));
  } else {
    const sha = createHash('sha256').update(readFileSync(path)).digest('hex');
    out.push(`${rel} file ${mode} ${mtime} ${stat.size} ${sha}`);
  }
  return out;
}
