// `airlock check --probe`: the verdict with its blast radius measured (read-only probes,
// time-boxed), and the way back airlock would keep. Runs nothing.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/load.js';
import { airlockDirs } from '../config/paths.js';
import { evaluateLineFully, findProjectRoot } from '../decide/evaluate.js';
import { measureBlastRadius } from '../probes/measure.js';
import type { BlastRadius } from '../probes/types.js';
import { realFs } from '../tools/real-fs.js';
import { planUndo, rollbackLine, withUndo } from '../undo/plan.js';
import { exitCodeFor } from './check.js';
import type { RunContext } from './context.js';
import { renderVerdictText, verdictJson } from './render-verdict.js';
import type { Style } from './style.js';

export function renderBlastText(blast: BlastRadius, rollback: string, style: Style): string {
  const out = [`  ${style.bold('blast radius')}`];
  if (blast.measurements.length === 0) out.push(`    ${style.dim('nothing to measure')}`);
  for (const m of blast.measurements) {
    const what = m.status === 'unknown' ? `unknown (${m.reason ?? 'no reason'})` : m.summary;
    const color =
      m.recoverability === 'recoverable'
        ? style.green
        : m.recoverability === 'not recoverable'
          ? style.red
          : style.yellow;
    const how = m.recovery ? `: ${m.recovery}` : '';
    out.push(`    ${style.dim(`${m.probe}:`)} ${what} ${style.dim('—')} ${color(m.recoverability)}${how}`);
  }
  out.push(`  ${style.dim('rollback:')} ${rollback}`);
  return `${out.join('\n')}\n`;
}

export interface ProbeCheckOptions {
  json: boolean;
  style: Style;
}

export async function runCheckProbe(
  line: string,
  ctx: RunContext,
  options: ProbeCheckOptions,
): Promise<number> {
  const { env, cwd } = ctx.options;
  const config = loadConfig({ cwd, env }).config;
  const evaluation = evaluateLineFully(line, ctx.options);
  // Plans and other artifacts a probe keeps are only for this look; they go when it ends.
  const artifactDir = mkdtempSync(join(tmpdir(), 'airlock-probe-'));
  const run = measureBlastRadius(evaluation, {
    artifactDir,
    env,
    cwd,
    projectRoot: ctx.options.projectRoot ?? findProjectRoot(cwd, realFs),
    timeoutMs: config.probes.timeout,
    shimDirs: [airlockDirs(env).shims],
    all: true,
  });
  // What runs is one command: the undo it would get, if approved through a shim.
  const first = evaluation.invocations[0]?.command.argv;
  const argv = first?.every((w) => w.value !== undefined) ? first.map((w) => w.value as string) : undefined;
  const plan = planUndo(evaluation, { trash: config.undo.trash, argv, approved: true });
  const blast = withUndo(await run.done, plan, evaluation, true);
  rmSync(artifactDir, { recursive: true, force: true });
  const rollback = rollbackLine(plan, true);
  const verdict = evaluation.verdict;
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ ...verdictJson(verdict), blastRadius: { ...blast, rollback } }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(renderVerdictText(line, verdict, options.style));
    process.stdout.write(renderBlastText(blast, rollback, options.style));
  }
  return exitCodeFor(verdict.decision);
}
