// The inbox's view of the approval queue: pending requests as ApprovalViews, and decisions
// made through the same path as `airlock approve`/`deny` (human only, recorded, granted).

import { expireOld, listRequests } from '../../audit/queue.js';
import type { AuditStore } from '../../audit/store.js';
import type { Actor } from '../actor.js';
import { PENDING_MAX_AGE_MS } from '../queue.js';
import { decideAsPerson } from '../queue-decide.js';
import { blastRadiusSummary, requestView } from '../queue-view.js';
import type { InboxSource } from './source.js';

export interface QueueSourceOptions {
  store: AuditStore;
  actor: Actor;
  /** Who decides, for the record. */
  by: string;
  /** How long a one-time grant stays usable, and how that reads (`15m`). */
  grantTtl: { ms: number; text: string };
  now?: () => Date;
}

export function queueSource(options: QueueSourceOptions): InboxSource {
  const now = options.now ?? (() => new Date());
  return {
    listPending: () => {
      expireOld(options.store, now(), PENDING_MAX_AGE_MS);
      const listed = listRequests(options.store, { status: 'pending' });
      if (!listed.ok) return { ok: false, message: listed.message };
      return {
        ok: true,
        items: listed.value.map((request) => {
          const view = requestView(request);
          return { id: request.id, view, blastSummary: blastRadiusSummary(view.blastRadius) };
        }),
      };
    },
    decide: (id, decision) => {
      const result = decideAsPerson(options.store, options.actor, {
        decision,
        requestId: id,
        by: options.by,
        channel: 'inbox',
        ttlMs: options.grantTtl.ms,
        now: now(),
      });
      switch (result.kind) {
        case 'decided':
          return {
            ok: true,
            message:
              decision === 'approve'
                ? `#${id} approved once (the grant expires in ${options.grantTtl.text}): ${result.request.command}`
                : `#${id} denied: ${result.request.command}`,
          };
        case 'not-found':
          return { ok: false, message: `#${id} no longer exists` };
        case 'not-pending':
          return { ok: false, message: `#${id} was already ${result.request.status}; nothing changed` };
        case 'refused-agent':
          return { ok: false, message: result.message.trim() };
        case 'store-failed':
          return { ok: false, message: `#${id}: the queue cannot be used: ${result.message}` };
      }
    },
  };
}
