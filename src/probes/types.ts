// The measure stage's data: what a probe reports about a command's blast radius, and the
// contract every probe implements. Probes only read, are time-boxed, and never block.

import type { DecidedFinding } from '../decide/verdict.js';
import type { Invocation } from '../tools/invocation.js';

/** One measurement's result, as the blast-radius panel shows it (filled in by src/probes). */
export interface Measurement {
  /** The finding it measures (index into the verdict's findings). */
  finding?: number;
  /** The command it measures. */
  command?: string;
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
  /**
   * A file the measurement made that the approved command should use (terraform's plan
   * file: applying exactly it makes what runs what was shown).
   */
  artifact?: string;
}

export interface BlastRadius {
  measurements: Measurement[];
}

/** What a probe measures: one finding and the invocation it came from. */
export interface ProbeSubject {
  finding: DecidedFinding;
  invocation: Invocation;
}

export interface ExecResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when output went past the cap and was cut. */
  truncated: boolean;
}

export interface ExecOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  input?: string;
}

export interface ProbeContext {
  /** The caller's environment (the one the command would run with). */
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  projectRoot: string;
  /** Fires when the probe's time is up; long work must check it. */
  signal: AbortSignal;
  /** Milliseconds this probe may take. */
  timeoutMs: number;
  /**
   * Runs a read-only helper command (git, kubectl get, terraform plan…), killed when the
   * probe's time runs out. Resolves the real binary past airlock's shims.
   */
  exec(program: string, args: readonly string[], options?: ExecOptions): Promise<ExecResult>;
  /** How many items to list, at most. */
  maxItems: number;
  /** Where to keep files the approved command uses (under airlock's data dir); temp dir if unset. */
  artifactDir?: string;
}

export interface Probe {
  /** The name rules refer to in their `probe:` field. */
  name: string;
  measure(
    subject: ProbeSubject,
    ctx: ProbeContext,
  ): Promise<Omit<Measurement, 'probe' | 'status'> & { status?: 'done' | 'unknown' }>;
}
