// The file-tree probe: what `find … -delete` and `rsync --delete` remove, and how many
// entries a recursive chmod/chown/chgrp changes.

import type { Invocation } from '../tools/invocation.js';
import { formatCount } from './fs-format.js';
import { measureRemoval, type ProbeResult, walkCap } from './fs-removal.js';
import { rsyncDeletions } from './fs-rsync.js';
import { emptyTotals, walkPath } from './fs-walk.js';
import { registerProbe } from './registry.js';
import { pathOperands } from './rm-tree.js';
import type { Probe, ProbeContext } from './types.js';

/** Actions that write, run or print: with any of them the listing run is not safe or not clean. */
const otherActions = new Set([
  '-exec',
  '-execdir',
  '-ok',
  '-okdir',
  '-fprint',
  '-fprint0',
  '-fprintf',
  '-fls',
  '-print',
  '-print0',
  '-printf',
  '-ls',
]);

async function measureFindDelete(inv: Invocation, ctx: ProbeContext): Promise<ProbeResult> {
  const argv = inv.command.argv.slice(1);
  const dynamic = argv.find((w) => w.value === undefined);
  if (dynamic !== undefined) throw new Error(`find argument ${dynamic.text} is only known when it runs`);
  const args = argv.map((w) => w.value as string);
  const action = args.find((a) => otherActions.has(a));
  if (action !== undefined) throw new Error(`find expression also uses ${action}: not run to measure`);
  // The same expression, listing instead of deleting.
  const listing = args.map((a) => (a === '-delete' ? '-print0' : a));
  const result = await ctx.exec('find', listing, { cwd: inv.command.cwd ?? ctx.cwd });
  const base = inv.command.cwd ?? ctx.cwd;
  const found = result.stdout.split('\0').filter((p) => p !== '');
  const paths = found
    .slice(0, walkCap)
    .map((p) => (p.startsWith('/') ? p : `${base}/${p}`.replace(/\/\.\//g, '/')));
  const removal = await measureRemoval(paths, ctx, { recurse: false });
  const capped = found.length > walkCap || result.truncated;
  return {
    ...removal,
    capped: capped || removal.capped,
    summary: `find -delete removes ${capped ? 'at least ' : ''}${removal.summary}`,
  };
}

async function measureRsync(inv: Invocation, ctx: ProbeContext): Promise<ProbeResult> {
  const plan = rsyncDeletions(inv, ctx.cwd, walkCap);
  const removal = await measureRemoval(plan.deleted, ctx, {
    recurse: true,
    notes: plan.notes,
    unknown: plan.unknown,
  });
  if (plan.sourceFiles.length === 0)
    return { ...removal, summary: `rsync --delete removes ${removal.summary}` };
  const sources = emptyTotals();
  for (const s of plan.sourceFiles)
    await walkPath(s, sources, { cap: walkCap, deadline: Date.now() + ctx.timeoutMs / 3, maxItems: 0 });
  return {
    ...removal,
    summary: `${removal.summary}; --remove-source-files removes ${sources.capped ? 'at least ' : ''}${formatCount(sources.files, 'source file')} once copied`,
    counts: { ...removal.counts, sourceFiles: sources.files },
  };
}

async function measurePermissions(inv: Invocation, ctx: ProbeContext): Promise<ProbeResult> {
  const operands = pathOperands(inv, ctx.cwd);
  const totals = emptyTotals();
  const deadline = Date.now() + ctx.timeoutMs * 0.8;
  for (const p of operands.paths)
    await walkPath(p, totals, { cap: walkCap, deadline, maxItems: ctx.maxItems, signal: ctx.signal });
  const more = totals.capped ? 'at least ' : '';
  return {
    summary: `changes ${more}${formatCount(totals.files, 'file')} and ${formatCount(totals.dirs, 'dir')}${totals.mounts.length > 0 ? `, crossing ${formatCount(totals.mounts.length, 'mount point')}` : ''}`,
    counts: { files: totals.files, dirs: totals.dirs },
    capped: totals.capped,
    items: totals.items,
    recoverability: 'not recoverable',
    recovery: 'the previous modes and owners are not saved',
  };
}

export const fileTreeProbe: Probe = {
  name: 'file-tree',
  measure(subject, ctx) {
    const inv = subject.invocation;
    if (inv.tool === 'find') return measureFindDelete(inv, ctx);
    if (inv.tool === 'rsync') return measureRsync(inv, ctx);
    return measurePermissions(inv, ctx);
  },
};

registerProbe(fileTreeProbe);
