// Renders a Verdict for people (text) and for machines (JSON), from the same object.

import type { Verdict } from '../decide/verdict.js';
import type { Style } from './style.js';

function badge(verdict: Verdict, style: Style): string {
  switch (verdict.decision) {
    case 'allow':
      return style.green(style.bold('ALLOW'));
    case 'approve':
      return style.yellow(style.bold('NEEDS APPROVAL'));
    case 'deny':
      return style.red(style.bold('REFUSED'));
  }
}

function environmentText(env: Verdict['environment'], style: Style): string {
  const name = env.name === 'prod' ? style.red(style.bold('PROD')) : env.name;
  return `${name} ${style.dim(`(${env.source})`)}`;
}

export function renderVerdictText(line: string, verdict: Verdict, style: Style): string {
  const out: string[] = [];
  out.push(`${badge(verdict, style)}  ${style.bold(line.length > 300 ? `${line.slice(0, 300)}…` : line)}`);
  out.push(`  effect: ${verdict.effect}   environment: ${environmentText(verdict.environment, style)}`);
  for (const f of verdict.findings) {
    const mark =
      f.decision === 'allow' ? style.green('✓') : f.decision === 'deny' ? style.red('✗') : style.yellow('!');
    out.push('');
    out.push(`  ${mark} ${style.bold(f.rule)}  ${f.effect}, ${f.decision}: ${f.why}`);
    out.push(`    ${f.reason}`);
    out.push(`    ${style.dim('from:')} ${f.command}`);
    if (f.environment.name !== 'local')
      out.push(`    ${style.dim('where:')} ${environmentText(f.environment, style)}`);
    for (const alt of f.alternatives) out.push(`    ${style.dim('instead:')} ${style.cyan(alt)}`);
  }
  if (verdict.unknowns.length > 0) {
    out.push('');
    out.push(`  ${style.yellow('?')} ${style.bold('cannot be known before it runs:')}`);
    for (const u of verdict.unknowns)
      out.push(`    - ${u.reason}${u.command ? style.dim(`  (${u.command})`) : ''}`);
  }
  out.push('');
  for (const r of verdict.reasons) out.push(`  ${style.dim(r)}`);
  return `${out.join('\n')}\n`;
}

/** The full verdict for `check --json`. */
export function verdictJson(verdict: Verdict): object {
  return {
    decision: verdict.decision,
    effect: verdict.effect,
    environment: verdict.environment,
    reasons: verdict.reasons,
    ...(verdict.actor ? { actor: verdict.actor } : {}),
    findings: verdict.findings.map((f) => ({
      rule: f.rule,
      effect: f.effect,
      decision: f.decision,
      why: f.why,
      reason: f.reason,
      command: f.command,
      span: f.span,
      environment: f.environment,
      alternatives: f.alternatives,
      probe: f.probe,
      invocation: f.invocation,
    })),
    unknowns: verdict.unknowns.map((u) => ({
      kind: u.kind,
      reason: u.reason,
      command: u.command,
      span: u.span,
    })),
  };
}

/** The compact form `check --batch` writes, one line per input line. */
export function verdictBatchJson(verdict: Verdict): object {
  return {
    decision: verdict.decision,
    effect: verdict.effect,
    environment: verdict.environment.name,
    findings: verdict.findings.map((f) => ({
      rule: f.rule,
      effect: f.effect,
      decision: f.decision,
      reason: f.reason,
      command: f.command,
    })),
    unknowns: verdict.unknowns.map((u) => u.reason),
  };
}
