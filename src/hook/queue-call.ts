// A hook call that needs a person, from a harness that cannot ask: a grant the person gave
// earlier lets it through once, otherwise it waits in the approval queue and the agent is told
// the request id. The only part of the hook that opens the audit store.

import { chainBacklog, recordEntry } from '../audit/record.js';
import { closeStore, openStore } from '../audit/store.js';
import type { AuditEntry } from '../audit/types.js';
import type { QueueCall } from './judge.js';
import { auditUnavailableMessage, queuedMessage, queueUnavailableMessage } from './messages.js';
import { grantOrQueue } from './queue-request.js';
import type { HookOutcome } from './types.js';

export function queueHookCall(q: QueueCall): HookOutcome {
  const store = openStore(q.stateDir, { sign: q.sign });
  const record = (entry: Omit<AuditEntry, 'entry' | 'actorKind'>) =>
    recordEntry(store, { ...q.base, ...entry });
  try {
    const queued = grantOrQueue({
      store,
      harness: q.harness,
      line: q.line,
      cwd: q.cwd,
      evaluation: q.evaluation,
      verdict: q.verdict,
      actorReason: q.actor.reason,
      now: q.now,
      env: q.env,
    });
    if (queued.kind === 'unavailable') {
      record({ step: 'refused', note: `approval queue unavailable: ${queued.message}` });
      return { kind: 'deny', reason: queueUnavailableMessage(q.verdict, queued.message) };
    }
    if (queued.kind === 'granted') {
      const written = record({
        step: 'approved',
        approvalChannel: 'grant',
        requestId: queued.requestId,
        note: `grant ${queued.grantId} used`,
      });
      if (!written.ok) return { kind: 'deny', reason: auditUnavailableMessage(written.message) };
      return { kind: 'allow' };
    }
    record({ step: 'requested', approvalChannel: 'queue', requestId: queued.requestId });
    return { kind: 'deny', reason: queuedMessage(q.verdict, queued.requestId) };
  } finally {
    chainBacklog(store);
    closeStore(store);
  }
}
