// Finds project config files from the cwd up to the root with a few stat calls, so the hot
// path loads no config library when there is nothing to load.

import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The names cosmiconfig's synchronous search tries for module `airlock`, in its order. */
export const projectConfigNames: readonly string[] = [
  'package.json',
  '.airlockrc',
  '.airlockrc.json',
  '.airlockrc.yaml',
  '.airlockrc.yml',
  '.airlockrc.js',
  '.airlockrc.cjs',
  '.config/airlockrc',
  '.config/airlockrc.json',
  '.config/airlockrc.yaml',
  '.config/airlockrc.yml',
  '.config/airlockrc.js',
  '.config/airlockrc.cjs',
  'airlock.config.js',
  'airlock.config.cjs',
];

/** Names cosmiconfig knows but a synchronous loader cannot read (TypeScript, ES module only). */
export const unsupportedConfigNames: readonly string[] = [
  '.airlockrc.ts',
  '.airlockrc.mjs',
  '.config/airlockrc.ts',
  '.config/airlockrc.mjs',
  'airlock.config.ts',
  'airlock.config.mjs',
];

// Plain concatenation: path.join normalizes and costs more than the stat calls themselves.
function inDir(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

function existing(dir: string, names: readonly string[], into: string[]): void {
  let hasConfigDir: boolean | undefined;
  for (const name of names) {
    if (name.startsWith('.config/')) {
      hasConfigDir ??= existsSync(inDir(dir, '.config'));
      if (!hasConfigDir) continue;
    }
    const file = inDir(dir, name);
    if (existsSync(file)) into.push(file);
  }
}

/** Every directory from `cwd` up to the file system root, innermost first. */
function ancestors(cwd: string): string[] {
  const dirs = [cwd];
  for (let dir = cwd, parent = dirname(cwd); parent !== dir; dir = parent, parent = dirname(parent)) {
    dirs.push(parent);
  }
  return dirs;
}

/**
 * Config files in `cwd` and every directory above it, in the order to apply them: outer
 * directories first, and in each directory the file cosmiconfig would pick last. All of them
 * apply (each may only tighten), so a nested or extra file cannot hide a stricter one.
 */
export function findProjectConfigFiles(cwd: string, names: readonly string[] = projectConfigNames): string[] {
  const files: string[] = [];
  for (const dir of ancestors(resolve(cwd))) existing(dir, names, files);
  return files.reverse();
}

/** Files that look like airlock config but cannot be loaded, for `config check`. */
export function findUnsupportedConfigFiles(cwd: string): string[] {
  return findProjectConfigFiles(cwd, unsupportedConfigNames);
}
