// The approval step's data: what a person is asked to decide, and what they decided.
// The prompt and the inbox render these; they never decide or execute anything.

import type { Verdict } from '../decide/verdict.js';

/** One measurement's result, as the blast-radius panel shows it (filled in by src/probes). */
export interface Measurement {
  /** The probe that produced it (`rm-tree`, `psql-count`…). */
  probe: string;
  status: 'pending' | 'done' | 'unknown';
  /** One line for the panel: `1,204 files, 38 MB (12 untracked)`. */
  summary: string;
  /** Counts by name (`files`, `bytes`, `rows`…). */
  counts?: Record<string, number>;
  /** The first affected items, up to a limit. */
  items?: string[];
  /** True when counting stopped at a cap ("at least"). */
  capped?: boolean;
  recoverability: 'recoverable' | 'not recoverable' | 'unknown';
  /** How it can be recovered, or why not. */
  recovery?: string;
  /** Why the measurement is unknown (timed out, failed…). */
  reason?: string;
  elapsedMs?: number;
  /** Raw output for the details view. */
  raw?: string;
}

export interface BlastRadius {
  measurements: Measurement[];
}

/** What the person must type to approve a destroy in production (the target's name). */
export interface TypedConfirmation {
  expected: string;
  /** What it names: `namespace`, `table`, `directory`, `workspace`… */
  what: string;
}

/** Everything a prompt or the inbox shows about one request. Plain serializable data. */
export interface ApprovalView {
  /** Queue id, when the request is in the queue. */
  id?: number;
  /** The command as typed (line or argv joined). */
  command: string;
  cwd: string;
  verdict: Verdict;
  blastRadius?: BlastRadius;
  /** The way back, or `no undo` (`moved to airlock's trash; airlock undo 42`). */
  rollback: string;
  confirmation?: TypedConfirmation;
  actor: { kind: 'human' | 'agent'; agent?: string; reason: string };
  requestedAt: string;
}

/** The closed set of outcomes a prompt resolves to. */
export type PromptOutcome =
  | { kind: 'approved'; typed?: string }
  | { kind: 'denied'; reason: 'key' | 'escape' | 'interrupt' | 'typed-mismatch' }
  | { kind: 'unavailable'; reason: string };

export type RequestStatus = 'pending' | 'approved' | 'denied' | 'expired' | 'used';
