// Manages the shim directory: one symlink per guarded program, each pointing at airlock's
// launcher, which reads the name it was called by. Never touches a file airlock did not make.

import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmdirSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isAirlockLauncher, launcherRealpathSet, realpathOrUndefined, SHIM_DIR_MARKER } from './launcher.js';
import { findRealBinary, type RealBinary } from './resolve.js';

export { shimPathLine } from './shim-path-line.js';

/** The guarded shell under its own name, for harnesses that take a shell path. */
export const AIRLOCK_SH = 'airlock-sh';

/**
 * Names that cannot be shims. bin/airlock runs `node` and `readlink` through PATH, so a shim of
 * either would make the launcher start itself forever (before any JavaScript could count hops).
 */
const RESERVED_NAMES: ReadonlyMap<string, string> = new Map([
  ['airlock', 'would shadow airlock itself'],
  [AIRLOCK_SH, 'is created by airlock itself'],
  ['node', 'the launcher runs node through PATH; a node shim would start the launcher forever'],
  ['readlink', 'the launcher runs readlink through PATH; a readlink shim would loop forever'],
]);

export type ShimProblem = { name: string; path: string; message: string };

export type InstallResult = {
  created: string[];
  /** Already a link to this launcher. */
  kept: string[];
  /** Was a link to another airlock launcher (an older install) and now points at this one. */
  updated: string[];
  problems: ShimProblem[];
};

export type InstallOptions = { dir: string; programs: readonly string[]; launcherPath: string };

function problemWithName(name: string): string | undefined {
  if (name === '' || name === '.' || name === '..' || name.includes('/') || name.includes('\0'))
    return 'is not a program name';
  return RESERVED_NAMES.get(name);
}

/** Whether `path` is a link airlock made: it resolves to a launcher, or dangles towards one. */
export function isAirlockShim(path: string, launchers: ReadonlySet<string> = new Set()): boolean {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (stat === undefined || !stat.isSymbolicLink()) return false;
  if (isAirlockLauncher(path, launchers)) return true;
  // A shim left behind by an uninstalled airlock dangles; its target still names the launcher.
  if (existsSync(path)) return false;
  const target = basename(readlinkSync(path));
  return target === 'airlock' || target === AIRLOCK_SH;
}

function linkTarget(name: string, launcherPath: string): string {
  if (name !== AIRLOCK_SH) return launcherPath;
  const sibling = join(dirname(launcherPath), AIRLOCK_SH);
  return existsSync(sibling) ? sibling : launcherPath;
}

/** Points `path` at `target` atomically (a new link renamed over the old one). */
function replaceLink(path: string, target: string): void {
  const temporary = `${path}.airlock-${process.pid}`;
  symlinkSync(target, temporary);
  renameSync(temporary, path);
}

/**
 * The marker says the directory is airlock's; its second line names the launcher the shims
 * link to, which the launcher reads instead of starting a readlink process on every command.
 */
function writeMarker(path: string, launcher: string): void {
  const text = `airlock shim directory: managed by \`airlock shims\`\nlauncher: ${launcher}\n`;
  let current: string | undefined;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== text) writeFileSync(path, text);
}

/** Creates the shims (idempotent). A file of the same name that airlock did not make is left alone. */
export function installShims(options: InstallOptions): InstallResult {
  const dir = resolve(options.dir);
  const launcherPath = resolve(options.launcherPath);
  const launchers = launcherRealpathSet([launcherPath, join(dirname(launcherPath), AIRLOCK_SH)]);
  const result: InstallResult = { created: [], kept: [], updated: [], problems: [] };
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  writeMarker(join(dir, SHIM_DIR_MARKER), realpathOrUndefined(launcherPath) ?? launcherPath);

  const names = [...new Set(options.programs)].sort();
  names.push(AIRLOCK_SH);
  for (const name of names) {
    const path = join(dir, name);
    const nameProblem = name === AIRLOCK_SH ? undefined : problemWithName(name);
    if (nameProblem !== undefined) {
      result.problems.push({ name, path, message: `${name}: ${nameProblem}; no shim made` });
      continue;
    }
    const target = linkTarget(name, launcherPath);
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (stat === undefined) {
      symlinkSync(target, path);
      result.created.push(name);
    } else if (!isAirlockShim(path, launchers)) {
      result.problems.push({ name, path, message: `${path} exists and is not an airlock shim; left alone` });
    } else if (readlinkSync(path) === target) {
      result.kept.push(name);
    } else {
      replaceLink(path, target);
      result.updated.push(name);
    }
  }
  return result;
}

export type UninstallResult = { removed: string[]; leftAlone: string[] };

/** Removes airlock's links (and the directory, when nothing else is in it). */
export function uninstallShims(options: { dir: string; launcherPaths?: readonly string[] }): UninstallResult {
  const dir = resolve(options.dir);
  const launchers = launcherRealpathSet(options.launcherPaths ?? []);
  const result: UninstallResult = { removed: [], leftAlone: [] };
  if (!existsSync(dir)) return result;
  for (const name of readdirSync(dir).sort()) {
    if (name === SHIM_DIR_MARKER) continue;
    const path = join(dir, name);
    if (isAirlockShim(path, launchers)) {
      unlinkSync(path);
      result.removed.push(name);
    } else {
      result.leftAlone.push(name);
    }
  }
  if (result.leftAlone.length === 0) {
    unlinkSync(join(dir, SHIM_DIR_MARKER));
    rmdirSync(dir);
  }
  return result;
}

export type ShimEntry = {
  name: string;
  path: string;
  /** Where the link points (the launcher). */
  target: string;
  /** The program this shim runs; undefined for airlock-sh, which runs airlock's guarded shell. */
  real?: RealBinary;
};

/** Each shim in `dir` and the real binary it would run under `env`. */
export function listShims(options: {
  dir: string;
  env: NodeJS.ProcessEnv;
  launcherPaths?: readonly string[];
}): ShimEntry[] {
  const dir = resolve(options.dir);
  const launchers = launcherRealpathSet(options.launcherPaths ?? []);
  if (!existsSync(dir)) return [];
  const entries: ShimEntry[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (name === SHIM_DIR_MARKER || !isAirlockShim(path, launchers)) continue;
    const entry: ShimEntry = { name, path, target: readlinkSync(path) };
    if (name !== AIRLOCK_SH)
      entry.real = findRealBinary(name, options.env, {
        shimDirs: [dir],
        launcherPaths: options.launcherPaths ?? [],
      });
    entries.push(entry);
  }
  return entries;
}
