// Findings × policy × environment → Verdict. The strictest finding wins; what could not
// be known is never silently allowed.

import type { Finding } from '../classify/finding.js';
import type { Effect } from '../classify/rule.js';
import type { Unknown } from '../parse/command.js';
import { localEnvironment, nameMatches, resolveEnvironment, stricter } from './environment.js';
import type { Policy } from './policy.js';
import type { DecidedFinding, Decision, Environment, Verdict } from './verdict.js';

const decisionRank: Record<Decision, number> = { allow: 0, approve: 1, deny: 2 };
const effectRank: Record<Effect, number> = { read: 0, write: 1, destroy: 2 };

function isProtected(finding: Finding, policy: Policy): string | undefined {
  if (policy.protected.length === 0) return undefined;
  const names: string[] = [];
  for (const t of finding.invocation.targets) {
    if (t.value !== undefined) names.push(t.value);
    if (t.resolved !== undefined) names.push(t.resolved);
  }
  for (const h of finding.invocation.envHints) if (h.value !== undefined) names.push(h.value);
  for (const pattern of policy.protected) {
    for (const name of names) {
      const hit = pattern.includes('/')
        ? name === pattern || name.startsWith(`${pattern.replace(/\/+$/, '')}/`) || nameMatches(pattern, name)
        : nameMatches(pattern, name);
      if (hit) return pattern;
    }
  }
  return undefined;
}

function allRegenerable(finding: Finding): boolean {
  const targets = finding.invocation.targets;
  return targets.length > 0 && targets.every((t) => t.traits.includes('regenerable'));
}

/** The fields withDecision copies; a field added to Finding and not here fails to compile. */
type CopiedField =
  | 'rule'
  | 'pack'
  | 'effect'
  | 'reason'
  | 'alternatives'
  | 'probe'
  | 'catastrophic'
  | 'denyIn'
  | 'regenerableExempt'
  | 'invocationIndex'
  | 'command'
  | 'span'
  | 'invocation';
const everyFieldCopied: [Exclude<keyof Finding, CopiedField>] extends [never] ? true : never = true;
void everyFieldCopied;

/**
 * The finding with its decision, fields in the order `{ ...finding, decision, … }` gives them:
 * written out, it costs half of what the spread did (1.15 -> 0.56 µs a line on the corpus).
 */
function withDecision(
  finding: Finding,
  decision: Decision,
  environment: Environment,
  why: string,
): DecidedFinding {
  const out = {
    rule: finding.rule,
    pack: finding.pack,
    effect: finding.effect,
    reason: finding.reason,
    alternatives: finding.alternatives,
    catastrophic: finding.catastrophic,
    regenerableExempt: finding.regenerableExempt,
    command: finding.command,
    span: finding.span,
    invocation: finding.invocation,
  } as DecidedFinding;
  if (finding.probe !== undefined) out.probe = finding.probe;
  if (finding.denyIn !== undefined) out.denyIn = finding.denyIn;
  if (finding.invocationIndex !== undefined) out.invocationIndex = finding.invocationIndex;
  out.decision = decision;
  out.environment = environment;
  out.why = why;
  return out;
}

/** Findings of one invocation share its view, and so its environment: resolved once per line. */
type EnvironmentMemo = Map<Finding['invocation'], Environment>;

function environmentOf(finding: Finding, policy: Policy, memo: EnvironmentMemo): Environment {
  const view = finding.invocation;
  let environment = memo.get(view);
  if (environment === undefined) {
    environment = resolveEnvironment(view.envHints, policy, view.remote);
    memo.set(view, environment);
  }
  return environment;
}

export interface DecideOptions {
  /** A step of a container image build: see EvaluateOptions.imageBuild. */
  imageBuild?: boolean;
}

function decideFinding(
  finding: Finding,
  policy: Policy,
  memo: EnvironmentMemo,
  options: DecideOptions,
): DecidedFinding {
  const environment = environmentOf(finding, policy, memo);
  const at = environment.name === 'local' ? 'on this machine' : `in ${environment.name}`;
  const decided = (decision: Decision, why: string): DecidedFinding =>
    withDecision(finding, decision, environment, why);

  // Catastrophic actions stay refused whatever a configuration says.
  if (finding.catastrophic) return decided('deny', 'catastrophic and irreversible: refused outright');
  const override = policy.rules[finding.rule];
  if (override !== undefined)
    return decided(override, `configured: rule ${finding.rule} is set to ${override}`);
  // In an image build, "this machine" is the build's own container, started afresh each time.
  if (options.imageBuild === true && environment.name === 'local' && finding.effect !== 'read') {
    return decided('allow', 'inside the image being built, which every build starts again from scratch');
  }
  if (finding.denyIn?.includes(environment.name)) {
    return decided('deny', `refused outright ${at}`);
  }
  const guarded = isProtected(finding, policy);
  if (guarded !== undefined && finding.effect !== 'read') {
    return decided('approve', `touches protected target ${guarded}`);
  }
  switch (finding.effect) {
    case 'read':
      return decided('allow', 'reads only');
    case 'write':
      if (environment.name === 'local' || environment.name === 'dev')
        return decided('allow', `a write ${at}`);
      return decided('approve', `a write ${at} needs approval`);
    case 'destroy':
      if (finding.regenerableExempt && allRegenerable(finding)) {
        return decided('allow', 'deletes only regenerable files (build output, caches, dependencies)');
      }
      return decided(
        'approve',
        `destroys data${environment.name === 'local' ? '' : ` ${at}`}: needs approval`,
      );
  }
}

export function decide(
  findings: readonly Finding[],
  unknowns: readonly Unknown[],
  policy: Policy,
  options: DecideOptions = {},
): Verdict {
  const memo: EnvironmentMemo = new Map();
  const decidedFindings = findings.map((f) => decideFinding(f, policy, memo, options));
  let decision: Decision = unknowns.length > 0 ? 'approve' : 'allow';
  let environment: Environment = localEnvironment;
  let strongest: Effect | undefined;
  for (let i = 0; i < decidedFindings.length; i++) {
    const f = decidedFindings[i] as (typeof decidedFindings)[number];
    if (decisionRank[f.decision] > decisionRank[decision]) decision = f.decision;
    environment = stricter(environment, f.environment);
    if (strongest === undefined || effectRank[f.effect] > effectRank[strongest]) strongest = f.effect;
  }
  const effect: Verdict['effect'] = strongest ?? (unknowns.length > 0 ? 'unknown' : 'none');

  const reasons: string[] = [];
  if (decision !== 'allow')
    for (let i = 0; i < decidedFindings.length; i++) {
      const f = decidedFindings[i] as (typeof decidedFindings)[number];
      if (f.decision === decision) reasons.push(`${f.rule}: ${f.why}`);
    }
  if (unknowns.length > 0) {
    reasons.push(
      `${unknowns.length === 1 ? 'one part' : `${unknowns.length} parts`} of the line cannot be known before it runs: needs approval`,
    );
  }
  if (reasons.length === 0)
    reasons.push(findings.length === 0 ? 'nothing in the line is guarded' : 'every finding is allowed');
  // Order findings strictest first so the prompt and --json lead with what matters.
  if (decidedFindings.length > 1)
    decidedFindings.sort((a, b) => decisionRank[b.decision] - decisionRank[a.decision]);
  return { decision, effect, findings: decidedFindings, unknowns: unknowns.slice(), environment, reasons };
}
