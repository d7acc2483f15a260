// The execute stage's side of undo: before an approved (or trash-bound) command runs, keep
// the way back. `rm` is replaced by airlock's move to the trash; git first snapshots;
// terraform, kubectl and psql are handled in prepare-infra.ts.

import { lstatSync, mkdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Evaluation } from '../decide/evaluate.js';
import { findRealBinary } from '../exec/resolve.js';
import { gitLocation } from '../probes/git-run.js';
import type { BlastRadius } from '../probes/types.js';
import type { Invocation } from '../tools/invocation.js';
import { snapshotWorktree } from './git-snapshot.js';
import { keepBranches, keepStashes } from './keep-refs.js';
import { writeManifest } from './manifest.js';
import { rollbackLine, type UndoPlan } from './plan.js';
import { parseRmArgs, rmToTrash, stdinAsk } from './rm-to-trash.js';

export interface PrepareContext {
  plan: UndoPlan;
  evaluation: Evaluation;
  /** The program's arguments (argv without the program). */
  args: string[];
  command: string;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  trashDir: string;
  shimDirs: string[];
  limitBytes: number;
  /** A person approved it: a full trash then stops it instead of deleting without undo. */
  approved: boolean;
  stderr?: (text: string) => void;
  stdout?: (text: string) => void;
  /** The program as typed (`terraform` or `tofu`). */
  program?: string;
  /** The raw environment the real program would get (launcher variables included). */
  runEnv?: NodeJS.ProcessEnv;
  /** The blast radius the person approved: terraform's plan file, psql's row count. */
  approvedBlast?: BlastRadius;
  /** airlock's plan directory (data/plans): only plan files inside it are applied. */
  plansDir?: string;
}

export type Prepared =
  /** airlock ran it itself (rm to the trash). */
  | { kind: 'ran'; exitCode: number; note: string }
  /** The way back is kept; run the real program. */
  | { kind: 'prepared'; note: string }
  /** No way back could be kept, or what would run is not what was approved: not run (or rolled back). */
  | { kind: 'refused'; note: string; exitCode?: number };

/** True when every existing operand is on the trash's file system (a rename moves it). */
function renamable(operands: readonly string[], cwd: string, trashDir: string): boolean {
  mkdirSync(trashDir, { recursive: true, mode: 0o700 });
  const device = lstatSync(trashDir).dev;
  return operands.every((o) => {
    const stat = lstatSync(isAbsolute(o) ? o : join(cwd, o), { throwIfNoEntry: false });
    return stat === undefined || stat.dev === device;
  });
}

async function prepareTrash(ctx: PrepareContext, write: (t: string) => void): Promise<Prepared> {
  const parsed = parseRmArgs(ctx.args);
  if (!parsed.ok) return { kind: 'prepared', note: `no undo: ${parsed.message}` };
  if (!ctx.approved && !renamable(parsed.flags.operands, ctx.cwd, ctx.trashDir))
    return { kind: 'prepared', note: 'no undo: not on the trash file system' };
  const out = ctx.stdout ?? ((t: string) => void process.stdout.write(t));
  const result = await rmToTrash(
    {
      args: ctx.args,
      cwd: ctx.cwd,
      trashDir: ctx.trashDir,
      limitBytes: ctx.limitBytes,
      command: ctx.command,
      io: { stdout: out, stderr: write, ask: stdinAsk(write) },
      id: ctx.plan.id,
      // An allowed delete is kept only when a rename does it; an approved one is copied if need be.
      renameOnly: !ctx.approved,
    },
    parsed.flags,
  );
  const trash = result.trash;
  if (trash !== undefined && !trash.ok && trash.reason === 'other-device')
    return { kind: 'prepared', note: `no undo: ${trash.message}` };
  if (trash !== undefined && !trash.ok && trash.reason === 'limit') {
    if (ctx.approved) {
      write(
        `airlock: not run: ${trash.message}.\n  Nothing was deleted. Empty the trash, or set undo.trash: never to delete without undo.\n`,
      );
      return { kind: 'refused', note: `not run: ${trash.message}` };
    }
    write(`airlock: warning: ${trash.message}; deleting without undo.\n`);
    return { kind: 'prepared', note: 'trash full: deleted without undo' };
  }
  if (trash?.ok) {
    const line = rollbackLine({ ...ctx.plan, id: trash.manifest.id });
    return { kind: 'ran', exitCode: result.exitCode, note: line };
  }
  return { kind: 'ran', exitCode: result.exitCode, note: 'nothing moved to the trash' };
}

function prepareGit(ctx: PrepareContext, write: (t: string) => void): Prepared {
  const found = findRealBinary('git', ctx.env as NodeJS.ProcessEnv, { shimDirs: ctx.shimDirs, cwd: ctx.cwd });
  if ('missing' in found) return { kind: 'prepared', note: 'no undo: git not found' };
  const inv = ctx.evaluation.invocations[ctx.plan.invocationIndex] as Invocation;
  const { dir, globals } = gitLocation(inv, ctx.cwd);
  const env = {
    ...ctx.env,
    ...Object.fromEntries(
      globals.map((g) => [
        g.startsWith('--git-dir') ? 'GIT_DIR' : 'GIT_WORK_TREE',
        g.slice(g.indexOf('=') + 1),
      ]),
    ),
  };
  const request = { git: found.path, cwd: dir, env, id: ctx.plan.id, command: ctx.command };
  try {
    const manifest =
      ctx.plan.kind === 'git-stash'
        ? keepStashes(request, ctx.plan.stash)
        : ctx.plan.kind === 'git-branch'
          ? keepBranches(request, ctx.plan.branches ?? [])
          : snapshotWorktree({ ...request, includeIgnored: ctx.plan.includeIgnored === true });
    writeManifest(ctx.trashDir, manifest);
    return { kind: 'prepared', note: rollbackLine(ctx.plan) };
  } catch (error) {
    // The person approved running it; a failed snapshot is reported, not a reason to stop.
    write(`airlock: warning: no undo kept (${(error as Error).message}).\n`);
    return { kind: 'prepared', note: `no undo: ${(error as Error).message}` };
  }
}

export function prepareUndo(ctx: PrepareContext): Promise<Prepared> | Prepared {
  const write = ctx.stderr ?? ((t: string) => void process.stderr.write(t));
  if (ctx.plan.kind === 'trash') return prepareTrash(ctx, write);
  if (
    ctx.plan.kind === 'terraform-plan' ||
    ctx.plan.kind === 'kubectl-manifests' ||
    ctx.plan.kind === 'psql-rows'
  )
    return import('./prepare-infra.js').then((m) => m.prepareInfra(ctx, write));
  return prepareGit(ctx, write);
}
