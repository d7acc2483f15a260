// What airlock keeps for each way back: a manifest per undo id under the trash directory,
// for files moved to the trash, git snapshots kept under refs/airlock/ID, and the saved
// manifests of objects a kubectl delete removed.

import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KubectlManifest } from './kubectl-manifests.js';

export interface TrashEntry {
  /** Where it was (absolute, as written; a symlink stays a symlink). */
  original: string;
  /** Its name inside the id's directory. */
  stored: string;
  isDirectory: boolean;
  bytes: number;
}

interface ManifestBase {
  id: string;
  createdAt: string;
  /** The command it was kept for. */
  command: string;
  cwd: string;
}

export interface TrashManifest extends ManifestBase {
  kind: 'trash';
  entries: TrashEntry[];
  bytes: number;
}

export interface GitSnapshotManifest extends ManifestBase {
  kind: 'git-snapshot';
  /** The work tree's top directory and its git directory. */
  workTree: string;
  gitDir: string;
  /** refs/airlock/ID: the snapshot commit (work tree, with the index commit as its second parent). */
  ref?: string;
  head?: string;
  /** The branch HEAD named (`refs/heads/main`), when not detached. */
  branch?: string;
  /** Stash entries and branches kept before a stash drop or a branch delete. */
  stashes?: { sha: string; message: string }[];
  branches?: { name: string; sha: string }[];
}

export type UndoManifest = TrashManifest | GitSnapshotManifest | KubectlManifest;

export function undoDir(trashDir: string, id: string): string {
  return join(trashDir, id);
}

export function writeManifest(trashDir: string, manifest: UndoManifest): void {
  const dir = undoDir(trashDir, manifest.id);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Written whole, then renamed: a crash never leaves half a manifest.
  const temp = join(dir, 'manifest.json.tmp');
  writeFileSync(temp, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, join(dir, 'manifest.json'));
}

export function readManifest(trashDir: string, id: string): UndoManifest | undefined {
  if (!/^[a-z0-9-]+$/.test(id)) return undefined;
  try {
    return JSON.parse(readFileSync(join(undoDir(trashDir, id), 'manifest.json'), 'utf8')) as UndoManifest;
  } catch {
    return undefined;
  }
}

/** Every manifest, oldest first. */
export function listManifests(trashDir: string): UndoManifest[] {
  let names: string[];
  try {
    names = readdirSync(trashDir);
  } catch {
    return [];
  }
  const out: UndoManifest[] = [];
  for (const name of names) {
    const manifest = readManifest(trashDir, name);
    if (manifest !== undefined) out.push(manifest);
  }
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** A short id that sorts by time: base-36 milliseconds and two random characters. */
export function newUndoId(now = Date.now()): string {
  const random = Math.floor(Math.random() * 36 * 36)
    .toString(36)
    .padStart(2, '0');
  return `${now.toString(36)}${random}`;
}
