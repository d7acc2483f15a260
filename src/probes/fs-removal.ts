// The measurement shared by every way of deleting files (rm, find -delete, rsync --delete,
// git clean): walk what goes, split it by git status, and say whether it can come back.

import { lstatSync } from 'node:fs';
import { atLeast, formatBytes, formatCount } from './fs-format.js';
import { realLocation, splitByGit } from './fs-git-split.js';
import { emptyTotals, walkPath } from './fs-walk.js';
import type { Measurement, ProbeContext } from './types.js';

/** Entries counted before saying "at least". */
export const walkCap = 200_000;

export interface RemovalOptions {
  /** Directories go with everything below them (rm -r); false: each path alone (find lists all). */
  recurse: boolean;
  /** Notes to add to the summary (operands rm would refuse, targets not known…). */
  notes?: string[];
  /** Paths the measurement could not resolve (dynamic targets). */
  unknown?: string[];
}

export type ProbeResult = Omit<Measurement, 'probe' | 'status'> & { status?: 'done' | 'unknown' };

function isInside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith('/') ? root : `${root}/`);
}

function leafTotals(paths: readonly string[], maxItems: number) {
  const totals = emptyTotals();
  for (const path of paths) {
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (stat === undefined) continue;
    if (stat.isDirectory()) totals.dirs++;
    else {
      totals.files++;
      totals.bytes += stat.size;
      if (stat.isSymbolicLink()) totals.symlinks++;
    }
    if (totals.items.length < maxItems) totals.items.push(path);
  }
  return totals;
}

export async function measureRemoval(
  paths: readonly string[],
  ctx: ProbeContext,
  options: RemovalOptions,
): Promise<ProbeResult> {
  // git runs in its own process while this one walks.
  const split = splitByGit(ctx, paths);
  const deadline = Date.now() + Math.max(100, ctx.timeoutMs * 0.7);
  let totals = emptyTotals();
  if (options.recurse) {
    for (const path of paths) {
      if (totals.capped) break;
      await walkPath(path, totals, { cap: walkCap, deadline, maxItems: ctx.maxItems, signal: ctx.signal });
    }
  } else totals = leafTotals(paths, ctx.maxItems);
  const git = await split;

  const outside = paths.filter((p) => !isInside(realLocation(p), ctx.projectRoot));
  const counts: Record<string, number> = {
    files: totals.files,
    dirs: totals.dirs,
    bytes: totals.bytes,
    symlinks: totals.symlinks,
    tracked: git.tracked,
    untracked: git.untracked,
    ignored: git.ignored,
    modified: git.modified,
    outsideProject: outside.length,
    mounts: totals.mounts.length,
    repositories: totals.repositories.length,
  };
  const more = atLeast(totals.capped);
  const parts = [
    `${more}${formatCount(totals.files, 'file')}, ${formatCount(totals.dirs, 'dir')}, ${more}${formatBytes(totals.bytes)}`,
  ];
  if (git.repos.length > 0) {
    const changed = git.modified > 0 ? ` (${git.modified} with uncommitted changes)` : '';
    parts.push(`${git.tracked} tracked${changed}, ${git.untracked} untracked, ${git.ignored} ignored`);
  }
  if (git.outsideGit.length > 0 && git.repos.length > 0)
    parts.push(`${git.outsideGit.length} paths outside git`);
  else if (git.outsideGit.length > 0) parts.push('not in git');
  if (outside.length > 0) parts.push(`${formatCount(outside.length, 'path')} outside the project`);
  if (totals.mounts.length > 0) parts.push(`crosses ${formatCount(totals.mounts.length, 'mount point')}`);
  if (totals.repositories.length > 0)
    parts.push(
      `deletes ${formatCount(totals.repositories.length, 'git repository', 'git repositories')} with history`,
    );
  if (totals.symlinks > 0) parts.push(`${formatCount(totals.symlinks, 'symlink')} removed, not followed`);
  for (const note of options.notes ?? []) parts.push(note);
  if ((options.unknown ?? []).length > 0) parts.push(`not measured: ${options.unknown?.join(', ')}`);

  const allInGit = git.outsideGit.length === 0 && git.repos.length > 0 && git.problems.length === 0;
  const cleanTracked =
    allInGit &&
    git.untracked === 0 &&
    git.ignored === 0 &&
    git.modified === 0 &&
    totals.repositories.length === 0;
  const nothing = totals.files === 0 && totals.dirs === 0;
  return {
    summary: nothing
      ? `nothing to delete${parts.length > 1 ? `; ${parts.slice(1).join('; ')}` : ''}`
      : parts.join('; '),
    counts,
    capped: totals.capped,
    items: [
      ...totals.mounts.map((m) => `mount point: ${m}`),
      ...git.modifiedItems.map((m) => `uncommitted: ${m}`),
      ...outside.map((o) => `outside the project: ${o}`),
      ...totals.items,
    ].slice(0, ctx.maxItems),
    recoverability:
      (options.unknown ?? []).length > 0
        ? 'unknown'
        : nothing || cleanTracked
          ? 'recoverable'
          : 'not recoverable',
    recovery: nothing
      ? 'nothing is lost'
      : cleanTracked
        ? 'every file is committed: restore with git checkout -- PATHS'
        : notRecoverableWhy(git, totals.repositories.length),
    reason: git.problems.length > 0 ? git.problems.join('; ') : undefined,
  };
}

function notRecoverableWhy(git: Awaited<ReturnType<typeof splitByGit>>, repositories: number): string {
  const why: string[] = [];
  if (git.repos.length === 0) why.push('the files are not in git');
  if (git.untracked + git.ignored > 0)
    why.push(`${formatCount(git.untracked + git.ignored, 'file')} not in git`);
  if (git.modified > 0) why.push(`${formatCount(git.modified, 'file')} with uncommitted changes`);
  if (repositories > 0) why.push('repository history is deleted');
  return `${why.join('; ') || 'not all files are in git'}; rm deletes for good`;
}
