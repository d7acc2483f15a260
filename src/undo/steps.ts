// The guard's undo and blast-radius steps in one place: start measuring when a person must
// decide, plan the way back, and keep the latest figures for the audit rows.

import type { AirlockConfig } from '../config/schema.js';
import { parseSize } from '../config/units.js';
import { type Evaluation, findProjectRoot } from '../decide/evaluate.js';
import type { BlastRadius } from '../probes/types.js';
import { realFs } from '../tools/real-fs.js';
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
  /** Keeps the way back just before the command runs (or runs rm itself, to the trash). */
  prepare(args: string[], approved: boolean): Promise<Prepared> | undefined;
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
  shimDirs: string[];
}

export async function startGuardUndo(request: GuardUndoRequest): Promise<GuardUndo> {
  const { evaluation, config } = request;
  const plan = planUndo(evaluation, {
    trash: config.undo.trash,
    argv: request.argv,
    approved: request.needsApproval,
  });
  const rollback = rollbackLine(plan);
  let latest: BlastRadius | undefined;
  let started: Promise<MeasureRunLike> | undefined;
  const startMeasuring = async (): Promise<MeasureRunLike> => {
    // Loaded only when a person decides: an allowed or granted command never pays for the probes.
    const { measureBlastRadius } = await import('../probes/measure.js');
    const run = measureBlastRadius(evaluation, {
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
    prepare(args, approved) {
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
        }),
      );
    },
  };
}
