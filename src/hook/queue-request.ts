// The hook's one contact with the approval queue: use a person's earlier approval of exactly
// this call if there is one, else file a request the person can approve, and hand back its id.

import { fingerprint } from '../approve/fingerprint.js';
import { notifyRequest } from '../approve/notify.js';
import { consumeGrant } from '../audit/grants.js';
import { createRequest, expireOld, listRequests } from '../audit/queue.js';
import type { AuditStore } from '../audit/store.js';
import type { Evaluation } from '../decide/evaluate.js';
import type { Verdict } from '../decide/verdict.js';

/** Pending requests older than this can no longer be approved (as for the shims). */
const PENDING_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface QueueInput {
  store: AuditStore;
  harness: string;
  line: string;
  cwd: string;
  evaluation: Evaluation;
  verdict: Verdict;
  actorReason: string;
  now: Date;
  env: Readonly<Record<string, string | undefined>>;
}

export type QueueResult =
  | { kind: 'granted'; grantId: number; requestId?: number }
  | { kind: 'queued'; requestId: number }
  | { kind: 'unavailable'; message: string };

/**
 * The harness runs the line itself, so the approval is bound to the harness and the line (not
 * a program path): approving request N lets exactly that line, from that directory, through
 * the same harness's hook once.
 */
export function grantOrQueue(input: QueueInput): QueueResult {
  const fp = fingerprint({
    program: `hook:${input.harness}`,
    subject: { line: input.line },
    cwd: input.cwd,
    evaluation: input.evaluation,
  });
  const grant = consumeGrant(input.store, fp, input.now);
  if (!grant.ok) return { kind: 'unavailable', message: grant.message };
  if (grant.value !== undefined) {
    return { kind: 'granted', grantId: grant.value.id, requestId: grant.value.requestId ?? undefined };
  }
  expireOld(input.store, input.now, PENDING_MAX_AGE_MS);
  // An agent re-running before the person has decided is the same request, not a new one.
  const pending = listRequests(input.store, { status: 'pending', limit: 500 });
  const waiting = pending.ok ? pending.value.find((r) => r.fingerprint === fp) : undefined;
  if (waiting !== undefined) return { kind: 'queued', requestId: waiting.id };
  const created = createRequest(input.store, {
    command: input.line,
    line: input.line,
    cwd: input.cwd,
    fingerprint: fp,
    verdict: input.verdict,
    actorKind: 'agent',
    agent: input.harness,
    modeReason: input.actorReason,
    entry: 'hook',
  });
  if (!created.ok) return { kind: 'unavailable', message: created.message };
  notifyRequest(created.value.id, input.line, input.env);
  return { kind: 'queued', requestId: created.value.id };
}
