// Remembers parsed YAML config files by their stat stamp, so the hot path loads the YAML
// library (about 25 ms) only after a config file changes. The cache holds parsed data,
// not decisions: validation and the project-may-only-tighten check still run every time.

import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigFileContent } from './read-file.js';

interface CacheEntry {
  stamp: string;
  data: unknown;
  lines: [string, number][];
  problems: ConfigFileContent['problems'];
}

interface CacheFile {
  version: 1;
  entries: Record<string, CacheEntry>;
}

export interface ParseCache {
  /** The file's stat stamp, and its parsed content when the cache holds it for that stamp. */
  lookup(file: string): { stamp?: string; content?: ConfigFileContent };
  /** Stores content read after `stamp` was taken, so a concurrent edit is never cached as current. */
  store(file: string, stamp: string, content: ConfigFileContent): void;
  /** Writes the cache back if anything was added; failures are ignored (the cache is optional). */
  save(): void;
}

/** Enough for every project a person works in; the oldest entries go first. */
const maxEntries = 200;

function stampOf(file: string): string | undefined {
  const stat = statSync(file, { bigint: true, throwIfNoEntry: false });
  return stat ? `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}` : undefined;
}

function readCacheFile(path: string): CacheFile {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
    if (parsed.version === 1 && typeof parsed.entries === 'object' && parsed.entries !== null) return parsed;
  } catch {
    // Missing or corrupt: start over.
  }
  return { version: 1, entries: {} };
}

export function openParseCache(stateDir: string): ParseCache {
  const path = join(stateDir, 'config-cache.json');
  let cache: CacheFile | undefined;
  let dirty = false;
  const load = () => {
    cache ??= readCacheFile(path);
    return cache;
  };
  return {
    lookup(file) {
      const stamp = stampOf(file);
      const entry = load().entries[file];
      if (stamp === undefined || !entry || entry.stamp !== stamp) return { stamp };
      return { stamp, content: { data: entry.data, lines: new Map(entry.lines), problems: entry.problems } };
    },
    store(file, stamp, content) {
      const entries = load().entries;
      delete entries[file];
      entries[file] = { stamp, data: content.data, lines: [...content.lines], problems: content.problems };
      const names = Object.keys(entries);
      for (const name of names.slice(0, Math.max(0, names.length - maxEntries))) delete entries[name];
      dirty = true;
    },
    save() {
      if (!dirty || !cache) return;
      try {
        mkdirSync(stateDir, { recursive: true, mode: 0o700 });
        const temporary = `${path}.${process.pid}.tmp`;
        writeFileSync(temporary, JSON.stringify(cache), { mode: 0o600 });
        renameSync(temporary, path);
        dirty = false;
      } catch {
        // A read-only or full state directory only costs the next run a re-parse.
      }
    },
  };
}
