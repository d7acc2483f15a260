// Which way back airlock keeps for a command, decided before it is asked about, so the
// prompt's rollback line, the queue and the audit row can all name it.

import type { TrashMode } from '../config/schema.js';
import type { Evaluation } from '../decide/evaluate.js';
import type { BlastRadius } from '../probes/types.js';
import type { Invocation } from '../tools/invocation.js';
import { newUndoId } from './manifest.js';
import { type InfraKind, infraKind } from './plan-infra.js';
import { parseRmArgs } from './rm-to-trash.js';

export type UndoKind = 'trash' | 'git-snapshot' | 'git-stash' | 'git-branch' | InfraKind;

export interface UndoPlan {
  kind: UndoKind;
  /** The id `airlock undo` will take, chosen now so the prompt can show it. */
  id: string;
  /** The invocation it protects. */
  invocationIndex: number;
  /** git clean -x/-X removes ignored files: the snapshot keeps them too. */
  includeIgnored?: boolean;
  /** stash drop: which entry (undefined: clear, every entry). */
  stash?: string;
  branches?: string[];
  /** psql-rows: extra rows allowed, as a fraction of the approved count (config probes.rowTolerance). */
  rowTolerance?: number;
}

const fact = (inv: Invocation, name: string) => inv.facts[name] === true;

function gitKind(inv: Invocation): Omit<UndoPlan, 'id' | 'invocationIndex'> | undefined {
  const verb = inv.subcommand[0];
  if (inv.facts.help === true) return undefined;
  if (verb === 'reset' && ['hard', 'merge', 'keep'].includes(String(inv.facts['reset.mode'])))
    return { kind: 'git-snapshot' };
  if (verb === 'checkout' && (fact(inv, 'checkout.paths') || fact(inv, 'checkout.force')))
    return { kind: 'git-snapshot' };
  if (verb === 'restore' && fact(inv, 'restore.worktree')) return { kind: 'git-snapshot' };
  if (verb === 'switch' && fact(inv, 'switch.discards')) return { kind: 'git-snapshot' };
  if (verb === 'clean' && fact(inv, 'clean.force') && !fact(inv, 'clean.dry-run'))
    return { kind: 'git-snapshot', includeIgnored: fact(inv, 'clean.ignored') };
  if (verb === 'stash' && (inv.subcommand[1] === 'drop' || inv.subcommand[1] === 'clear'))
    return {
      kind: 'git-stash',
      stash: inv.subcommand[1] === 'drop' ? (inv.positionals[0] ?? 'stash@{0}') : undefined,
    };
  if (verb === 'branch' && fact(inv, 'branch.force-delete'))
    return { kind: 'git-branch', branches: [...inv.positionals] };
  return undefined;
}

/**
 * The undo for a single guarded program call (a shim or `airlock run`); a whole line is
 * undone by the shims of the commands inside it. `rm` goes to the trash when approved, or
 * always for recursive deletes, per config undo.trash.
 */
export function planUndo(
  evaluation: Evaluation,
  options: {
    trash: TrashMode;
    argv: readonly string[] | undefined;
    approved: boolean;
    rowTolerance?: number;
  },
): UndoPlan | undefined {
  if (options.argv === undefined || evaluation.invocations.length !== 1) return undefined;
  const inv = evaluation.invocations[0] as Invocation;
  const program = inv.program.split('/').pop();
  let plan: Omit<UndoPlan, 'id' | 'invocationIndex'> | undefined;
  if (inv.tool === 'rm' && program === 'rm' && options.trash !== 'never' && inv.facts.help !== true) {
    const parsed = parseRmArgs(options.argv.slice(1));
    const wanted = options.trash === 'always' || options.approved || (parsed.ok && parsed.flags.recursive);
    if (parsed.ok && wanted) plan = { kind: 'trash' };
  } else if (inv.tool === 'git') plan = gitKind(inv);
  else if (options.approved) {
    // Only what a person approved: an allowed delete on a dev cluster pays for no extra reads.
    const kind = infraKind(inv, program);
    if (kind !== undefined)
      plan = kind === 'psql-rows' ? { kind, rowTolerance: options.rowTolerance ?? 0.1 } : { kind };
  }
  return plan === undefined ? undefined : { ...plan, id: newUndoId(), invocationIndex: 0 };
}

/**
 * The rollback line for the prompt, the queue and the audit row. `planned`: for
 * `airlock check --probe`, which runs nothing and so keeps nothing yet.
 */
export function rollbackLine(plan: UndoPlan | undefined, planned = false): string {
  if (plan === undefined) return 'no undo';
  if (planned)
    return `if run through airlock: ${rollbackLine(plan).replace(`airlock undo ${plan.id}`, 'airlock undo ID').replace(`refs/airlock/${plan.id}`, 'refs/airlock/ID')}`;
  const undo = `undo: airlock undo ${plan.id}`;
  switch (plan.kind) {
    case 'trash':
      return `moved to airlock's trash; ${undo}`;
    case 'git-snapshot':
      return `work tree and index saved to refs/airlock/${plan.id} first; ${undo}`;
    case 'git-stash':
      return `dropped stashes kept under refs/airlock/${plan.id}; ${undo}`;
    case 'git-branch':
      return `branch tips kept under refs/airlock/${plan.id}; ${undo}`;
    case 'kubectl-manifests':
      return `manifests saved; airlock undo ${plan.id} re-creates them — volume data is not restored`;
    case 'terraform-plan':
      return 'applies exactly the plan shown (terraform refuses it if the state changed since); no undo';
    case 'psql-rows':
      return `runs in a transaction that rolls back if it touches more rows than approved (${toleranceText(plan.rowTolerance ?? 0.1)}); no undo once committed`;
  }
}

function toleranceText(fraction: number): string {
  return `up to ${Math.round(fraction * 1000) / 10}% more, at least 5`;
}

/** Kinds that keep something `airlock undo` restores, making what they protect recoverable. */
const restorable = new Set<UndoKind>(['trash', 'git-snapshot', 'git-stash', 'git-branch']);

/** The blast radius as it stands once the undo is kept: what it protects becomes recoverable. */
export function withUndo(
  blast: BlastRadius,
  plan: UndoPlan | undefined,
  evaluation: Evaluation,
  planned = false,
): BlastRadius {
  if (plan === undefined || !restorable.has(plan.kind)) return blast;
  const invocationOf = (finding: number) => evaluation.verdict.findings[finding]?.invocationIndex;
  return {
    measurements: blast.measurements.map((m) => {
      if (m.status !== 'done' || m.finding === undefined || invocationOf(m.finding) !== plan.invocationIndex)
        return m;
      return {
        ...m,
        recoverability: 'recoverable',
        recovery: `${rollbackLine(plan, planned)}${m.recovery ? ` (${m.recovery})` : ''}`,
      };
    }),
  };
}

export interface MeasureRunLike {
  current(): BlastRadius;
  subscribe(listener: (blast: BlastRadius) => void): () => void;
  done: Promise<BlastRadius>;
  /** Stops the probes still running once the decision is made. */
  abort(): void;
}

/** The same running measurement, seen with the undo applied. */
export function measuredWithUndo(
  run: MeasureRunLike,
  plan: UndoPlan | undefined,
  evaluation: Evaluation,
): MeasureRunLike {
  const adjust = (blast: BlastRadius) => withUndo(blast, plan, evaluation);
  return {
    current: () => adjust(run.current()),
    subscribe: (listener) => run.subscribe((blast) => listener(adjust(blast))),
    done: run.done.then(adjust),
    abort: () => run.abort(),
  };
}
