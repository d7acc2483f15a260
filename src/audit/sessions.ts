// Interactive session transcripts: timed output/input/resize events, gzip-compressed in chunks.

import { loadCrypto, loadZlib } from './driver.js';
import { type AuditStore, readWith, withDb } from './store.js';
import type { StoreFailure } from './types.js';

export type TranscriptEvent =
  | { t: number; kind: 'output' | 'input'; data: Uint8Array }
  | { t: number; kind: 'resize'; cols: number; rows: number };

export interface SessionStart {
  id?: string;
  shell: string;
  cwd?: string;
  cols: number;
  rows: number;
}

export interface SessionRecord {
  id: string;
  started: string;
  ended: string | null;
  shell: string;
  cwd: string | null;
  cols: number;
  rows: number;
  exitStatus: number | null;
  /** Times are milliseconds since the session started. */
  events: TranscriptEvent[];
}

const KIND_CODE = { output: 0, input: 1, resize: 2 } as const;
const HEADER = 9; // kind (1) + t ms (4) + length (4)

/** Frames events as [kind u8][t u32][length u32][bytes]; resize carries cols u16 + rows u16. */
export function encodeEvents(events: readonly TranscriptEvent[]): Buffer {
  const parts: Buffer[] = [];
  for (const event of events) {
    const body =
      event.kind === 'resize'
        ? Buffer.from([event.cols >> 8, event.cols & 255, event.rows >> 8, event.rows & 255])
        : Buffer.from(event.data);
    const header = Buffer.alloc(HEADER);
    header.writeUInt8(KIND_CODE[event.kind], 0);
    header.writeUInt32BE(Math.max(0, Math.round(event.t)), 1);
    header.writeUInt32BE(body.length, 5);
    parts.push(header, body);
  }
  return Buffer.concat(parts);
}

export function decodeEvents(buffer: Buffer): TranscriptEvent[] {
  const events: TranscriptEvent[] = [];
  for (let at = 0; at + HEADER <= buffer.length; ) {
    const kind = buffer.readUInt8(at);
    const t = buffer.readUInt32BE(at + 1);
    const length = buffer.readUInt32BE(at + 5);
    const body = buffer.subarray(at + HEADER, at + HEADER + length);
    at += HEADER + length;
    if (kind === KIND_CODE.resize) {
      events.push({ t, kind: 'resize', cols: body.readUInt16BE(0), rows: body.readUInt16BE(2) });
    } else {
      events.push({ t, kind: kind === KIND_CODE.input ? 'input' : 'output', data: Buffer.from(body) });
    }
  }
  return events;
}

export function startSession(
  store: AuditStore,
  start: SessionStart,
): { ok: true; id: string } | StoreFailure {
  const id = start.id ?? loadCrypto().randomUUID();
  const result = withDb(store, (db) =>
    db
      .prepare('INSERT INTO sessions (id, started, shell, cwd, cols, rows) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, store.now().toISOString(), start.shell, start.cwd ?? null, start.cols, start.rows),
  );
  return result.ok ? { ok: true, id } : result;
}

/** Stores one batch of events as one compressed chunk; callers batch (say, every half second). */
export function appendTranscript(
  store: AuditStore,
  sessionId: string,
  events: readonly TranscriptEvent[],
): { ok: true; seq: number } | StoreFailure {
  const data = loadZlib().gzipSync(encodeEvents(events));
  const result = withDb(store, (db) =>
    db
      .transaction(() => {
        const seq =
          ((
            db.prepare('SELECT max(seq) AS seq FROM session_chunks WHERE session_id = ?').get(sessionId) as {
              seq: number | null;
            }
          ).seq ?? 0) + 1;
        db.prepare('INSERT INTO session_chunks (session_id, seq, data) VALUES (?, ?, ?)').run(
          sessionId,
          seq,
          data,
        );
        return seq;
      })
      .immediate(),
  );
  return result.ok ? { ok: true, seq: result.value } : result;
}

export function endSession(
  store: AuditStore,
  sessionId: string,
  end: { exitStatus?: number } = {},
): { ok: true } | StoreFailure {
  const result = withDb(store, (db) =>
    db
      .prepare('UPDATE sessions SET ended = ?, exit_status = ? WHERE id = ?')
      .run(store.now().toISOString(), end.exitStatus ?? null, sessionId),
  );
  return result.ok ? { ok: true } : result;
}

export function readSession(store: AuditStore, sessionId: string): SessionRecord | null {
  return readWith(store, (db) => {
    const row = db.prepare('SELECT * FROM sessions WHERE id = ?').get(sessionId) as
      | Record<string, string | number | null>
      | undefined;
    if (!row) return null;
    const chunks = db
      .prepare('SELECT data FROM session_chunks WHERE session_id = ? ORDER BY seq')
      .all(sessionId) as { data: Buffer }[];
    const { gunzipSync } = loadZlib();
    return {
      id: row.id as string,
      started: row.started as string,
      ended: (row.ended as string | null) ?? null,
      shell: row.shell as string,
      cwd: (row.cwd as string | null) ?? null,
      cols: row.cols as number,
      rows: row.rows as number,
      exitStatus: (row.exit_status as number | null) ?? null,
      events: chunks.flatMap((c) => decodeEvents(gunzipSync(c.data))),
    };
  });
}
