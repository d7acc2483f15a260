// A bounded walk of a project's files for init, doctor and scan: no symlinks followed, the
// usual dependency and build directories skipped, and a cap so a huge tree stays quick.

import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Directories that hold dependencies, build output or tool state, never the project's own files. */
const skippedDirs: ReadonlySet<string> = new Set([
  '.git',
  'node_modules',
  '.terraform',
  '.venv',
  'venv',
  '__pycache__',
  'vendor',
  'dist',
  'build',
  'target',
  'coverage',
  '.next',
  '.nuxt',
  '.cache',
  '.tox',
  '.gradle',
  '.idea',
]);

export interface ProjectFile {
  /** Absolute path. */
  path: string;
  /** Relative to the walk's root, with `/` separators. */
  rel: string;
  name: string;
}

export interface WalkOptions {
  maxFiles?: number;
  maxDepth?: number;
  /** Directory names to enter even though they are normally skipped. */
  include?: readonly string[];
}

/** Every regular file under `root`, in a stable order (sorted per directory). */
export function walkProject(root: string, options: WalkOptions = {}): ProjectFile[] {
  const maxFiles = options.maxFiles ?? 20_000;
  const maxDepth = options.maxDepth ?? 12;
  const include = new Set(options.include ?? []);
  const out: ProjectFile[] = [];
  const visit = (dir: string, depth: number): void => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (out.length >= maxFiles) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth < maxDepth && (!skippedDirs.has(entry.name) || include.has(entry.name))) {
          visit(path, depth + 1);
        }
      } else if (entry.isFile()) {
        out.push({ path, rel: relative(root, path).split('\\').join('/'), name: entry.name });
      }
    }
  };
  visit(root, 0);
  return out;
}
