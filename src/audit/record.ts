// Recording one entry the cheapest way that keeps the chain in order: straight into the store
// when this process already has it open, otherwise as a pending row the next opener chains.

import { appendAudit } from './append.js';
import { chainPending } from './chain.js';
import { backlogDue, CHAIN_BACKLOG, listPending, writePending } from './pending.js';
import { type AuditStore, withDb } from './store.js';
import type { AuditEntry, StoreFailure } from './types.js';

export type RecordResult = { ok: true } | StoreFailure;

export function recordEntry(store: AuditStore, entry: AuditEntry): RecordResult {
  if (store.db !== undefined) return appendAudit(store, entry);
  return writePending(store.stateDir, entry, store.now());
}

/**
 * Chains the pending rows when enough have built up, or the oldest has waited long enough,
 * without anything else chaining them (allowed commands with no `airlock log` or approval in
 * between). Costs a directory listing; a failure leaves the rows pending for the next opener.
 */
export function chainBacklog(store: AuditStore, threshold: number = CHAIN_BACKLOG): void {
  if (store.db !== undefined || !backlogDue(listPending(store.stateDir), store.now().getTime(), threshold))
    return;
  withDb(store, () => undefined);
}

/** Chains whatever is pending now (a long-lived process such as `airlock shell` calls this). */
export function chainPendingNow(store: AuditStore): RecordResult {
  const result = withDb(store, (db) => chainPending(store, db));
  return result.ok ? { ok: true } : result;
}
