// Stopping the measurements once the person has decided: a probe still running (a helper
// command that would take half a minute) reports "unknown" at once and its command is killed,
// so the process is not held open until the probe's deadline.

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../src/decide/evaluate.js';
import type { DecidedFinding } from '../../src/decide/verdict.js';
import { measureBlastRadius } from '../../src/probes/measure.js';
import { registerProbe } from '../../src/probes/registry.js';
import type { Invocation } from '../../src/tools/invocation.js';

const marker = `airlock-abort-${process.pid}`;

registerProbe({
  name: 'test-slow',
  measure: async (_subject, ctx) => {
    // A real helper command: `sleep` under a name the test can look for in the process table.
    await ctx.exec('bash', ['-c', `exec -a ${marker} sleep 30`]);
    return { summary: 'finished', recoverability: 'unknown' };
  },
});
registerProbe({ name: 'test-fast', measure: async () => ({ summary: '3 rows', recoverability: 'unknown' }) });

function evaluationWith(probes: string[]): Evaluation {
  const invocation = { command: { cwd: process.cwd() } } as unknown as Invocation;
  const findings = probes.map(
    (probe) =>
      ({
        rule: `test/${probe}`,
        probe,
        decision: 'approve',
        command: probe,
        invocationIndex: 0,
      }) as unknown as DecidedFinding,
  );
  return {
    verdict: { findings } as unknown as Evaluation['verdict'],
    analysis: { commands: [], hazards: [], unknowns: [] },
    invocations: [invocation],
  };
}

const running = () => spawnSync('pgrep', ['-f', marker], { encoding: 'utf8' }).stdout.trim();

describe('MeasureRun.abort', () => {
  it('ends a running probe at once as unknown, kills its command, and keeps finished results', async () => {
    const run = measureBlastRadius(evaluationWith(['test-fast', 'test-slow']), {
      env: process.env,
      cwd: process.cwd(),
      projectRoot: process.cwd(),
      timeoutMs: 60_000,
      shimDirs: [],
    });
    const deadline = Date.now() + 5000;
    while (running() === '' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(running()).not.toBe('');
    // The person answers a moment later: the fast probe has reported by then.
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    run.abort();
    const blast = await run.done;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(blast.measurements[0]?.reason).toBeUndefined();
    expect(blast.measurements.map((m) => [m.probe, m.status])).toEqual([
      ['test-fast', 'done'],
      ['test-slow', 'unknown'],
    ]);
    expect(blast.measurements[0]?.reason).toBeUndefined();
    expect(blast.measurements[1]?.reason).toMatch(/decision was made/);
    await new Promise((r) => setTimeout(r, 200));
    expect(running()).toBe('');
  });
});
