// Shared by the infrastructure recognizer tests: run a line through parse → recognize (and
// the whole pipeline) with the real file system and the built-in packs.

import { builtInPacks } from '../../src/commands/packs.js';
import { evaluateLineFully } from '../../src/decide/evaluate.js';
import type { Verdict } from '../../src/decide/verdict.js';
import type { Invocation } from '../../src/tools/invocation.js';
import { realFs } from '../../src/tools/real-fs.js';

export const fixtures = new URL('../fixtures/', import.meta.url).pathname;

export interface LineRun {
  env?: Record<string, string>;
  cwd?: string;
}

export function evaluate(line: string, run: LineRun = {}): { verdict: Verdict; invocations: Invocation[] } {
  const env = { HOME: '/nonexistent-home', PATH: '/usr/bin:/bin', ...run.env };
  const result = evaluateLineFully(line, { env, cwd: run.cwd ?? '/tmp', fs: realFs, packs: builtInPacks() });
  return { verdict: result.verdict, invocations: result.invocations };
}

/** The invocations of one tool in the line. */
export function invocationsOf(tool: string, line: string, run: LineRun = {}): Invocation[] {
  return evaluate(line, run).invocations.filter((i) => i.tool === tool);
}

/** The only invocation of `tool` in the line. */
export function invocationOf(tool: string, line: string, run: LineRun = {}): Invocation {
  const found = invocationsOf(tool, line, run);
  if (found.length !== 1) throw new Error(`expected one ${tool} invocation in ${line}, got ${found.length}`);
  return found[0]!;
}

export function hint(inv: Invocation, kind: string): string | undefined {
  return inv.envHints.find((h) => h.kind === kind)?.value;
}

/** Rule ids that fired, and the decision. */
export function outcome(line: string, run: LineRun = {}): { rules: string[]; decision: string; env: string } {
  const { verdict } = evaluate(line, run);
  return {
    rules: verdict.findings.map((f) => f.rule).sort(),
    decision: verdict.decision,
    env: verdict.environment.name,
  };
}
