// Which way back airlock keeps for a command, decided before it is asked about, so the
// prompt's rollback line, the queue and the audit row can all name it.

import type { TrashMode } from '../config/schema.js';
import type { Evaluation } from '../decide/evaluate.js';
import type { BlastRadius } from '../probes/types.js';
import type { Invocation } from '../tools/invocation.js';
import { newUndoId } from './manifest.js';
import { parseRmArgs } from './rm-to-trash.js';

export type UndoKind = 'trash' | 'git-snapshot' | 'git-stash' | 'git-branch';

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
  options: { trash: TrashMode; argv: readonly string[] | undefined; approved: boolean },
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
  }
}

/** The blast radius as it stands once the undo is kept: what it protects becomes recoverable. */
export function withUndo(
  blast: BlastRadius,
  plan: UndoPlan | undefined,
  evaluation: Evaluation,
  planned = false,
): BlastRadius {
  if (plan === undefined) return blast;
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
  };
}
