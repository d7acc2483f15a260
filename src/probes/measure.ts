// Runs the probes a verdict's findings name, in parallel and each time-boxed, and reports
// each measurement as it arrives. A probe that fails or runs out of time says "unknown"
// with the reason; it never blocks the decision flow.

import type { Evaluation } from '../decide/evaluate.js';
import type { DecidedFinding } from '../decide/verdict.js';
import './all.js';
import { execProbeCommand } from './exec.js';
import { probeNamed } from './registry.js';
import type { BlastRadius, Measurement, ProbeContext, ProbeSubject } from './types.js';

export interface MeasureOptions {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  projectRoot: string;
  /** Per-probe deadline in milliseconds (config probes.timeout). */
  timeoutMs: number;
  /** Shim directories to skip when a probe runs a helper command. */
  shimDirs: readonly string[];
  /** Measure every finding that names a probe, not only those a person must decide. */
  all?: boolean;
  maxItems?: number;
  /** Where a probe keeps files the approved command uses (terraform's plan); the system temp dir if unset. */
  artifactDir?: string;
}

export interface MeasureRun {
  /** The measurements so far (pending ones included). */
  current(): BlastRadius;
  /** Called with the whole blast radius each time a measurement arrives; returns an unsubscribe. */
  subscribe(listener: (blast: BlastRadius) => void): () => void;
  done: Promise<BlastRadius>;
  /**
   * Stops every probe still running (the decision is made): each reports "unknown" at once,
   * so a slow probe no longer holds the process open until its deadline.
   */
  abort(): void;
}

function wanted(finding: DecidedFinding, all: boolean): boolean {
  return finding.probe !== undefined && (all || finding.decision !== 'allow');
}

async function runOne(
  subject: ProbeSubject,
  probeName: string,
  options: MeasureOptions,
  cancel: AbortSignal,
): Promise<Measurement> {
  const base = { probe: probeName, command: subject.finding.command };
  const probe = probeNamed(probeName);
  if (!probe) {
    return {
      ...base,
      status: 'unknown',
      summary: 'blast radius unknown',
      recoverability: 'unknown',
      reason: `no measurement for ${probeName} yet`,
    };
  }
  const controller = new AbortController();
  const started = Date.now();
  const ctx: ProbeContext = {
    env: options.env,
    cwd: subject.invocation.command.cwd ?? options.cwd,
    projectRoot: options.projectRoot,
    signal: controller.signal,
    timeoutMs: options.timeoutMs,
    maxItems: options.maxItems ?? 20,
    ...(options.artifactDir === undefined ? {} : { artifactDir: options.artifactDir }),
    exec: (program, args, execOptions = {}) =>
      execProbeCommand(program, args, {
        ...execOptions,
        cwd: execOptions.cwd ?? subject.invocation.command.cwd ?? options.cwd,
        signal: controller.signal,
        shimDirs: options.shimDirs,
        baseEnv: options.env as NodeJS.ProcessEnv,
      }),
  };
  let timer: NodeJS.Timeout | undefined;
  let onCancel: (() => void) | undefined;
  const unknown = (reason: string): Measurement => ({
    ...base,
    status: 'unknown',
    summary: 'blast radius unknown',
    recoverability: 'unknown',
    reason,
  });
  const deadline = new Promise<Measurement>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(unknown(`timed out after ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    onCancel = () => {
      controller.abort();
      resolve(unknown('stopped: the decision was made before it finished'));
    };
    if (cancel.aborted) onCancel();
    else cancel.addEventListener('abort', onCancel, { once: true });
  });
  const work = probe.measure(subject, ctx).then(
    (m): Measurement => ({ ...base, status: 'done', ...m }),
    (error: unknown): Measurement => ({
      ...base,
      status: 'unknown',
      summary: 'blast radius unknown',
      recoverability: 'unknown',
      reason: error instanceof Error ? error.message : String(error),
    }),
  );
  const result = await Promise.race([work, deadline]);
  clearTimeout(timer);
  if (onCancel !== undefined) cancel.removeEventListener('abort', onCancel);
  controller.abort();
  return { ...result, elapsedMs: Date.now() - started };
}

export function measureBlastRadius(evaluation: Evaluation, options: MeasureOptions): MeasureRun {
  const jobs: { index: number; subject: ProbeSubject; probe: string }[] = [];
  const seen = new Set<string>();
  evaluation.verdict.findings.forEach((finding, index) => {
    if (!wanted(finding, options.all ?? false) || finding.invocationIndex === undefined) return;
    const invocation = evaluation.invocations[finding.invocationIndex];
    const probe = finding.probe as string;
    const key = `${probe}:${finding.invocationIndex}`;
    if (!invocation || seen.has(key)) return;
    seen.add(key);
    jobs.push({ index, subject: { finding, invocation }, probe });
  });

  const measurements: Measurement[] = jobs.map((job) => ({
    probe: job.probe,
    finding: job.index,
    command: job.subject.finding.command,
    status: 'pending',
    summary: 'measuring…',
    recoverability: 'unknown',
  }));
  const listeners = new Set<(blast: BlastRadius) => void>();
  const cancel = new AbortController();
  const snapshot = (): BlastRadius => ({ measurements: measurements.map((m) => ({ ...m })) });
  const done = Promise.all(
    jobs.map(async (job, i) => {
      const result = await runOne(job.subject, job.probe, options, cancel.signal);
      measurements[i] = { ...result, finding: job.index };
      const blast = snapshot();
      for (const listener of listeners) listener(blast);
    }),
  ).then(snapshot);
  return {
    current: snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    done,
    abort: () => cancel.abort(),
  };
}

/** One line for the whole blast radius, for messages and the audit row. */
export function summarizeBlastRadius(blast: BlastRadius): string {
  if (blast.measurements.length === 0) return 'not measured';
  return blast.measurements
    .map((m) => (m.status === 'unknown' ? `unknown (${m.reason ?? 'no reason'})` : m.summary))
    .join('; ');
}
