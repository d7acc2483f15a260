// The run side of an approved infrastructure command: terraform applies the plan that was
// shown, kubectl delete first saves the objects' manifests, and a single psql DELETE/UPDATE
// commits only if it touches about as many rows as were approved.

import { rmSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { childEnvironment } from '../exec/child-env.js';
import { exitCodes } from '../exec/exit-codes.js';
import { findRealBinary } from '../exec/resolve.js';
import { readShimDepth } from '../exec/shim-depth.js';
import { connectionArgs } from '../probes/psql-connection.js';
import { savedPlanCommand } from '../probes/terraform-saved-plan.js';
import type { BlastRadius, Measurement } from '../probes/types.js';
import type { Invocation } from '../tools/invocation.js';
import { statementOf } from '../tools/sql/sql-invocations.js';
import { undoDir, writeManifest } from './manifest.js';
import { rollbackLine } from './plan.js';
import { singleRowStatement } from './plan-infra.js';
import type { PrepareContext, Prepared } from './prepare.js';
import { rowTolerance, runWithRowGuarantee } from './psql-guarantee.js';

type Write = (text: string) => void;

/** Probes that count the rows of a DELETE/UPDATE (rules may name any of them). */
const rowProbes = new Set(['psql-count', 'psql-rows', 'pg-row-count']);

/** The one measurement the person saw that matches; two would make the figure ambiguous. */
function approvedMeasurement(
  blast: BlastRadius | undefined,
  matches: (m: Measurement) => boolean,
): Measurement | undefined {
  const found = (blast?.measurements ?? []).filter((m) => m.status === 'done' && matches(m));
  return found.length === 1 ? found[0] : undefined;
}

/** The plan run's directory right under plansDir, when `file` is inside it. */
export function planRunDir(plansDir: string, file: string): string | undefined {
  const rel = relative(plansDir, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return join(plansDir, rel.split('/')[0] as string);
}

function childEnv(ctx: PrepareContext, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const raw = (ctx.runEnv ?? ctx.env) as NodeJS.ProcessEnv;
  return childEnvironment({ ...raw, ...extra }, readShimDepth(raw));
}

async function prepareTerraform(ctx: PrepareContext, write: Write): Promise<Prepared> {
  const measured = approvedMeasurement(
    ctx.approvedBlast,
    (m) => m.probe === 'terraform-plan' && m.artifact !== undefined,
  );
  const planFile = measured?.artifact;
  // Only a plan airlock made and kept: a path in a stored request is not taken on trust.
  const runDir =
    planFile === undefined || ctx.plansDir === undefined ? undefined : planRunDir(ctx.plansDir, planFile);
  const saved =
    planFile === undefined || runDir === undefined ? undefined : savedPlanCommand(ctx.args, planFile);
  if (saved === undefined || planFile === undefined)
    return { kind: 'prepared', note: 'no saved plan was shown when approved: ran as typed' };
  const program = ctx.program ?? 'terraform';
  const env = childEnv(ctx, saved.env);
  const found = findRealBinary(program, env, { shimDirs: ctx.shimDirs, cwd: ctx.cwd });
  if ('missing' in found) return { kind: 'prepared', note: `${program} not found: ran as typed` };
  try {
    const run = await (await import('./terraform-apply.js')).applySavedPlan(found.path, saved.args, {
      env,
      cwd: ctx.cwd,
      argv0: program,
    });
    if (run.stale) {
      write(
        `airlock: ${program} refused the approved plan: the state changed after it was shown, so nothing from it was applied.\n` +
          '  Run the command again to be asked with a fresh plan.\n',
      );
      return {
        kind: 'refused',
        exitCode: exitCodes.needsApproval,
        note: 'saved plan refused as stale: nothing applied; ask again',
      };
    }
    return {
      kind: 'ran',
      exitCode: run.exitCode,
      note: `applied exactly the plan shown (${program} apply ${planFile})`,
    };
  } finally {
    rmSync(runDir as string, { recursive: true, force: true });
  }
}

async function prepareKubectl(ctx: PrepareContext, write: Write): Promise<Prepared> {
  const inv = ctx.evaluation.invocations[ctx.plan.invocationIndex] as Invocation;
  const { saveKubectlManifests } = await import('./kubectl-manifests.js');
  const { realExec } = await import('./kubectl-undo.js');
  const dir = undoDir(ctx.trashDir, ctx.plan.id);
  const exec = realExec(ctx.env, inv.command.cwd ?? ctx.cwd, ctx.shimDirs);
  const saved = await saveKubectlManifests(inv, { exec }, dir, ctx.plan.id);
  if ('error' in saved || saved.objects === 0) {
    rmSync(dir, { recursive: true, force: true });
    const why = 'error' in saved ? saved.error : 'no objects to save';
    // The person approved the delete; a failed save is reported, not a reason to stop.
    if ('error' in saved) write(`airlock: warning: manifests not saved (${why}); deleting without undo.\n`);
    return { kind: 'prepared', note: `no undo: ${why}` };
  }
  writeManifest(ctx.trashDir, {
    kind: 'kubectl-manifests',
    id: ctx.plan.id,
    createdAt: new Date().toISOString(),
    command: ctx.command,
    cwd: ctx.cwd,
    dir,
    objects: saved.objects,
    labels: saved.labels,
    ...(ctx.env.KUBECONFIG === undefined ? {} : { kubeconfig: ctx.env.KUBECONFIG }),
  });
  return { kind: 'prepared', note: rollbackLine(ctx.plan) };
}

async function preparePsql(ctx: PrepareContext, write: Write, out: Write): Promise<Prepared> {
  const inv = ctx.evaluation.invocations[ctx.plan.invocationIndex] as Invocation;
  const single = singleRowStatement(inv);
  const measured = approvedMeasurement(
    ctx.approvedBlast,
    (m) => rowProbes.has(m.probe) && typeof m.counts?.rows === 'number',
  );
  if (single === undefined || measured === undefined)
    return {
      kind: 'prepared',
      note: 'no row guarantee: the rows were not measured when approved; ran as typed',
    };
  const env = childEnv(ctx);
  const found = findRealBinary('psql', env, { shimDirs: ctx.shimDirs, cwd: ctx.cwd });
  if ('missing' in found) return { kind: 'prepared', note: 'psql not found: ran as typed' };
  const approvedRows = measured.counts?.rows as number;
  const variables = (inv.flags.set ?? []).flatMap((v) => ['-v', v]);
  const result = await runWithRowGuarantee({
    psql: found.path,
    connection: [...connectionArgs(inv, statementOf(inv)?.connection), ...variables],
    statement: single.text,
    approvedRows,
    tolerance: rowTolerance(approvedRows, ctx.plan.rowTolerance),
    env,
    cwd: inv.command.cwd ?? ctx.cwd,
  });
  if (result.stdout !== '') out(result.stdout);
  if (result.stderr.trim() !== '') write(result.stderr.endsWith('\n') ? result.stderr : `${result.stderr}\n`);
  const rows = result.rows ?? 0;
  const figures = `${rows} row(s); ${approvedRows} approved, at most ${result.limit} allowed`;
  if (result.outcome === 'committed') {
    // psql prints the command tag unless -q; the checked transaction ran quietly.
    if (inv.flags.quiet === undefined) out(`${single.verb} ${rows}\n`);
    return { kind: 'ran', exitCode: 0, note: `committed in a row-checked transaction: ${figures}` };
  }
  if (result.outcome === 'rolled-back') {
    write(
      `airlock: rolled back: this ${single.verb} would have touched ${rows} row(s), but ${approvedRows} were approved (at most ${result.limit} allowed).\n` +
        '  Nothing was changed. Run the command again to be asked with the new count.\n',
    );
    return {
      kind: 'refused',
      exitCode: exitCodes.needsApproval,
      note: `rolled back: would have touched ${figures}`,
    };
  }
  return {
    kind: 'ran',
    exitCode: result.exitCode,
    note: `psql failed in the row-checked transaction (exit ${result.exitCode})`,
  };
}

export function prepareInfra(ctx: PrepareContext, write: Write): Promise<Prepared> {
  const out = ctx.stdout ?? ((t: string) => void process.stdout.write(t));
  if (ctx.plan.kind === 'terraform-plan') return prepareTerraform(ctx, write);
  if (ctx.plan.kind === 'kubectl-manifests') return prepareKubectl(ctx, write);
  return preparePsql(ctx, write, out);
}
