// Before `git stash drop/clear` and `git branch -D`: keep the commits under refs/airlock/ID so
// `airlock undo ID` can store the stashes or recreate the branches.

import { runGit } from './git-snapshot.js';
import type { GitSnapshotManifest } from './manifest.js';

type Env = Readonly<Record<string, string | undefined>>;

interface KeepRequest {
  git: string;
  cwd: string;
  env: Env;
  id: string;
  command: string;
  now?: Date;
}

function location(request: KeepRequest) {
  const g = (args: string[]) => runGit(request.git, request.cwd, request.env, args);
  const workTree = g(['rev-parse', '--show-toplevel']).stdout.trim() || request.cwd;
  const gitDir = g(['rev-parse', '--absolute-git-dir']).stdout.trim();
  return { g, workTree, gitDir };
}

/** Keeps the stash entries a drop (one, default stash@{0}) or a clear (all) removes. */
export function keepStashes(request: KeepRequest, which: string | undefined): GitSnapshotManifest {
  const { g, workTree, gitDir } = location(request);
  const listed = g(['stash', 'list', '--format=%gd%x00%H%x00%gs'])
    .stdout.split('\n')
    .filter((l) => l !== '');
  const wanted = which === undefined ? undefined : /^\d+$/.test(which) ? `stash@{${which}}` : which;
  const stashes = listed
    .map((l) => l.split('\0') as [string, string, string])
    .filter(([name, sha]) => wanted === undefined || name === wanted || sha.startsWith(wanted))
    .map(([, sha, message]) => ({ sha, message }));
  for (const [i, s] of stashes.entries()) g(['update-ref', `refs/airlock/${request.id}/stash-${i}`, s.sha]);
  return {
    kind: 'git-snapshot',
    id: request.id,
    createdAt: (request.now ?? new Date()).toISOString(),
    command: request.command,
    cwd: request.cwd,
    workTree,
    gitDir,
    stashes,
  };
}

/** Keeps the tips of branches a `branch -D` deletes. */
export function keepBranches(request: KeepRequest, names: readonly string[]): GitSnapshotManifest {
  const { g, workTree, gitDir } = location(request);
  const branches: { name: string; sha: string }[] = [];
  for (const name of names) {
    const tip = g(['rev-parse', '--verify', '-q', `refs/heads/${name}`]);
    if (!tip.ok) continue;
    const sha = tip.stdout.trim();
    g(['update-ref', `refs/airlock/${request.id}/branch-${branches.length}`, sha]);
    branches.push({ name, sha });
  }
  return {
    kind: 'git-snapshot',
    id: request.id,
    createdAt: (request.now ?? new Date()).toISOString(),
    command: request.command,
    cwd: request.cwd,
    workTree,
    gitDir,
    branches,
  };
}

/** Stores the stashes back and recreates the branches; a branch that exists again is a conflict. */
export function restoreKeptRefs(
  git: string,
  env: Env,
  manifest: GitSnapshotManifest,
): { restored: number; conflicts: string[] } {
  const g = (args: string[]) => runGit(git, manifest.workTree, env, args);
  const conflicts = (manifest.branches ?? [])
    .filter((b) => g(['rev-parse', '--verify', '-q', `refs/heads/${b.name}`]).ok)
    .map((b) => `branch ${b.name} exists`);
  if (conflicts.length > 0) return { restored: 0, conflicts };
  let restored = 0;
  // Oldest first, so the newest ends up as stash@{0} again.
  for (const s of [...(manifest.stashes ?? [])].reverse())
    if (g(['stash', 'store', '-m', s.message, s.sha]).ok) restored++;
  for (const b of manifest.branches ?? []) if (g(['branch', b.name, b.sha]).ok) restored++;
  return { restored, conflicts: [] };
}
