// Runs every rule's examples through the whole pipeline: a `stop` line must produce a
// finding from that rule and a decision other than allow; a `pass` line must not.

import type { FsView } from '../tools/invocation.js';
import { memoryFs } from '../tools/memory-fs.js';
import type { Pack, Rule, RuleExample } from './rule.js';

type Decision = 'allow' | 'approve' | 'deny';

/** The world an example runs in: a fixed home and project unless the example says otherwise. */
export interface ExampleRun {
  line: string;
  env: Record<string, string | undefined>;
  cwd: string;
  fs: FsView;
  airlockPaths: string[];
}

/** What the tester needs from a verdict (src/decide's Verdict satisfies it). */
export interface VerdictLike {
  decision: Decision;
  findings: readonly { rule: string; decision: Decision }[];
}

export type EvaluateExample = (run: ExampleRun) => VerdictLike;

export interface ExampleResult {
  rule: string;
  pack: string;
  file: string;
  line: number;
  kind: 'stop' | 'pass';
  example: string;
  ok: boolean;
  decision?: Decision;
  /** Why it failed. */
  message?: string;
}

export const exampleHome = '/home/user';
export const exampleCwd = '/home/user/project';
export const exampleAirlockPaths = [
  '/home/user/.config/airlock',
  '/home/user/.local/state/airlock',
  '/home/user/.local/share/airlock',
];
const exampleEnv = { HOME: exampleHome, USER: 'user', PATH: '/usr/local/bin:/usr/bin:/bin' };

export function exampleRun(example: RuleExample): ExampleRun {
  const ex = typeof example === 'string' ? { line: example } : example;
  const cwd = ex.cwd ?? exampleCwd;
  return {
    line: ex.line,
    env: { ...exampleEnv, ...ex.env },
    cwd,
    fs: memoryFs([`${cwd}/`, ...(ex.files ?? [])], cwd),
    airlockPaths: exampleAirlockPaths,
  };
}

export function checkExample(
  rule: Rule,
  kind: 'stop' | 'pass',
  example: RuleExample,
  evaluate: EvaluateExample,
): ExampleResult {
  const run = exampleRun(example);
  const base = {
    rule: rule.id,
    pack: rule.pack,
    file: rule.source.file,
    line: rule.source.line,
    kind,
    example: run.line,
  };
  let verdict: VerdictLike;
  try {
    verdict = evaluate(run);
  } catch (error) {
    return { ...base, ok: false, message: `evaluation threw: ${(error as Error).message}` };
  }
  const wanted = typeof example === 'string' ? undefined : example.decision;
  const own = verdict.findings.filter((f) => f.rule === rule.id);
  const fail = (message: string): ExampleResult => ({
    ...base,
    ok: false,
    decision: verdict.decision,
    message,
  });
  if (kind === 'stop') {
    if (own.length === 0) {
      const others = verdict.findings.map((f) => f.rule).join(', ') || 'none';
      return fail(`expected rule ${rule.id} to match; findings: ${others}`);
    }
    if (wanted !== undefined ? verdict.decision !== wanted : verdict.decision === 'allow') {
      return fail(`expected decision ${wanted ?? 'approve or deny'}, got ${verdict.decision}`);
    }
  } else {
    const stopping = own.find((f) => f.decision !== 'allow');
    if (stopping !== undefined) return fail(`rule ${rule.id} matched with decision ${stopping.decision}`);
    if (verdict.decision !== (wanted ?? 'allow')) {
      const why = verdict.findings.filter((f) => f.decision !== 'allow').map((f) => f.rule);
      return fail(
        `expected decision ${wanted ?? 'allow'}, got ${verdict.decision} (${why.join(', ') || 'unknowns'})`,
      );
    }
  }
  return { ...base, ok: true, decision: verdict.decision };
}

/** Every example of every rule (optionally only some rules), in pack order. */
export function testRules(
  packs: readonly Pack[],
  evaluate: EvaluateExample,
  only?: (rule: Rule) => boolean,
): ExampleResult[] {
  const results: ExampleResult[] = [];
  for (const pack of packs) {
    for (const rule of pack.rules) {
      if (only !== undefined && !only(rule)) continue;
      for (const ex of rule.examples.stop) results.push(checkExample(rule, 'stop', ex, evaluate));
      for (const ex of rule.examples.pass) results.push(checkExample(rule, 'pass', ex, evaluate));
    }
  }
  return results;
}
