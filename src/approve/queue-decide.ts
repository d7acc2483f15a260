// A person's decision on a queued request, from `airlock approve`/`deny` or the inbox: only in
// human mode, recorded in the audit log either way, and a refusal when an agent tries it.

import { appendAudit } from '../audit/append.js';
import { type DecideOutcome, decideRequest, type QueuedRequest, type StoreResult } from '../audit/queue.js';
import type { AuditStore } from '../audit/store.js';
import type { AppendResult, AuditEntry } from '../audit/types.js';
import type { Verdict } from '../decide/verdict.js';
import type { Actor } from './actor.js';

export interface PersonDecision {
  decision: 'approve' | 'deny';
  requestId: number;
  /** Who decides (a user name) and how (`cli`, `inbox`). */
  by: string;
  channel: string;
  /** The approver's note or the denier's reason. */
  note?: string;
  /** One-time grant lifetime (config approval.grantTtl). */
  ttlMs: number;
  /** An explicit longer grant: usable any number of times until it ends. */
  forDuration?: { text: string; ms: number };
  now: Date;
}

export type DecideResult =
  | { kind: 'refused-agent'; message: string }
  | { kind: 'store-failed'; message: string }
  | DecideOutcome;

/** The audit row for an event on a request, carrying the request's own command and verdict. */
export function requestAuditEntry(
  request: QueuedRequest,
  actor: Actor,
  entry: Partial<AuditEntry> & Pick<AuditEntry, 'step'>,
): AuditEntry {
  const verdict = request.verdict as Partial<Verdict> | null;
  return {
    actorKind: actor.kind,
    agent: actor.agent,
    modeReason: actor.reason,
    cwd: request.cwd,
    entry: 'cli',
    ...(request.line !== null ? { line: request.line } : { argv: request.argv ?? [request.command] }),
    decision: verdict?.decision,
    effect: verdict?.effect,
    ruleIds: (verdict?.findings ?? []).map((f) => f.rule),
    environment: verdict?.environment,
    blastRadius: request.blastRadius ?? undefined,
    requestId: request.id,
    ...entry,
  };
}

function refusalEntry(d: PersonDecision, actor: Actor): AuditEntry {
  return {
    actorKind: actor.kind,
    agent: actor.agent,
    modeReason: actor.reason,
    entry: 'cli',
    argv: ['airlock', d.decision, String(d.requestId)],
    step: 'refused',
    requestId: d.requestId,
    ruleIds: [d.decision === 'approve' ? 'self/approve' : 'self/deny'],
    decision: 'deny',
    note: `${d.decision} needs a person: refused in agent mode (${actor.reason})`,
  };
}

/**
 * Approves or denies a pending request. An agent is refused, and the attempt recorded: an
 * approval an agent could give itself would not be an approval.
 */
export function decideAsPerson(store: AuditStore, actor: Actor, d: PersonDecision): DecideResult {
  if (actor.kind !== 'human') {
    appendAudit(store, refusalEntry(d, actor));
    return {
      kind: 'refused-agent',
      message:
        `airlock: refused: only a person can ${d.decision} a request, and this looks like an agent (${actor.reason}).\n` +
        `  Ask the person to run 'airlock ${d.decision} ${d.requestId}' in their own terminal. This attempt was recorded.\n`,
    };
  }
  const decided: StoreResult<DecideOutcome> = decideRequest(store, d.requestId, d.decision, {
    by: d.by,
    channel: d.channel,
    note: d.note,
    now: d.now,
    ttlMs: d.ttlMs,
    forDuration: d.forDuration,
  });
  if (!decided.ok) return { kind: 'store-failed', message: decided.message };
  const outcome = decided.value;
  if (outcome.kind !== 'decided') return outcome;
  const grant = d.forDuration ? ` for ${d.forDuration.text} (any number of runs)` : ' once';
  const recorded: AppendResult = appendAudit(
    store,
    requestAuditEntry(outcome.request, actor, {
      step: d.decision === 'approve' ? 'approved' : 'denied',
      approvalChannel: d.channel,
      approver: d.by,
      note: [d.decision === 'approve' ? `granted${grant}` : undefined, d.note].filter(Boolean).join('; '),
    }),
  );
  if (!recorded.ok) return { kind: 'store-failed', message: recorded.message };
  return outcome;
}
