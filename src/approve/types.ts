// The approval step's data: what a person is asked to decide, and what they decided.
// The prompt and the inbox render these; they never decide or execute anything.

import type { Verdict } from '../decide/verdict.js';
import type { BlastRadius, Measurement } from '../probes/types.js';

export type { BlastRadius, Measurement };

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
