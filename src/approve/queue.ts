// Agent mode: put the request in the queue, tell the agent what happened, and wait (quietly,
// polling the store) for a person to decide; run the moment it is approved.

import { consumeGrant } from '../audit/grants.js';
import { createRequest, expireOld, getRequest } from '../audit/queue.js';
import { exitCodes } from '../exec/exit-codes.js';
import {
  deniedMessage,
  notRunnableMessage,
  queuedMessage,
  storeUnavailableMessage,
  timedOutMessage,
} from './agent-message.js';
import type { ApprovalContext, ApprovalResult } from './ask.js';
import { notifyRequest } from './notify.js';

/** Pending requests older than this can no longer be approved. */
export const PENDING_MAX_AGE_MS = 24 * 60 * 60 * 1000;
const FIRST_POLL_MS = 250;
const MAX_POLL_MS = 1000;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function queueAndWait(ctx: ApprovalContext, fp: string): Promise<ApprovalResult> {
  const now = ctx.now ?? (() => new Date());
  const sleep = ctx.sleep ?? defaultSleep;
  const write = ctx.stderr ?? ((text: string) => void process.stderr.write(text));
  expireOld(ctx.store, now(), PENDING_MAX_AGE_MS);
  const created = createRequest(ctx.store, {
    command: ctx.command,
    ...('line' in ctx.subject ? { line: ctx.subject.line } : { argv: ctx.subject.argv }),
    cwd: ctx.cwd,
    fingerprint: fp,
    verdict: ctx.verdict,
    blastRadius: ctx.blastRadius === undefined ? undefined : { ...ctx.blastRadius, rollback: ctx.rollback },
    actorKind: ctx.actor.kind,
    agent: ctx.actor.agent,
    modeReason: ctx.actor.reason,
    entry: ctx.entry,
  });
  if (!created.ok) {
    write(storeUnavailableMessage(created.message, created.path));
    return { kind: 'stop', exitCode: exitCodes.auditUnavailable };
  }
  const requestId = created.value.id;
  const recorded = ctx.record({ step: 'requested', requestId, approvalChannel: 'queue' });
  if (!recorded.ok) {
    write(storeUnavailableMessage(recorded.message, recorded.path));
    return { kind: 'stop', exitCode: exitCodes.auditUnavailable };
  }
  write(queuedMessage({ requestId, command: ctx.command, verdict: ctx.verdict, waitSeconds: ctx.wait }));
  notifyRequest(requestId, ctx.command, ctx.env);
  if (ctx.wait <= 0) return { kind: 'stop', exitCode: exitCodes.needsApproval };

  const deadline = now().getTime() + ctx.wait * 1000;
  let interval = FIRST_POLL_MS;
  for (;;) {
    const left = deadline - now().getTime();
    if (left <= 0) break;
    await sleep(Math.min(interval, left));
    interval = Math.min(MAX_POLL_MS, Math.round(interval * 1.25));
    const read = getRequest(ctx.store, requestId);
    // A busy or briefly unreadable store is no decision: keep waiting.
    if (!read.ok || read.value === undefined) continue;
    const request = read.value;
    if (request.status === 'pending') continue;
    if (request.status === 'denied') {
      write(deniedMessage(requestId, request.decidedBy, request.note));
      return { kind: 'stop', exitCode: exitCodes.deniedByPerson };
    }
    if (request.status !== 'approved') {
      write(notRunnableMessage(requestId, request.status));
      return { kind: 'stop', exitCode: exitCodes.needsApproval };
    }
    const grant = consumeGrant(ctx.store, fp, now(), { requestId });
    if (!grant.ok) {
      write(storeUnavailableMessage(grant.message, grant.path));
      return { kind: 'stop', exitCode: exitCodes.auditUnavailable };
    }
    if (grant.value === undefined) {
      write(notRunnableMessage(requestId, 'approved, but its grant was already used or has expired'));
      return { kind: 'stop', exitCode: exitCodes.needsApproval };
    }
    return {
      kind: 'run',
      channel: 'queue',
      requestId,
      approver: request.decidedBy ?? undefined,
      note: `grant ${grant.value.id} used by the waiting process`,
    };
  }
  write(timedOutMessage(requestId, ctx.wait));
  ctx.record({
    step: 'refused',
    requestId,
    approvalChannel: 'queue',
    note: `no decision within ${ctx.wait} s`,
  });
  return { kind: 'stop', exitCode: exitCodes.approvalTimeout };
}
