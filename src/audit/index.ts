// The audit store: hash-chained log, verification, queries and session transcripts.

export { appendAudit, toContent } from './append.js';
export { CONTENT_COLUMNS, GENESIS_HASH, hashRow, serializeContent } from './canonical.js';
export { chainPending } from './chain.js';
export {
  type ConsumeOptions,
  consumeGrant,
  createGrants,
  type Grant,
  hashToken,
  listGrants,
  type NewGrant,
} from './grants.js';
export { ANCHOR_FILE, KEY_FILE } from './key.js';
export {
  backlogDue,
  CHAIN_AGE_MS,
  CHAIN_BACKLOG,
  listPending,
  listUnreadable,
  PENDING_DIR,
  type PendingResult,
  pendingDir,
  writePending,
} from './pending.js';
export { exportJsonLines, followAudit, queryAudit } from './query.js';
export {
  createRequest,
  type DecideOutcome,
  type Decision,
  decideRequest,
  expireOld,
  getRequest,
  listRequests,
  type NewRequest,
  type QueuedRequest,
  type RequestFilter,
  type StoreResult,
} from './queue.js';
export { chainBacklog, chainPendingNow, type RecordResult, recordEntry } from './record.js';
export { isSecretName, MASK, redact, redactJson, redactWords } from './redact.js';
export { latestVersion, type Migration, migrate, migrations } from './schema.js';
export {
  appendTranscript,
  endSession,
  readSession,
  type SessionRecord,
  type SessionStart,
  startSession,
  type TranscriptEvent,
} from './sessions.js';
export { type AuditStore, AuditStoreError, closeStore, DB_FILE, openStore } from './store.js';
export type * from './types.js';
export { verifyStore } from './verify.js';
