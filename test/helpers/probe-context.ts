// Runs one registered probe on the first invocation of a tool in a real line, the way the
// measure stage would (real helper commands through execProbeCommand, a deadline).

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadPackFiles } from '../../src/classify/load-packs.js';
import { evaluateLineFully } from '../../src/decide/evaluate.js';
import type { DecidedFinding } from '../../src/decide/verdict.js';
import '../../src/probes/all.js';
import { execProbeCommand } from '../../src/probes/exec.js';
import { probeNamed } from '../../src/probes/registry.js';
import type { Measurement, ProbeContext } from '../../src/probes/types.js';
import type { Invocation } from '../../src/tools/invocation.js';
import { realFs } from '../../src/tools/real-fs.js';

const rulesDir = new URL('../../rules/', import.meta.url).pathname;
export const packs = loadPackFiles(
  readdirSync(rulesDir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(rulesDir, f)),
).packs;

export interface ProbeRun {
  measurement: Measurement;
  invocation: Invocation;
  finding?: DecidedFinding;
}

export function probeContext(
  env: Record<string, string | undefined>,
  cwd: string,
  timeoutMs = 5000,
): ProbeContext & { done(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  return {
    env,
    cwd,
    projectRoot: cwd,
    signal: controller.signal,
    timeoutMs,
    maxItems: 20,
    exec: (program, args, options = {}) =>
      execProbeCommand(program, args, {
        ...options,
        cwd: options.cwd ?? cwd,
        signal: controller.signal,
        shimDirs: [],
        baseEnv: env as NodeJS.ProcessEnv,
      }),
    done: () => clearTimeout(timer),
  };
}

/**
 * Evaluates `line` with the real packs, picks the invocation of `tool` (the `nth` one), and
 * runs `probe` on it; the probe named by the matching finding is checked when there is one.
 */
export async function measureLine(
  line: string,
  tool: string,
  probe: string,
  env: Record<string, string | undefined>,
  cwd: string,
  nth = 0,
): Promise<ProbeRun> {
  const evaluation = evaluateLineFully(line, { env, cwd, packs, fs: realFs });
  const invocation = evaluation.invocations.filter((i) => i.tool === tool)[nth];
  if (invocation === undefined) throw new Error(`no ${tool} invocation in ${line}`);
  const index = evaluation.invocations.indexOf(invocation);
  const finding = evaluation.verdict.findings.find(
    (f) => f.invocationIndex === index && f.probe !== undefined,
  );
  const found = probeNamed(probe);
  if (found === undefined) throw new Error(`no probe ${probe}`);
  const ctx = probeContext(env, cwd);
  const started = Date.now();
  try {
    const base = finding ?? ({ command: line } as DecidedFinding);
    const result = await found.measure({ finding: base, invocation }, ctx);
    return {
      measurement: { probe, status: 'done', ...result, elapsedMs: Date.now() - started },
      invocation,
      ...(finding ? { finding } : {}),
    };
  } finally {
    ctx.done();
  }
}
