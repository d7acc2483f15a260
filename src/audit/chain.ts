// The hash chain as it is written: each row names its predecessor's hash, is signed with the
// store's key, and moves the head record. Used for rows appended directly and for pending rows.

import {
  CONTENT_COLUMNS,
  type ContentColumn,
  GENESIS_HASH,
  hashRow,
  type StoredValue,
  signHash,
  signHead,
} from './canonical.js';
import { toContent } from './content.js';
import type { Db } from './driver.js';
import { listPending, readPending, removePending, setAsideUnreadable } from './pending.js';
import type { AuditStore } from './store.js';

interface Tail {
  id: number;
  hash: string;
}

const statements = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return {
    head: db.prepare('SELECT last_id AS id, last_hash AS hash FROM head WHERE id = 1'),
    last: db.prepare('SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1'),
    insert: db.prepare(
      `INSERT INTO audit (id, time, actor_kind, agent, mode_reason, session_id, cwd, entry, argv, line, tools,
        decision, effect, rule_ids, environment, blast_radius, step, approval_channel, approver, request_id,
        exit_status, signal, duration_ms, note, prev_hash, hash, hmac, pending)
       VALUES (@id, @time, @actor_kind, @agent, @mode_reason, @session_id, @cwd, @entry, @argv, @line, @tools,
        @decision, @effect, @rule_ids, @environment, @blast_radius, @step, @approval_channel, @approver,
        @request_id, @exit_status, @signal, @duration_ms, @note, @prev_hash, @hash, @hmac, @pending)`,
    ),
    moveHead: db.prepare(
      `INSERT INTO head (id, last_id, last_hash, hmac, updated) VALUES (1, @id, @hash, @hmac, @updated)
       ON CONFLICT(id) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash,
         hmac = excluded.hmac, updated = excluded.updated`,
    ),
    chained: db.prepare('SELECT 1 FROM audit WHERE pending = ?'),
  };
}

/**
 * The chain's statements for this connection, compiled once. Call it before BEGIN IMMEDIATE:
 * compiling inside the transaction would hold the write lock longer on each process's first row.
 */
export function statementsFor(db: Db): ReturnType<typeof prepare> {
  let s = statements.get(db);
  if (!s) {
    s = prepare(db);
    statements.set(db, s);
  }
  return s;
}

/**
 * Appends rows to the chain; call inside an IMMEDIATE transaction. Reading the tail inside the
 * write lock is what keeps the chain whole across processes.
 */
export function chainer(db: Db, key: Buffer | null) {
  const sql = statementsFor(db);
  const head = sql.head.get() as Tail | undefined;
  const last = sql.last.get() as Tail | undefined;
  // The head, not the last row, is what we chain to: if the newest rows were deleted, the
  // next row still names the missing hash and the gap stays visible to verify.
  let prevHash = head?.hash ?? last?.hash ?? GENESIS_HASH;
  let id = Math.max(head?.id ?? 0, last?.id ?? 0);
  return {
    add(content: Record<ContentColumn, StoredValue>, pending: string | null): Tail {
      id += 1;
      const hash = hashRow(content, prevHash);
      const hmac = key ? signHash(key, hash) : null;
      sql.insert.run({ ...content, id, prev_hash: prevHash, hash, hmac, pending });
      sql.moveHead.run({ id, hash, hmac: key ? signHead(key, id, hash) : null, updated: content.time });
      prevHash = hash;
      return { id, hash };
    },
    isChained: (pending: string): boolean => sql.chained.get(pending) !== undefined,
  };
}

const notNullColumns: ReadonlySet<ContentColumn> = new Set([
  'time',
  'actor_kind',
  'entry',
  'tools',
  'rule_ids',
  'step',
]);

/** The row's columns as written, or why they cannot be stored as they are. */
function checkedContent(content: Record<string, unknown>): Record<ContentColumn, StoredValue> | string {
  const checked = {} as Record<ContentColumn, StoredValue>;
  for (const column of CONTENT_COLUMNS) {
    const value = content[column] ?? null;
    if (value !== null && typeof value !== 'string' && typeof value !== 'number')
      return `${column} is not a value`;
    if (value === null && notNullColumns.has(column)) return `${column} is missing`;
    checked[column] = value;
  }
  return checked;
}

/**
 * Chains the rows waiting in the state directory (written by guarded commands, see pending.ts),
 * oldest first, then removes their files. Safe against concurrent chainers: a row already in the
 * log (its file name is stored with it) is not added twice. An unreadable file is set aside and
 * an error row in the chain says so. Returns how many rows were chained.
 */
export function chainPending(store: AuditStore, db: Db): number {
  const names = listPending(store.stateDir);
  if (names.length === 0) return 0;
  const key = store.key ?? null;
  const done: string[] = [];
  const unreadable: { name: string; reason: string }[] = [];
  let added = 0;
  statementsFor(db);
  const write = db.transaction(() => {
    const chain = chainer(db, key);
    for (const name of names) {
      if (chain.isChained(name)) {
        done.push(name);
        continue;
      }
      const row = readPending(store.stateDir, name);
      if (row === undefined) continue;
      const content = 'unreadable' in row ? row.unreadable : checkedContent(row.content);
      if (typeof content === 'string') {
        unreadable.push({ name, reason: content });
        continue;
      }
      chain.add(content, name);
      done.push(name);
      added += 1;
    }
    for (const { name, reason } of unreadable) {
      const kept = setAsideUnreadable(store.stateDir, name);
      chain.add(
        toContent(
          {
            actorKind: 'unknown',
            entry: 'cli',
            step: 'error',
            note: `a pending audit row could not be read (${reason}); it was kept as ${kept}`,
          },
          store.now(),
        ),
        null,
      );
    }
  });
  write.immediate();
  removePending(store.stateDir, done);
  return added;
}
