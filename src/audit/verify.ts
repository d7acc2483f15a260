// `airlock verify`: re-hashes the log offline and names the first break and its kind.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GENESIS_HASH, hashRow, sameDigest, signAnchor, signHash, signHead } from './canonical.js';
import { type Db, loadDriver } from './driver.js';
import { ANCHOR_FILE, readAnchor, readKey } from './key.js';
import { listPending, listUnreadable, pendingDir } from './pending.js';
import { DB_FILE } from './store.js';
import type { TamperKind, VerifyResult } from './types.js';

interface StoredRow extends Record<string, unknown> {
  id: number;
  prev_hash: string;
  hash: string;
  hmac: string | null;
}

interface Head {
  last_id: number;
  last_hash: string;
  hmac: string | null;
}

interface Break {
  kind: TamperKind;
  id: number;
  message: string;
}

/** Where the walk stands when a row does not fit: the two rows before it. */
interface Walk {
  expectedId: number;
  expectedPrev: string;
  /** Hash of the row before the previous one (an inserted row sits between them). */
  beforePrev: string | null;
  previousId: number;
}

function explainRow(
  db: Db,
  row: StoredRow,
  walk: Walk,
  head: Head | undefined,
  key: Buffer | null,
): Break | null {
  const selfOk = hashRow(row, row.prev_hash) === row.hash;
  const linkOk = row.prev_hash === walk.expectedPrev;
  const sigOk = !key || sameDigest(row.hmac, signHash(key, row.hash));
  if (selfOk && linkOk && sigOk) {
    return row.id === walk.expectedId
      ? null
      : {
          kind: 'edited',
          id: row.id,
          message: `row ids were renumbered: expected ${walk.expectedId}, found ${row.id}`,
        };
  }
  const next = db.prepare('SELECT prev_hash FROM audit WHERE id > ? ORDER BY id LIMIT 1').get(row.id) as
    | { prev_hash: string }
    | undefined;
  // The following row links over this one, so this one was slipped in.
  const skipped = next?.prev_hash === walk.expectedPrev;
  const beyondHead = head !== undefined && row.id > head.last_id;
  const inserted: Break = { kind: 'inserted', id: row.id, message: `row ${row.id} is not part of the chain` };
  if (!selfOk) {
    return skipped
      ? inserted
      : { kind: 'edited', id: row.id, message: `row ${row.id}'s content does not match its hash` };
  }
  if (!linkOk) {
    if (walk.beforePrev !== null && row.prev_hash === walk.beforePrev) {
      return {
        kind: 'inserted',
        id: walk.previousId,
        message: `row ${walk.previousId} was inserted: row ${row.id} links to the row before it`,
      };
    }
    const elsewhere = db.prepare('SELECT id FROM audit WHERE hash = ?').get(row.prev_hash) as
      | { id: number }
      | undefined;
    if (elsewhere) {
      return {
        kind: 'reordered',
        id: row.id,
        message: `row ${row.id} belongs after row ${elsewhere.id}, not after row ${walk.previousId}`,
      };
    }
    if (row.id > walk.expectedId || walk.previousId === 0) {
      const missing = row.id > walk.expectedId ? `${walk.expectedId}–${row.id - 1}` : `before row ${row.id}`;
      return { kind: 'deleted', id: walk.expectedId, message: `rows ${missing} were deleted` };
    }
    if (skipped || beyondHead) return inserted;
    return {
      kind: 'edited',
      id: walk.previousId,
      message: `row ${walk.previousId} was changed and re-hashed: row ${row.id} still names its old hash`,
    };
  }
  if (skipped || beyondHead) return inserted;
  return {
    kind: 'bad-signature',
    id: row.id,
    message: `row ${row.id}'s signature does not match (changed by someone without the key)`,
  };
}

