// The guard's undo and blast-radius steps in one place: start measuring when a person must
// decide, plan the way back, and keep the latest figures for the audit rows.

import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AirlockConfig } from '../config/schema.js';
import { parseSize } from '../config/units.js';
import { type Evaluation, findProjectRoot } from '../decide/evaluate.js';
import type { BlastRadius } from '../probes/types.js';
import { realFs } from '../tools/real-fs.js';
import { newUndoId } from './manifest.js';
import { type MeasureRunLike, measuredWithUndo, planUndo, rollbackLine, type UndoPlan } from './plan.js';
import { type Prepared, prepareUndo } from './prepare.js';

type Env = Readonly<Record<string, string | undefined>>;

export interface GuardUndo {
  plan?: UndoPlan;
  /** For the prompt and the queue: the way back, or `no undo`. */
  rollback: string;
  /** Starts measuring (once) when a person is actually asked; undefined when none must decide. */
  startMeasuring?: () => Promise<MeasureRunLike>;
  /** Fields every audit row of this run carries (the blast radius so far, the rollback). */
  audit(): { blastRadius?: unknown };
  /**
   * Keeps the way back just before the command runs, or runs it in airlock's own way (rm to
   * the trash, terraform's saved plan, psql's row-checked transaction).
   */
  prepare(args: string[], approved: boolean, run?: PrepareRun): Promise<Prepared> | undefined;
  /**
   * Removes the files this run's measurements made (terraform plans). `keep`: the request
   * may still be approved and run again, which applies the plan it showed.
   */
  discard(keep?: boolean): void;
}

export interface PrepareRun {
  /** The blast radius the person approved. */
  approvedBlast?: BlastRadius;
  /** The raw environment the real program would get. */
  runEnv?: NodeJS.ProcessEnv;
  /** The program as typed. */
  program?: string;
}

/** Plans of requests nobody decided are kept this long (a queued request's own lifetime). */
const planMaxAgeMs = 24 * 60 * 60 * 1000;

/** Removes plan directories of requests too old to be approved any more. */
function sweepOldPlans(plansDir: string, now = Date.now()): void {
  let names: string[] = [];
  try {
    names = readdirSync(plansDir);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(plansDir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat !== undefined && now - stat.mtimeMs > planMaxAgeMs)
      rmSync(path, { recursive: true, force: true });
  }
}

export interface GuardUndoRequest {
  evaluation: Evaluation;
  /** The decision after who-is-asking was applied. */
  needsApproval: boolean;
  argv?: readonly string[];
  command: string;
  cwd: string;
  env: Env;
  config: AirlockConfig;
  trashDir: string;
  /** airlock's data directory: measured terraform plans live in its plans/ folder. */
  dataDir?: string;
  shimDirs: string[];
}

export async function startGuardUndo(request: GuardUndoRequest): Promise<GuardUndo> {
  const { evaluation, config } = request;
  const plan = planUndo(evaluation, {
    trash: config.undo.trash,
    argv: request.argv,
    approved: request.needsApproval,
    rowTolerance: config.probes.rowTolerance,
  });
  const plansDir = request.dataDir === undefined ? undefined : join(request.dataDir, 'plans');
  const artifactDir = plansDir === undefined ? undefined : join(plansDir, plan?.id ?? newUndoId());
  const rollback = rollbackLine(plan);
  let latest: BlastRadius | undefined;
  let started: Promise<MeasureRunLike> | undefined;
  const startMeasuring = async (): Promise<MeasureRunLike> => {
    // Loaded only when a person decides: an allowed or granted command never pays for the probes.
    const { measureBlastRadius } = await import('../probes/measure.js');
    if (plansDir !== undefined) sweepOldPlans(plansDir);
    const run = measureBlastRadius(evaluation, {
      ...(artifactDir === undefined ? {} : { artifactDir }),
      env: request.env,
      cwd: request.cwd,
      projectRoot: findProjectRoot(request.cwd, realFs),
      timeoutMs: config.probes.timeout,
      shimDirs: request.shimDirs,
    });
    const measure = measuredWithUndo(run, plan, evaluation);
    latest = measure.current();
    measure.subscribe((blast) => {
      latest = blast;
    });
    return measure;
  };
  return {
    plan,
    rollback,
    startMeasuring: request.needsApproval
      ? () => {
          started ??= startMeasuring();
          return started;
        }
      : undefined,
    audit: () => (latest === undefined && plan === undefined ? {} : { blastRadius: { ...latest, rollback } }),
    discard(keep = false) {
      if (!keep && artifactDir !== undefined) rmSync(artifactDir, { recursive: true, force: true });
    },
    prepare(args, approved, run = {}) {
      if (plan === undefined) return undefined;
      return Promise.resolve(
        prepareUndo({
          plan,
          evaluation,
          args,
          command: request.command,
          cwd: request.cwd,
          env: request.env,
          trashDir: request.trashDir,
          shimDirs: request.shimDirs,
          limitBytes: parseSize(config.undo.trashLimit) ?? 5e9,
          approved,
          ...run,
          ...(plansDir === undefined ? {} : { plansDir }),
        }),
      );
    },
  };
}
