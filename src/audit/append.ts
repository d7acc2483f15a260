// Writing a row: redact, chain to the head inside BEGIN IMMEDIATE, sign, and move the head.

import { chainer, statementsFor } from './chain.js';
import { toContent } from './content.js';
import { type AuditStore, withDb } from './store.js';
import type { AppendResult, AuditEntry } from './types.js';

export { toContent } from './content.js';

export function appendAudit(store: AuditStore, entry: AuditEntry): AppendResult {
  const result = withDb(store, (db) => {
    const key = store.key ?? null;
    // Compiled and redacted before the write lock is taken: the lock is held only to chain.
    statementsFor(db);
    const content = toContent(entry, store.now());
    const write = db.transaction(() => chainer(db, key).add(content, null));
    return write.immediate();
  });
  return result.ok ? { ok: true, ...result.value } : result;
}
