// An in-memory file system for rule examples and tests: a list of paths, where a
// trailing `/` marks a directory and `link -> target` a symlink.

import { posix } from 'node:path';
import type { FsView } from './invocation.js';

type Entry = { kind: 'file'; text: string } | { kind: 'dir' } | { kind: 'link'; to: string };

/**
 * Builds a file system from entries such as `src/`, `notes.txt`, `node_modules -> /etc`,
 * `.git/HEAD = ref: refs/heads/main`. Relative paths are taken from `base`; parents exist.
 */
export function memoryFs(entries: readonly string[], base = '/'): FsView {
  const table = new Map<string, Entry>([['/', { kind: 'dir' }]]);
  const addParents = (path: string) => {
    for (let dir = posix.dirname(path); !table.has(dir); dir = posix.dirname(dir))
      table.set(dir, { kind: 'dir' });
  };
  for (const raw of entries) {
    const arrow = raw.indexOf(' -> ');
    const equals = raw.indexOf(' = ');
    const name = arrow !== -1 ? raw.slice(0, arrow) : equals !== -1 ? raw.slice(0, equals) : raw;
    const path = posix.resolve(base, name);
    addParents(path);
    if (arrow !== -1) {
      const to = posix.resolve(posix.dirname(path), raw.slice(arrow + 4));
      table.set(path, { kind: 'link', to });
      // A link points at something that exists unless declared otherwise: a directory.
      if (!table.has(to)) {
        addParents(to);
        table.set(to, { kind: 'dir' });
      }
    } else if (name.endsWith('/')) table.set(path, { kind: 'dir' });
    else table.set(path, { kind: 'file', text: equals !== -1 ? `${raw.slice(equals + 3)}\n` : '' });
  }

  const realpath = (path: string): string | undefined => {
    let current = '/';
    const parts = path.split('/').filter((p) => p !== '' && p !== '.');
    for (let hops = 0, i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (part === '..') {
        current = posix.dirname(current);
        continue;
      }
      const next = posix.join(current, part);
      const entry = table.get(next);
      if (entry === undefined) return undefined;
      if (entry.kind === 'link') {
        if (++hops > 40) return undefined;
        const resolved = realpath(entry.to);
        if (resolved === undefined) return undefined;
        current = resolved;
      } else current = next;
    }
    return current;
  };

  return {
    realpath,
    stat(path) {
      const parent = realpath(posix.dirname(posix.resolve('/', path)));
      if (parent === undefined) return undefined;
      const entry = table.get(posix.join(parent, posix.basename(path)));
      if (entry === undefined)
        return posix.resolve('/', path) === '/'
          ? { isDirectory: true, isSymlink: false, size: 0 }
          : undefined;
      return {
        isDirectory: entry.kind === 'dir',
        isSymlink: entry.kind === 'link',
        size: entry.kind === 'file' ? entry.text.length : 0,
      };
    },
    readText(path, limit) {
      const real = realpath(path);
      const entry = real === undefined ? undefined : table.get(real);
      if (entry?.kind !== 'file' || entry.text.length > limit) return undefined;
      return entry.text;
    },
  };
}