function checkHead(
  head: Head | undefined,
  last: { id: number; hash: string } | undefined,
  key: Buffer | null,
): Break | null {
  const lastId = last?.id ?? 0;
  if (!head) {
    return lastId === 0 ? null : { kind: 'truncated', id: 0, message: 'the head record is missing' };
  }
  if (key && !sameDigest(head.hmac, signHead(key, head.last_id, head.last_hash))) {
    return { kind: 'bad-signature', id: 0, message: "the head record's signature does not match" };
  }
  if (head.last_id > lastId) {
    return {
      kind: 'truncated',
      id: lastId + 1,
      message: `rows ${lastId + 1}–${head.last_id} (the newest) were deleted`,
    };
  }
  if (head.last_id < lastId) {
    return {
      kind: 'inserted',
      id: head.last_id + 1,
      message: `rows after ${head.last_id} were added behind airlock's back`,
    };
  }
  if (last && head.last_hash !== last.hash) {
    return { kind: 'edited', id: lastId, message: `row ${lastId} does not match the head record` };
  }
  return null;
}

function checkAnchor(db: Db, stateDir: string, key: Buffer | null): Break | null {
  const anchor = readAnchor(stateDir);
  if (!anchor) return null;
  const row = db.prepare(`SELECT value FROM meta WHERE key = 'store_id'`).get() as
    | { value: string }
    | undefined;
  const forged = key !== null && !sameDigest(anchor.hmac, signAnchor(key, anchor.storeId, anchor.created));
  if (forged || row?.value !== anchor.storeId) {
    return {
      kind: 'replaced',
      id: 0,
      message: `${DB_FILE} is not the store ${ANCHOR_FILE} records: the log was deleted and restarted`,
    };
  }
  return null;
}

export function verifyStore(stateDir: string, options: { busyTimeoutMs?: number } = {}): VerifyResult {
  const key = readKey(stateDir);
  const signed = key !== null;
  const notes: string[] = signed ? [] : ['no key file: signatures were not checked'];
  const waiting = listPending(stateDir).length;
  if (waiting > 0) notes.push(`${waiting} pending rows not yet chained (in ${pendingDir(stateDir)})`);
  for (const file of listUnreadable(stateDir)) notes.push(`unreadable pending row set aside: ${file}`);
  const path = join(stateDir, DB_FILE);
  if (!existsSync(path)) {
    if (readAnchor(stateDir)) {
      const message = `${DB_FILE} is missing but ${ANCHOR_FILE} says a store existed`;
      return { ok: false, kind: 'replaced', id: 0, message, rows: 0, signed, notes };
    }
    return { ok: true, rows: 0, lastId: 0, signed, notes: [...notes, 'no audit store yet'] };
  }
  let db: Db | undefined;
  try {
    const Database = loadDriver();
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: options.busyTimeoutMs ?? 5000 });
    const open = db;
    // One read transaction: a consistent snapshot even while writers append.
    return open.transaction((): VerifyResult => {
      let rows = 0;
      const walk: Walk = { expectedId: 1, expectedPrev: GENESIS_HASH, beforePrev: null, previousId: 0 };
      const head = open.prepare('SELECT last_id, last_hash, hmac FROM head WHERE id = 1').get() as
        | Head
        | undefined;
      const fail = (b: Break): VerifyResult => ({ ok: false, ...b, rows, signed, notes });
      const anchorBreak = checkAnchor(open, stateDir, key);
      if (anchorBreak) return fail(anchorBreak);
      // Pages, not an iterator: explaining a break runs other queries on the same connection.
      const page = open.prepare('SELECT * FROM audit WHERE id > ? ORDER BY id LIMIT 1000');
      for (
        let batch = page.all(0) as StoredRow[];
        batch.length > 0;
        batch = page.all(walk.previousId) as StoredRow[]
      ) {
        for (const row of batch) {
          const broken = explainRow(open, row, walk, head, key);
          if (broken) return fail(broken);
          rows++;
          walk.beforePrev = walk.expectedPrev;
          walk.expectedPrev = row.hash;
          walk.previousId = row.id;
          walk.expectedId = row.id + 1;
        }
      }
      const last = rows > 0 ? { id: walk.previousId, hash: walk.expectedPrev } : undefined;
      const headBreak = checkHead(head, last, key);
      if (headBreak) return fail(headBreak);
      return { ok: true, rows, lastId: walk.previousId, signed, notes };
    })();
  } catch (error) {
    const message = `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, kind: 'unreadable', id: 0, message, rows: 0, signed, notes };
  } finally {
    db?.close();
  }
}
