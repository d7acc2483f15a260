// The approval step for a verdict of `approve`: use a matching grant if one exists; else ask
// the person at the terminal (human mode), or queue the request for a person elsewhere and
// wait (agent mode). An agent never gets a prompt on the terminal.

import { consumeGrant, createGrants } from '../audit/grants.js';
import { getRequest } from '../audit/queue.js';
import type { RecordResult } from '../audit/record.js';
import type { AuditStore } from '../audit/store.js';
import type { AuditEntry, EntryKind } from '../audit/types.js';
import type { Evaluation } from '../decide/evaluate.js';
import type { Verdict } from '../decide/verdict.js';
import { exitCodes } from '../exec/exit-codes.js';
import type { MeasureRun } from '../probes/measure.js';
import type { Actor } from './actor.js';
import { deniedAtPromptMessage, storeUnavailableMessage } from './agent-message.js';
import { fingerprint } from './fingerprint.js';
import { formatGrantToken, GRANT_VARIABLE, lineGrants, newGrantToken, parseGrantToken } from './grant.js';
import { queueAndWait } from './queue.js';
import type { ApprovalView, BlastRadius, PromptOutcome, TypedConfirmation } from './types.js';

type Env = Readonly<Record<string, string | undefined>>;

export interface ApprovalContext {
  entry: Extract<EntryKind, 'shim' | 'run' | 'sh'>;
  subject: { argv: string[] } | { line: string };
  /** The command as typed, for messages and the queue. */
  command: string;
  cwd: string;
  /** The caller's environment. */
  env: Env;
  evaluation: Evaluation;
  /** The verdict after who-is-asking was applied. */
  verdict: Verdict;
  actor: Actor;
  /** Seconds an agent waits for a decision (config approval.wait). */
  wait: number;
  /** How long a one-time grant stays usable (config approval.grantTtl). */
  grantTtlMs: number;
  store: AuditStore;
  /** Appends an audit row carrying the guard's common fields. */
  record: (entry: Partial<AuditEntry> & Pick<AuditEntry, 'step'>) => RecordResult;
  /** The program's real path (for a line: the real bash), shims skipped. */
  realProgram: string;
  /** Starts the blast-radius measurements (time-boxed, with the undo applied) when a person is asked. */
  startMeasuring?: () => Promise<MeasureRun>;
  /** The way back airlock keeps (`moved to airlock's trash; undo: airlock undo ID`), or `no undo`. */
  rollback?: string;
  /** The measurements once started: the prompt shows them live, the queue stores them. */
  measure?: MeasureRun;
  /** Set once measured, for the queued request. */
  blastRadius?: BlastRadius;
  /** For a line: argv-level fingerprints of the static commands inside that would ask. */
  lineFingerprints?: () => string[];
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  stderr?: (text: string) => void;
}

export type ApprovalResult =
  | {
      kind: 'run';
      channel: 'grant' | 'prompt' | 'queue';
      requestId?: number;
      approver?: string;
      note?: string;
      /** Variables for the child (the line's grant token). */
      childEnv?: Record<string, string>;
      /**
       * The blast radius the person decided on (what the prompt showed when answered, the
       * queued request's, or for a grant the request it came from): terraform's plan file and
       * psql's row count are taken from it, so what runs is what was approved.
       */
      blastRadius?: BlastRadius;
    }
  | { kind: 'stop'; exitCode: number };

type AskPerson = (
  view: ApprovalView,
  subscribe?: (listener: (b: BlastRadius) => void) => () => void,
) => Promise<PromptOutcome>;

/** The Ink prompt, loaded only on this path; undefined when it cannot be loaded. */
async function loadPrompt(): Promise<AskPerson | undefined> {
  try {
    const module: { askPerson?: AskPerson } = await import('./prompt-entry.js');
    return typeof module.askPerson === 'function' ? module.askPerson : undefined;
  } catch {
    return undefined;
  }
}

export function personName(env: Env): string {
  return env.USER || env.LOGNAME || 'a person at the terminal';
}

/** What the person must type to approve a destroy in production: the target's name. */
export function typedConfirmation(verdict: Verdict): TypedConfirmation | undefined {
  for (const f of verdict.findings) {
    if (f.decision !== 'approve' || f.effect !== 'destroy' || f.environment.name !== 'prod') continue;
    const target = f.invocation.targets.find((t) => t.value !== undefined);
    if (target?.value !== undefined) return { expected: target.value, what: target.kind };
    if (f.environment.value !== undefined) return { expected: f.environment.value, what: 'environment' };
  }
  return undefined;
}

export function approvalView(ctx: ApprovalContext, now: Date, id?: number): ApprovalView {
  return {
    id,
    command: ctx.command,
    cwd: ctx.cwd,
    verdict: ctx.verdict,
    blastRadius: ctx.blastRadius ?? ctx.measure?.current(),
    rollback: ctx.rollback ?? 'no undo',
    confirmation: typedConfirmation(ctx.verdict),
    actor: { kind: ctx.actor.kind, agent: ctx.actor.agent, reason: ctx.actor.reason },
    requestedAt: now.toISOString(),
  };
}

