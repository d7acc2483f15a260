// airlock's trash: deleted paths are moved (renamed on the same file system, copied then
// removed across file systems) under trash/<id>/, with a manifest of where they were.

import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { emptyTotals, walkPath } from '../probes/fs-walk.js';
import { copyTree } from './copy-tree.js';
import {
  listManifests,
  newUndoId,
  type TrashEntry,
  type TrashManifest,
  undoDir,
  writeManifest,
} from './manifest.js';

export interface TrashRequest {
  trashDir: string;
  /** Paths as written (absolute); a symlink is moved as a link. */
  paths: readonly string[];
  command: string;
  cwd: string;
  /** The trash's limit in bytes (config undo.trashLimit). */
  limitBytes: number;
  id?: string;
  /** Only where a rename works (same file system): never copy a tree just because it was allowed. */
  renameOnly?: boolean;
  now?: Date;
}

export type TrashResult =
  | { ok: true; manifest: TrashManifest }
  | { ok: false; reason: 'limit' | 'error' | 'other-device'; message: string; failed?: string };

/** Bytes the trash holds now, from the manifests. */
export function trashBytes(trashDir: string): number {
  return listManifests(trashDir).reduce((n, m) => n + (m.kind === 'trash' ? m.bytes : 0), 0);
}

/** Bytes under a path (links not followed). */
export async function sizeOf(path: string): Promise<number> {
  const totals = emptyTotals();
  await walkPath(path, totals, {
    cap: Number.POSITIVE_INFINITY,
    deadline: Number.POSITIVE_INFINITY,
    maxItems: 0,
  });
  return totals.bytes;
}

/** The system's cp, by absolute path: a shim for cp must not judge airlock's own copy. */
const systemCp = ['/usr/bin/cp', '/bin/cp'].find((p) => existsSync(p));

/**
 * Copies keeping everything: `cp -a` keeps times to the nanosecond (Node's utimes takes float
 * seconds and loses the last digits) and extended attributes; copyTree when cp is missing.
 */
function copyAcross(from: string, to: string): void {
  if (systemCp !== undefined) {
    const result = spawnSync(systemCp, ['-a', '--', from, to], { stdio: ['ignore', 'ignore', 'pipe'] });
    if (result.status === 0) return;
    rmSync(to, { recursive: true, force: true });
  }
  copyTree(from, to);
}

/** Moves a path, renaming when it can and copying across file systems. */
export function movePath(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    try {
      copyAcross(from, to);
    } catch (copyError) {
      rmSync(to, { recursive: true, force: true });
      throw copyError;
    }
    rmSync(from, { recursive: true, force: true });
  }
}

/**
 * Moves every path into a new trash entry. Refuses (moving nothing) when the trash would
 * grow past its limit: the caller then asks or reports, and never deletes silently.
 */
export async function moveToTrash(request: TrashRequest): Promise<TrashResult> {
  if (request.renameOnly) {
    mkdirSync(request.trashDir, { recursive: true, mode: 0o700 });
    const device = lstatSync(request.trashDir).dev;
    const away = request.paths.find((p) => lstatSync(p, { throwIfNoEntry: false })?.dev !== device);
    if (away !== undefined)
      return {
        ok: false,
        reason: 'other-device',
        message: `${away} is on another file system than the trash`,
        failed: away,
      };
  }
  const sizes = await Promise.all(request.paths.map(sizeOf));
  const bytes = sizes.reduce((a, b) => a + b, 0);
  const held = trashBytes(request.trashDir);
  if (held + bytes > request.limitBytes) {
    return {
      ok: false,
      reason: 'limit',
      message: `the trash holds ${held} bytes and this adds ${bytes}: over its limit of ${request.limitBytes} bytes (airlock trash empty --older-than 7d frees space)`,
    };
  }
  const id = request.id ?? newUndoId();
  const dir = undoDir(request.trashDir, id);
  mkdirSync(join(dir, 'files'), { recursive: true, mode: 0o700 });
  const manifest: TrashManifest = {
    kind: 'trash',
    id,
    createdAt: (request.now ?? new Date()).toISOString(),
    command: request.command,
    cwd: request.cwd,
    entries: [],
    bytes: 0,
  };
  for (const [index, path] of request.paths.entries()) {
    const stored = `files/${index}`;
    const entry: TrashEntry = {
      original: path,
      stored,
      isDirectory: lstatSync(path).isDirectory(),
      bytes: sizes[index] ?? 0,
    };
    try {
      movePath(path, join(dir, stored));
    } catch (error) {
      writeManifest(request.trashDir, manifest);
      return { ok: false, reason: 'error', message: (error as Error).message, failed: path };
    }
    manifest.entries.push(entry);
    manifest.bytes += entry.bytes;
    // Recorded after each move: an interrupted run still knows what it holds.
    writeManifest(request.trashDir, manifest);
  }
  return { ok: true, manifest };
}

export type RestoreResult =
  | { ok: true; restored: string[] }
  | { ok: false; conflicts: string[]; message: string };

/** Puts every entry back where it was; refuses, restoring nothing, if any place is taken. */
export function restoreFromTrash(trashDir: string, manifest: TrashManifest): RestoreResult {
  const conflicts = manifest.entries
    .filter((e) => existsSync(e.original) || lstatSync(e.original, { throwIfNoEntry: false }) !== undefined)
    .map((e) => e.original);
  if (conflicts.length > 0) {
    return {
      ok: false,
      conflicts,
      message: 'something exists where these were; move it away, then undo again',
    };
  }
  const dir = undoDir(trashDir, manifest.id);
  const restored: string[] = [];
  for (const entry of manifest.entries) {
    mkdirSync(dirname(entry.original), { recursive: true });
    movePath(join(dir, entry.stored), entry.original);
    restored.push(entry.original);
  }
  rmSync(dir, { recursive: true, force: true });
  return { ok: true, restored };
}
