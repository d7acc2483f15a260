// `airlock undo ID` and the trash's housekeeping: restore what an id kept, list the ids,
// and empty old ones (their refs/airlock refs go with them). Files and git refs are put back
// synchronously; saved kubectl manifests are re-created on their cluster (restoreUndo).

import { rmSync } from 'node:fs';
import { restoreSnapshot, runGit } from './git-snapshot.js';
import { restoreKeptRefs } from './keep-refs.js';
import { listManifests, readManifest, type UndoManifest, undoDir } from './manifest.js';
import { restoreFromTrash } from './trash.js';

type Env = Readonly<Record<string, string | undefined>>;

export interface UndoContext {
  trashDir: string;
  env: Env;
  /** The real git, past the shims. */
  git: string;
  /** Shim directories to skip when finding kubectl. */
  shimDirs?: readonly string[];
}

export type UndoResult =
  | { ok: true; manifest: UndoManifest; restored: string[] | number; warning?: string }
  | {
      ok: false;
      reason: 'unknown-id' | 'conflicts' | 'failed';
      message: string;
      conflicts?: string[];
      /** What was restored before the conflicts stopped it, and what cannot come back. */
      restored?: string[];
      warning?: string;
    };

/** Removes an id's refs/airlock refs, if it has any. */
function dropRefs(ctx: UndoContext, manifest: UndoManifest): void {
  if (manifest.kind !== 'git-snapshot') return;
  const refs = runGit(ctx.git, manifest.workTree, ctx.env, [
    'for-each-ref',
    '--format=%(refname)',
    `refs/airlock/${manifest.id}`,
  ]);
  const names = refs.stdout.split('\n').filter((r) => r !== '');
  if (manifest.ref !== undefined && !names.includes(manifest.ref)) names.push(manifest.ref);
  for (const ref of names) runGit(ctx.git, manifest.workTree, ctx.env, ['update-ref', '-d', ref]);
}

export function undoById(ctx: UndoContext, id: string, force = false): UndoResult {
  const manifest = readManifest(ctx.trashDir, id);
  if (manifest === undefined)
    return {
      ok: false,
      reason: 'unknown-id',
      message: `no undo with id ${id} (airlock trash list shows them)`,
    };
  try {
    if (manifest.kind === 'kubectl-manifests')
      return {
        ok: false,
        reason: 'failed',
        message: 'saved kubectl manifests are re-created by restoreUndo',
      };
    if (manifest.kind === 'trash') {
      const result = restoreFromTrash(ctx.trashDir, manifest);
      if (!result.ok)
        return { ok: false, reason: 'conflicts', message: result.message, conflicts: result.conflicts };
      return { ok: true, manifest, restored: result.restored };
    }
    if (manifest.stashes !== undefined || manifest.branches !== undefined) {
      const kept = restoreKeptRefs(ctx.git, ctx.env, manifest);
      if (kept.conflicts.length > 0)
        return {
          ok: false,
          reason: 'conflicts',
          message: 'refusing to overwrite',
          conflicts: kept.conflicts,
        };
      dropRefs(ctx, manifest);
      rmSync(undoDir(ctx.trashDir, id), { recursive: true, force: true });
      return { ok: true, manifest, restored: kept.restored };
    }
    const result = restoreSnapshot(ctx.git, ctx.env, manifest, force);
    if (!result.ok)
      return { ok: false, reason: 'conflicts', message: result.message, conflicts: result.conflicts };
    dropRefs(ctx, manifest);
    rmSync(undoDir(ctx.trashDir, id), { recursive: true, force: true });
    return { ok: true, manifest, restored: result.restored };
  } catch (error) {
    return { ok: false, reason: 'failed', message: (error as Error).message };
  }
}

/** Every kind of undo: the cluster ones asynchronously, the rest as undoById. */
export async function restoreUndo(ctx: UndoContext, id: string, force = false): Promise<UndoResult> {
  const manifest = readManifest(ctx.trashDir, id);
  if (manifest?.kind !== 'kubectl-manifests') return undoById(ctx, id, force);
  try {
    const { recreateKubectlObjects } = await import('./kubectl-undo.js');
    const result = await recreateKubectlObjects(ctx, manifest);
    if (result.conflicts.length > 0 || result.failed.length > 0)
      return {
        ok: false,
        reason: result.conflicts.length > 0 ? 'conflicts' : 'failed',
        message:
          result.conflicts.length > 0
            ? `refusing to overwrite objects that exist again (re-created ${result.created.length})`
            : `kubectl create failed (re-created ${result.created.length})`,
        conflicts: [...result.conflicts, ...result.failed],
        restored: result.created,
        warning: result.warning,
      };
    rmSync(undoDir(ctx.trashDir, id), { recursive: true, force: true });
    return { ok: true, manifest, restored: result.created, warning: result.warning };
  } catch (error) {
    return { ok: false, reason: 'failed', message: (error as Error).message };
  }
}

export function listUndos(trashDir: string): UndoManifest[] {
  return listManifests(trashDir);
}

/** Deletes ids older than `olderThanMs` (all with 0); returns what was removed. */
export function emptyTrash(ctx: UndoContext, olderThanMs: number, now = new Date()): UndoManifest[] {
  const removed: UndoManifest[] = [];
  for (const manifest of listManifests(ctx.trashDir)) {
    if (now.getTime() - Date.parse(manifest.createdAt) < olderThanMs) continue;
    dropRefs(ctx, manifest);
    rmSync(undoDir(ctx.trashDir, manifest.id), { recursive: true, force: true });
    removed.push(manifest);
  }
  return removed;
}