/** After a line is approved: scoped grants for the shims inside it, and the token they need. */
function handOnToShims(
  ctx: ApprovalContext,
  requestId: number | undefined,
): Record<string, string> | undefined {
  if (ctx.lineFingerprints === undefined) return undefined;
  const fingerprints = ctx.lineFingerprints();
  if (fingerprints.length === 0) return undefined;
  const token = newGrantToken();
  const now = (ctx.now ?? (() => new Date()))();
  const created = createGrants(ctx.store, lineGrants(fingerprints, token, requestId, ctx.grantTtlMs), now);
  // Without the grants the shims ask again: slower, never looser.
  if (!created.ok) return undefined;
  return { [GRANT_VARIABLE]: formatGrantToken(requestId, token) };
}

async function askAtTerminal(ctx: ApprovalContext): Promise<ApprovalResult | 'unavailable'> {
  const askPerson = await loadPrompt();
  if (askPerson === undefined) return 'unavailable';
  ctx.measure ??= await ctx.startMeasuring?.();
  const now = (ctx.now ?? (() => new Date()))();
  const outcome = await askPerson(approvalView(ctx, now), ctx.measure?.subscribe);
  if (outcome.kind === 'unavailable') return 'unavailable';
  // Decided: what was still measuring is no longer shown, and must not hold the process open.
  const shown = ctx.measure?.current();
  ctx.measure?.abort();
  const approver = personName(ctx.env);
  if (outcome.kind === 'denied') {
    ctx.record({
      step: 'denied',
      approvalChannel: 'prompt',
      approver,
      note: `denied at the prompt (${outcome.reason})`,
    });
    (ctx.stderr ?? ((t: string) => void process.stderr.write(t)))(deniedAtPromptMessage(approver));
    return { kind: 'stop', exitCode: exitCodes.deniedByPerson };
  }
  return {
    kind: 'run',
    channel: 'prompt',
    approver,
    note: outcome.typed ? 'typed confirmation matched' : undefined,
    ...(shown === undefined ? {} : { blastRadius: shown }),
  };
}

/** The measurements stored with the request a grant came from. */
function requestBlast(value: unknown): BlastRadius | undefined {
  const blast = value as { measurements?: unknown } | null | undefined;
  return Array.isArray(blast?.measurements) ? (blast as BlastRadius) : undefined;
}

export async function askApproval(ctx: ApprovalContext): Promise<ApprovalResult> {
  const now = ctx.now ?? (() => new Date());
  const write = ctx.stderr ?? ((text: string) => void process.stderr.write(text));
  const fp = fingerprint({
    program: ctx.realProgram,
    subject: ctx.subject,
    cwd: ctx.cwd,
    evaluation: ctx.evaluation,
  });
  const passed = parseGrantToken(ctx.env[GRANT_VARIABLE]);

  let result: ApprovalResult;
  const grant = consumeGrant(ctx.store, fp, now(), passed ? { token: passed.token } : {});
  if (!grant.ok) {
    write(storeUnavailableMessage(grant.message, grant.path));
    return { kind: 'stop', exitCode: exitCodes.auditUnavailable };
  }
  if (grant.value !== undefined) {
    const requestId = grant.value.requestId ?? undefined;
    const request = requestId === undefined ? undefined : getRequest(ctx.store, requestId);
    const approved = request?.ok ? requestBlast(request.value?.blastRadius) : undefined;
    result = {
      kind: 'run',
      channel: 'grant',
      requestId,
      approver: request?.ok ? (request.value?.decidedBy ?? undefined) : undefined,
      note: `grant ${grant.value.id} used${grant.value.scoped ? ' (handed on by an approved line)' : ''}`,
      ...(approved === undefined ? {} : { blastRadius: approved }),
    };
  } else {
    const asked = ctx.actor.kind === 'human' ? await askAtTerminal(ctx) : 'unavailable';
    // The queued request carries the measured blast radius; each probe is time-boxed.
    if (asked === 'unavailable') {
      ctx.measure ??= await ctx.startMeasuring?.();
      if (ctx.measure !== undefined) ctx.blastRadius = await ctx.measure.done;
    }
    result = asked === 'unavailable' ? await queueAndWait(ctx, fp) : asked;
    if (result.kind === 'run' && result.channel === 'queue' && ctx.blastRadius !== undefined)
      result = { ...result, blastRadius: ctx.blastRadius };
  }
  if (result.kind === 'stop') return result;

  const recorded = ctx.record({
    step: 'approved',
    approvalChannel: result.channel,
    approver: result.approver,
    requestId: result.requestId,
    note: result.note,
  });
  if (!recorded.ok) {
    write(storeUnavailableMessage(recorded.message, recorded.path));
    return { kind: 'stop', exitCode: exitCodes.auditUnavailable };
  }
  const childEnv = handOnToShims(ctx, result.requestId);
  return childEnv === undefined ? result : { ...result, childEnv };
}
