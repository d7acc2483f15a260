// Per-verb facts for git: what each invocation would discard, rewrite or delete.

import type { ArgWord, SimpleCommand } from '../parse/command.js';
import { hasFlag, lastFlag, type ParsedArgv, wordText } from './argv.js';
import type { FactValue, RecognizeContext, Target } from './invocation.js';
import { resolvePath } from './paths.js';

export interface GitFacts {
  values: Record<string, FactValue>;
  shape: {
    refTargets: Target[];
    remote?: string;
    /** Paths the verb acts on. */
    pathspecs: ArgWord[];
    /** The verb acts on the whole work tree. */
    worktree: boolean;
  };
}

type FactBuilder = (p: ParsedArgv, command: SimpleCommand, ctx: RecognizeContext, out: GitFacts) => void;

const ref = (value: string, kind: 'ref' | 'branch' = 'ref'): Target => ({ kind, value });

/** Positionals after `--`, or all of them from `from` on when no `--` was written. */
function pathsAfter(p: ParsedArgv, from: number): ArgWord[] {
  if (p.dashDashAt !== undefined) return p.positionalWords.slice(p.dashDashAt);
  return p.positionalWords.slice(from);
}

function existsOnDisk(word: ArgWord, command: SimpleCommand, ctx: RecognizeContext): boolean {
  if (word.value === undefined || command.cwd === undefined) return false;
  return ctx.fs.stat(resolvePath(word.value, command.cwd, ctx.fs)) !== undefined;
}

const builders: Record<string, FactBuilder> = {
  reset(p, _c, _x, out) {
    const modes = ['hard', 'merge', 'keep', 'soft', 'mixed'].filter((m) => hasFlag(p.flags, m));
    out.values['reset.mode'] = modes[modes.length - 1] ?? 'mixed';
    if (out.values['reset.mode'] !== 'soft' && out.values['reset.mode'] !== 'mixed')
      out.shape.worktree = true;
    for (const word of p.positionalWords.slice(0, p.dashDashAt ?? 1))
      out.shape.refTargets.push(ref(wordText(word)));
  },
  checkout(p, command, ctx, out) {
    const creating = hasFlag(p.flags, 'branch', 'force-branch', 'orphan');
    // Without `--`, git treats a word as a path when it is not a ref; `.` and existing
    // files are paths, and every word after a first tree-ish is a path.
    let paths: ArgWord[];
    if (p.dashDashAt !== undefined) paths = p.positionalWords.slice(p.dashDashAt);
    else if (creating) paths = [];
    else {
      const [first, ...rest] = p.positionalWords;
      paths = rest;
      if (first !== undefined && (first.value === '.' || existsOnDisk(first, command, ctx)))
        paths = [first, ...rest];
    }
    out.shape.pathspecs = paths;
    out.values['checkout.paths'] = paths.length > 0;
    out.values['checkout.force'] = hasFlag(p.flags, 'force');
    out.values['checkout.resets-branch'] = hasFlag(p.flags, 'force-branch');
    if (hasFlag(p.flags, 'force')) out.shape.worktree = true;
    const reset = lastFlag(p.flags, 'force-branch');
    if (reset !== undefined) out.shape.refTargets.push(ref(reset, 'branch'));
  },
  switch(p, _c, _x, out) {
    out.values['switch.discards'] = hasFlag(p.flags, 'discard-changes', 'force');
    out.values['switch.resets-branch'] = hasFlag(p.flags, 'force-create');
    if (out.values['switch.discards']) out.shape.worktree = true;
    const reset = lastFlag(p.flags, 'force-create');
    if (reset !== undefined) out.shape.refTargets.push(ref(reset, 'branch'));
  },
  restore(p, _c, _x, out) {
    const staged = hasFlag(p.flags, 'staged');
    out.values['restore.worktree'] = !staged || hasFlag(p.flags, 'worktree');
    out.shape.pathspecs = pathsAfter(p, 0);
  },
  clean(p, _c, _x, out) {
    out.values['clean.force'] = hasFlag(p.flags, 'force');
    out.values['clean.dry-run'] = hasFlag(p.flags, 'dry-run');
    out.values['clean.ignored'] = hasFlag(p.flags, 'ignored', 'only-ignored');
    out.shape.pathspecs = pathsAfter(p, 0);
    if (out.shape.pathspecs.length === 0) out.shape.worktree = true;
  },
  branch(p, _c, _x, out) {
    const deleting = hasFlag(p.flags, 'delete', 'delete-force');
    out.values['branch.delete'] = deleting;
    out.values['branch.force-delete'] =
      hasFlag(p.flags, 'delete-force') || (hasFlag(p.flags, 'delete') && hasFlag(p.flags, 'force'));
    if (deleting)
      for (const word of p.positionalWords) out.shape.refTargets.push(ref(wordText(word), 'branch'));
  },
  push(p, _c, _x, out) {
    const [remote, ...refspecs] = p.positionals;
    out.shape.remote = remote;
    const v = out.values;
    v['push.force'] = hasFlag(p.flags, 'force');
    v['push.force-with-lease'] = hasFlag(p.flags, 'force-with-lease');
    v['push.mirror'] = hasFlag(p.flags, 'mirror');
    v['push.delete'] = hasFlag(p.flags, 'delete');
    v['push.prune'] = hasFlag(p.flags, 'prune');
    v['push.dry-run'] = hasFlag(p.flags, 'dry-run');
    v['push.plus-refspec'] = refspecs.some((r) => r.startsWith('+'));
    // `git push origin :branch` deletes the remote branch.
    v['push.delete-refspec'] = refspecs.some((r) => r.startsWith(':') && r.length > 1);
    for (const r of refspecs) out.shape.refTargets.push(ref(r));
  },
  reflog(p, _c, _x, out) {
    out.values['reflog.dry-run'] = hasFlag(p.flags, 'dry-run');
  },
  gc(p, _c, _x, out) {
    const prune = lastFlag(p.flags, 'prune');
    if (prune !== undefined) out.values['gc.prune'] = prune === '' ? 'default' : prune;
  },
  prune(p, _c, _x, out) {
    out.values['prune.dry-run'] = hasFlag(p.flags, 'dry-run');
  },
  'update-ref'(p, _c, _x, out) {
    out.values['update-ref.delete'] = hasFlag(p.flags, 'delete');
    if (hasFlag(p.flags, 'delete'))
      for (const r of p.positionals.slice(0, 1)) out.shape.refTargets.push(ref(r));
  },
  rm(p, _c, _x, out) {
    // Without -f git refuses to remove files with uncommitted changes; -f discards them.
    out.values['rm.force'] = hasFlag(p.flags, 'force');
    out.values['rm.cached'] = hasFlag(p.flags, 'cached');
    out.values['rm.dry-run'] = hasFlag(p.flags, 'dry-run');
    out.values['rm.recursive'] = hasFlag(p.flags, 'recursive');
    out.shape.pathspecs = pathsAfter(p, 0);
  },
  worktree(p, _c, _x, out) {
    if (p.subcommand[1] !== 'remove') return;
    out.values['worktree.force'] = hasFlag(p.flags, 'force');
    out.shape.pathspecs = p.positionalWords.slice(0, 1);
  },
};

export function gitFacts(parsed: ParsedArgv, command: SimpleCommand, ctx: RecognizeContext): GitFacts {
  const out: GitFacts = { values: {}, shape: { refTargets: [], pathspecs: [], worktree: false } };
  const verb = parsed.subcommand[0];
  const build = verb === undefined ? undefined : builders[verb];
  if (build !== undefined) build(parsed, command, ctx, out);
  return out;
}
