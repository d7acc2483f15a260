// What `rsync --delete` removes at the destination (entries the sources lack, compared on the
// file system itself: rsync may not be installed and a dry run could reach other hosts), and
// what `--remove-source-files` removes from the sources.

import { lstatSync, readdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Invocation } from '../tools/invocation.js';

function names(dir: string): Map<string, boolean> {
  const out = new Map<string, boolean>();
  try {
    for (const e of readdirSync(dir, { withFileTypes: true })) out.set(e.name, e.isDirectory());
  } catch {
    // A source that is not a directory contributes no names.
  }
  return out;
}

/** Entries under `dest` that no source has (each a whole subtree), depth-first. */
function extraneous(sources: readonly string[], dest: string, out: string[], limit: number): void {
  const wanted = sources.map(names);
  for (const [name, isDir] of names(dest)) {
    if (out.length >= limit) return;
    const inSources = wanted.map((w) => w.get(name));
    if (!inSources.some((v) => v !== undefined)) out.push(join(dest, name));
    else if (isDir && inSources.some((v) => v === true)) {
      const below = sources.filter((_, i) => inSources[i] === true).map((s) => join(s, name));
      extraneous(below, join(dest, name), out, limit);
    } else if (isDir) out.push(join(dest, name));
  }
}

export interface RsyncPlan {
  /** Paths removed whole (subtrees at the destination). */
  deleted: string[];
  /** Source files removed one by one (--remove-source-files). */
  sourceFiles: string[];
  notes: string[];
  unknown: string[];
}

export function rsyncDeletions(inv: Invocation, cwd: string, limit: number): RsyncPlan {
  const plan: RsyncPlan = { deleted: [], sourceFiles: [], notes: [], unknown: [] };
  const base = inv.command.cwd ?? cwd;
  const words = inv.positionals;
  const abs = (p: string) => (isAbsolute(p) ? p : join(base, p));
  const remote = (p: string) => p.startsWith('rsync://') || /^[^/]*:/.test(p);
  if (words.length < 2) return plan;
  const sources = words.slice(0, -1);
  const dest = words[words.length - 1] as string;
  if (inv.facts['rsync.delete'] === true) {
    if (remote(dest) || sources.some(remote)) plan.unknown.push(`${dest} (another host)`);
    else if (inv.flags.recursive === undefined && inv.flags.archive === undefined)
      plan.notes.push('--delete without -r or -a: rsync refuses');
    else {
      // `src/` copies the contents; `src` copies the directory itself into dest.
      const contents = sources.filter((s) => s.endsWith('/')).map(abs);
      if (contents.length > 0) extraneous(contents, abs(dest), plan.deleted, limit);
      for (const s of sources.filter((s) => !s.endsWith('/'))) {
        const name = s.replace(/\/+$/, '').split('/').pop() as string;
        if (lstatSync(abs(s), { throwIfNoEntry: false })?.isDirectory())
          extraneous([abs(s)], join(abs(dest), name), plan.deleted, limit);
      }
      if (inv.flags.exclude || inv.flags.filter || inv.flags['exclude-from'])
        plan.notes.push('exclude and filter rules not applied: excluded files may be kept');
    }
  }
  if (inv.facts['rsync.remove-source-files'] === true) {
    for (const s of sources) {
      if (remote(s)) plan.unknown.push(`${s} (another host)`);
      else plan.sourceFiles.push(abs(s));
    }
  }
  return plan;
}
