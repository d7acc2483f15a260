// Before git throws work away (reset --hard, checkout --, restore, clean, stash drop, branch -D):
// keep the work tree and index, untracked files included, as a commit under refs/airlock/ID,
// and put them back on `airlock undo ID`.

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { GitSnapshotManifest } from './manifest.js';

type Env = Readonly<Record<string, string | undefined>>;

const emptyTree = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

export interface GitCall {
  ok: boolean;
  stdout: string;
  stderr: string;
}

/** Runs the real git (the caller resolves it past the shims) with an optional index file. */
export function runGit(git: string, cwd: string, env: Env, args: string[], indexFile?: string): GitCall {
  const result = spawnSync(git, args, {
    cwd,
    env: {
      ...env,
      ...(indexFile ? { GIT_INDEX_FILE: indexFile } : {}),
      AIRLOCK_PROBE: '1',
    } as NodeJS.ProcessEnv,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    ok: result.status === 0,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? result.error?.message ?? '',
  };
}

function must(call: GitCall, what: string): string {
  if (!call.ok) throw new Error(`${what}: ${call.stderr.trim().split('\n')[0]}`);
  return call.stdout.trim();
}

export interface SnapshotRequest {
  git: string;
  /** The directory git runs in (after -C). */
  cwd: string;
  env: Env;
  id: string;
  command: string;
  /** Also keep ignored files (git clean -x / -X removes them). */
  includeIgnored: boolean;
  now?: Date;
}

/** A temporary index seeded from the real one, so `git add -A` only hashes what changed. */
function withTempIndex<T>(gitDir: string, work: (indexFile: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-index-'));
  const indexFile = join(dir, 'index');
  try {
    if (existsSync(join(gitDir, 'index'))) copyFileSync(join(gitDir, 'index'), indexFile);
    return work(indexFile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function snapshotWorktree(request: SnapshotRequest): GitSnapshotManifest {
  const { git, cwd, env } = request;
  const g = (args: string[], index?: string) => runGit(git, cwd, env, args, index);
  const workTree = must(g(['rev-parse', '--show-toplevel']), 'not in a git work tree');
  const gitDirRaw = must(g(['rev-parse', '--git-dir']), 'no git directory');
  const gitDir = isAbsolute(gitDirRaw) ? gitDirRaw : resolve(cwd, gitDirRaw);
  const headCall = g(['rev-parse', '--verify', '-q', 'HEAD']);
  const head = headCall.ok ? headCall.stdout.trim() : undefined;
  const branchCall = g(['symbolic-ref', '-q', 'HEAD']);
  const branch = branchCall.ok ? branchCall.stdout.trim() : undefined;
  // An index with unresolved conflicts cannot be written as a tree: keep HEAD's in its place.
  const written = g(['write-tree']);
  const indexTree = written.ok
    ? written.stdout.trim()
    : head
      ? must(g(['rev-parse', `${head}^{tree}`]), 'HEAD tree')
      : emptyTree;
  const worktreeTree = withTempIndex(gitDir, (index) => {
    must(
      runGit(
        git,
        workTree,
        env,
        ['add', '-A', ...(request.includeIgnored ? ['--force'] : []), '--', '.'],
        index,
      ),
      'the work tree cannot be saved',
    );
    return must(runGit(git, workTree, env, ['write-tree'], index), 'the work tree cannot be saved');
  });
  const parents = head ? ['-p', head] : [];
  const message = `airlock snapshot ${request.id}: ${request.command}`;
  const indexCommit = must(
    g(['commit-tree', indexTree, ...parents, '-m', `${message} (index)`]),
    'commit-tree',
  );
  const snapshot = must(
    g(['commit-tree', worktreeTree, ...parents, '-p', indexCommit, '-m', message]),
    'commit-tree',
  );
  const ref = `refs/airlock/${request.id}`;
  must(g(['update-ref', '-m', message, ref, snapshot]), 'update-ref');
  return {
    kind: 'git-snapshot',
    id: request.id,
    createdAt: (request.now ?? new Date()).toISOString(),
    command: request.command,
    cwd,
    workTree,
    gitDir,
    ref,
    head,
    branch,
  };
}

export type GitRestoreResult =
  | { ok: true; restored: number }
  | { ok: false; conflicts: string[]; message: string };

function nameList(out: string): string[] {
  return out.split('\0').filter((p) => p !== '');
}

/**
 * Puts the snapshot's files and index back and moves the branch back to where it was.
 * Files changed since the command ran (differing from both HEAD and the snapshot) are
 * conflicts: nothing is touched unless `force`.
 */
export function restoreSnapshot(
  git: string,
  env: Env,
  manifest: GitSnapshotManifest,
  force = false,
): GitRestoreResult {
  if (manifest.ref === undefined) return { ok: true, restored: 0 };
  const cwd = manifest.workTree;
  const g = (args: string[], index?: string) => runGit(git, cwd, env, args, index);
  const snapshot = must(
    g(['rev-parse', '--verify', `${manifest.ref}^{commit}`]),
    `snapshot ${manifest.ref} is gone`,
  );
  const indexTree = must(g(['rev-parse', `${snapshot}^2^{tree}`]), 'snapshot index');
  const current = withTempIndex(manifest.gitDir, (index) => {
    must(runGit(git, cwd, env, ['add', '-A', '--', '.'], index), 'reading the work tree');
    return must(runGit(git, cwd, env, ['write-tree'], index), 'reading the work tree');
  });
  const headNow = g(['rev-parse', '--verify', '-q', 'HEAD^{tree}']).stdout.trim() || emptyTree;
  const fromSnapshot = new Set(
    nameList(must(g(['diff-tree', '-r', '-z', '--name-only', snapshot, current]), 'diff')),
  );
  const indexNow = g(['write-tree']).stdout.trim() || headNow;
  const fromIndex = new Set(
    nameList(must(g(['diff-tree', '-r', '-z', '--name-only', indexNow, current]), 'diff')),
  );
  // Changed since the command ran: differs from all the command could have written (HEAD's or
  // the index's version) and from the snapshot.
  const changedSince = new Set(
    nameList(must(g(['diff-tree', '-r', '-z', '--name-only', headNow, current]), 'diff')).filter(
      (p) => fromSnapshot.has(p) && fromIndex.has(p),
    ),
  );
  if (!force && changedSince.size > 0)
    return {
      ok: false,
      conflicts: [...changedSince],
      message: 'these files changed after the command ran; undo would overwrite them (--force to overwrite)',
    };
  // Files the command created (absent from the snapshot, untouched since) go again.
  const created = nameList(
    must(g(['diff-tree', '-r', '-z', '--diff-filter=A', '--name-only', snapshot, current]), 'diff'),
  );
  for (const path of created) if (!changedSince.has(path)) rmSync(join(cwd, path), { force: true });
  // The branch first: a reset to an older commit moved it.
  if (manifest.head !== undefined) {
    if (manifest.branch !== undefined)
      must(
        g(['update-ref', '-m', `airlock undo ${manifest.id}`, manifest.branch, manifest.head]),
        'moving the branch back',
      );
    else must(g(['update-ref', '--no-deref', 'HEAD', manifest.head]), 'moving HEAD back');
  }
  const files = withTempIndex(manifest.gitDir, (index) => {
    must(runGit(git, cwd, env, ['read-tree', snapshot], index), 'read-tree');
    must(runGit(git, cwd, env, ['checkout-index', '-a', '-f'], index), 'writing the files back');
    return nameList(must(runGit(git, cwd, env, ['ls-files', '-z'], index), 'ls-files')).length;
  });
  must(g(['read-tree', indexTree]), 'restoring the index');
  g(['update-index', '-q', '--refresh']);
  return { ok: true, restored: files };
}
