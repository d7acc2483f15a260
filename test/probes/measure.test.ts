import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/classify/finding.js';
import type { Evaluation } from '../../src/decide/evaluate.js';
import type { DecidedFinding } from '../../src/decide/verdict.js';
import { measureBlastRadius, summarizeBlastRadius } from '../../src/probes/measure.js';
import { registerProbe } from '../../src/probes/registry.js';
import type { Invocation } from '../../src/tools/invocation.js';

function finding(probe: string, decision: DecidedFinding['decision'], invocationIndex = 0): DecidedFinding {
  const base: Finding = {
    rule: `test/${probe}`,
    pack: 'test',
    effect: 'destroy',
    reason: 'r',
    alternatives: [],
    probe,
    catastrophic: false,
    regenerableExempt: false,
    command: `cmd-${probe}`,
    span: { start: 0, end: 1 },
    invocationIndex,
    invocation: {
      tool: 't',
      program: 't',
      subcommand: [],
      flags: {},
      positionals: [],
      targets: [],
      envHints: [],
      facts: {},
      unknowns: [],
      origin: [],
    },
  };
  return { ...base, decision, environment: { name: 'local', source: 'test' }, why: 'w' };
}

function evaluation(findings: DecidedFinding[]): Evaluation {
  const invocation = { command: { cwd: process.cwd() } } as unknown as Invocation;
  return {
    verdict: {
      decision: 'approve',
      effect: 'destroy',
      findings,
      unknowns: [],
      environment: { name: 'local', source: 'test' },
      reasons: [],
    },
    analysis: { commands: [], hazards: [], unknowns: [] },
    invocations: [invocation, invocation],
  };
}

const options = {
  env: process.env,
  cwd: process.cwd(),
  projectRoot: process.cwd(),
  timeoutMs: 300,
  shimDirs: [],
};

registerProbe({
  name: 't-fast',
  measure: async () => ({ summary: '3 files', counts: { files: 3 }, recoverability: 'recoverable' }),
});
registerProbe({
  name: 't-slow',
  measure: (_s, ctx) =>
    new Promise((resolve) =>
      ctx.signal.addEventListener('abort', () => resolve({ summary: 'late', recoverability: 'unknown' })),
    ),
});
registerProbe({
  name: 't-fail',
  measure: async () => {
    throw new Error('permission denied');
  },
});
registerProbe({
  name: 't-exec',
  measure: async (_s, ctx) => {
    const r = await ctx.exec('sh', ['-c', 'echo "$AIRLOCK_PROBE"; sleep 5']);
    return { summary: `exit ${r.code ?? r.signal}`, raw: r.stdout, recoverability: 'unknown' };
  },
});

describe('measureBlastRadius', () => {
  it('reports pending measurements at once, then each result as it arrives', async () => {
    const run = measureBlastRadius(
      evaluation([finding('t-fast', 'approve'), finding('t-slow', 'approve', 1)]),
      options,
    );
    expect(run.current().measurements.map((m) => m.status)).toEqual(['pending', 'pending']);
    const seen: string[][] = [];
    run.subscribe((b) => seen.push(b.measurements.map((m) => m.status)));
    const blast = await run.done;
    expect(seen[0]).toEqual(['done', 'pending']);
    expect(blast.measurements[0]).toMatchObject({
      status: 'done',
      summary: '3 files',
      counts: { files: 3 },
      finding: 0,
    });
    expect(blast.measurements[1]).toMatchObject({ status: 'unknown', reason: 'timed out after 300 ms' });
  });

  it('turns a failing probe into unknown with the reason', async () => {
    const blast = await measureBlastRadius(evaluation([finding('t-fail', 'approve')]), options).done;
    expect(blast.measurements[0]).toMatchObject({ status: 'unknown', reason: 'permission denied' });
    expect(summarizeBlastRadius(blast)).toBe('unknown (permission denied)');
  });

  it("says when no probe exists under the rule's probe name", async () => {
    const blast = await measureBlastRadius(evaluation([finding('t-missing', 'approve')]), options).done;
    expect(blast.measurements[0]?.reason).toMatch(/no measurement for t-missing/);
  });

  it('measures only what a person must decide, unless asked for all', async () => {
    const ev = evaluation([finding('t-fast', 'allow')]);
    expect((await measureBlastRadius(ev, options).done).measurements).toHaveLength(0);
    expect((await measureBlastRadius(ev, { ...options, all: true }).done).measurements).toHaveLength(1);
  });

  it('kills a helper command when the probe runs out of time', async () => {
    const started = Date.now();
    const blast = await measureBlastRadius(evaluation([finding('t-exec', 'approve')]), options).done;
    expect(blast.measurements[0]?.status).toBe('unknown');
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
