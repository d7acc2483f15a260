// Finds the repository a git command acts on and its current branch, by reading
// `.git/HEAD` through the injected file system (no git process on the hot path).

import { dirname, isAbsolute, join } from 'node:path';
import type { FsView } from './invocation.js';

export interface GitRepo {
  /** The work tree's top directory. */
  root: string;
  gitDir: string;
}

export function findGitRepo(cwd: string, fs: FsView): GitRepo | undefined {
  let dir = cwd;
  for (let i = 0; i < 64; i++) {
    const dotGit = join(dir, '.git');
    const stat = fs.stat(dotGit);
    if (stat !== undefined) {
      if (stat.isDirectory) return { root: dir, gitDir: dotGit };
      // A linked work tree or submodule: `.git` is a file saying `gitdir: …`.
      const text = fs.readText(dotGit, 4096);
      const match = text?.match(/^gitdir:\s*(.+?)\s*$/m);
      if (match?.[1] !== undefined) {
        const gitDir = isAbsolute(match[1]) ? match[1] : join(dir, match[1]);
        return { root: dir, gitDir };
      }
      return { root: dir, gitDir: dotGit };
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

/** The checked-out branch name, or undefined (detached HEAD, unreadable). */
export function currentBranch(gitDir: string, fs: FsView): string | undefined {
  const head = fs.readText(join(gitDir, 'HEAD'), 1024);
  const match = head?.match(/^ref:\s*refs\/heads\/(.+?)\s*$/m);
  return match?.[1];
}
