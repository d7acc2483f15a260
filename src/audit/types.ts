// The shapes the audit store takes in and gives back: entries, rows, failures, verify results.

export type ActorKind = 'human' | 'agent' | 'unknown';
/** `cli`: airlock's own management commands (approve, deny) acting on the queue. */
export type EntryKind = 'shim' | 'run' | 'sh' | 'hook' | 'shell' | 'check' | 'cli';
export type AuditStep =
  | 'requested'
  | 'allowed'
  | 'refused'
  | 'approved'
  | 'denied'
  | 'executed'
  | 'exited'
  | 'error';

/** What a caller records; the store adds id, time and the chain fields. */
export interface AuditEntry {
  actorKind: ActorKind;
  /** Which agent (`claude-code`, `codex`…), when the actor is one. */
  agent?: string;
  /** Why airlock thinks the actor is who it is (`AIRLOCK_AGENT set`, `no controlling terminal`). */
  modeReason?: string;
  sessionId?: string;
  cwd?: string;
  entry: EntryKind;
  /** The argv a shim saw. Redacted before storing. */
  argv?: string[];
  /** The whole line `sh`/`hook`/`check` saw. Redacted before storing. */
  line?: string;
  /** Tool families involved (`git`, `kubectl`), for `airlock log --tool`. */
  tools?: string[];
  decision?: string;
  effect?: string;
  ruleIds?: string[];
  /** The verdict's environment (plain JSON). String values are redacted. */
  environment?: unknown;
  /** Measured blast radius (plain JSON), when there is one. String values are redacted. */
  blastRadius?: unknown;
  step: AuditStep;
  /** How an approval or denial came: `prompt`, `queue`, `grant`, `cli`. */
  approvalChannel?: string;
  approver?: string;
  requestId?: number;
  exitStatus?: number;
  signal?: string;
  durationMs?: number;
  /** Free text: an error message, a denial reason. Redacted before storing. */
  note?: string;
}

/** A stored row, JSON columns parsed. */
export interface AuditRow {
  id: number;
  time: string;
  actorKind: ActorKind;
  agent: string | null;
  modeReason: string | null;
  sessionId: string | null;
  cwd: string | null;
  entry: EntryKind;
  argv: string[] | null;
  line: string | null;
  tools: string[];
  decision: string | null;
  effect: string | null;
  ruleIds: string[];
  environment: unknown;
  blastRadius: unknown;
  step: AuditStep;
  approvalChannel: string | null;
  approver: string | null;
  requestId: number | null;
  exitStatus: number | null;
  signal: string | null;
  durationMs: number | null;
  note: string | null;
  prevHash: string;
  hash: string;
  hmac: string | null;
}

export type StoreFailureReason =
  | 'locked'
  | 'disk-full'
  | 'corrupt'
  | 'read-only'
  | 'unavailable'
  | 'driver'
  | 'io'
  | 'internal';

/** A write that did not happen, and why; the caller refuses non-reads and warns on reads. */
export interface StoreFailure {
  ok: false;
  reason: StoreFailureReason;
  message: string;
  /** The underlying error code (`SQLITE_BUSY`, `ENOTDIR`…), when there was one. */
  code?: string;
  path: string;
}

export type AppendResult = { ok: true; id: number; hash: string } | StoreFailure;

export type TamperKind =
  | 'edited'
  | 'deleted'
  | 'inserted'
  | 'reordered'
  | 'truncated'
  | 'bad-signature'
  | 'replaced';

export type VerifyResult =
  | {
      ok: true;
      rows: number;
      lastId: number;
      /** Whether HMAC signatures were checked (a key file exists). */
      signed: boolean;
      notes: string[];
    }
  | {
      ok: false;
      kind: TamperKind | 'unreadable';
      /** The first bad row's id; 0 when the break is not one row (missing head, replaced store). */
      id: number;
      message: string;
      rows: number;
      signed: boolean;
      notes: string[];
    };

export interface AuditFilters {
  since?: Date;
  decision?: string;
  tool?: string;
  session?: string;
  /** `human`, `agent`, `unknown`, or an agent's name. */
  actor?: string;
  step?: AuditStep;
  /** Only rows with a greater id (used by follow). */
  afterId?: number;
  /** The newest `limit` rows, still returned oldest first. */
  limit?: number;
}

export interface StoreOptions {
  /** SQLite busy timeout; set before anything else on the connection. Default 5000. */
  busyTimeoutMs?: number;
  /** Sign rows with the per-user key in the state dir (created 0600 on first use). Default true. */
  sign?: boolean;
  /** The clock, for tests. */
  now?: () => Date;
}
