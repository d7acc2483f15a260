// Invocations × rule packs → Findings. Rules are indexed by tool once per pack list, and
// target traits are computed once per target, only when a rule asks about them.

import type { Invocation } from '../tools/invocation.js';
import type { Finding, InvocationView } from './finding.js';
import { conditionMatches, type MatchSubject } from './match.js';
import type { Condition, Pack, Rule, TargetTrait } from './rule.js';
import { type ClassifyContext, targetTraits } from './traits.js';

export type { ClassifyContext } from './traits.js';

interface RuleIndex {
  /** Filled per tool on first use: a command of one tool reads only the packs for it. */
  byTool: Map<string, Rule[]>;
  /** Rules whose matcher names no tool. */
  anyTool: Rule[];
}

const indexes = new WeakMap<readonly Pack[], RuleIndex>();

export function toolsOf(c: Condition): string[] | undefined {
  if (c.tool !== undefined) return Array.isArray(c.tool) ? c.tool : [c.tool];
  if (c.any !== undefined) {
    const all: string[] = [];
    for (const sub of c.any) {
      const tools = toolsOf(sub);
      if (tools === undefined) return undefined;
      all.push(...tools);
    }
    return all;
  }
  if (c.all !== undefined) {
    for (const sub of c.all) {
      const tools = toolsOf(sub);
      if (tools !== undefined) return tools;
    }
  }
  return undefined;
}

function indexOf(packs: readonly Pack[]): RuleIndex {
  let index = indexes.get(packs);
  if (index !== undefined) return index;
  index = { byTool: new Map(), anyTool: [] };
  // Packs whose tools are known ahead name every rule's tool: none of theirs is an any-tool rule.
  for (const pack of packs) {
    if (pack.ruleTools !== undefined) continue;
    for (const rule of pack.rules) if (toolsOf(rule.match) === undefined) index.anyTool.push(rule);
  }
  indexes.set(packs, index);
  return index;
}

/** The rules that name `tool`, in pack and rule order. */
function rulesForTool(index: RuleIndex, packs: readonly Pack[], tool: string): Rule[] {
  let rules = index.byTool.get(tool);
  if (rules !== undefined) return rules;
  rules = [];
  for (const pack of packs) {
    if (pack.ruleTools !== undefined && !pack.ruleTools.includes(tool)) continue;
    for (const rule of pack.rules) if (toolsOf(rule.match)?.includes(tool)) rules.push(rule);
  }
  index.byTool.set(tool, rules);
  return rules;
}

function viewOf(subject: MatchSubject): InvocationView {
  const inv = subject.invocation;
  return {
    tool: inv.tool,
    program: inv.program,
    subcommand: inv.subcommand,
    flags: inv.flags,
    positionals: inv.positionals,
    // Object.assign: V8 (Node 20) adds a key to a `{ ...t }` copy ~10x slower (1.5 µs, not 0.15).
    targets: inv.targets.map((t, i) => Object.assign({}, t, { traits: [...subject.traitsOf(i)] })),
    envHints: inv.envHints,
    facts: inv.facts,
    unknowns: inv.unknowns,
    remote: inv.command.remote,
    origin: inv.command.origin.map((o) => (o.detail === undefined ? o.kind : `${o.kind} ${o.detail}`)),
  };
}

function findingOf(rule: Rule, subject: MatchSubject, view: InvocationView): Finding {
  const command = subject.invocation.command;
  const finding: Finding = {
    rule: rule.id,
    pack: rule.pack,
    effect: rule.effect,
    reason: rule.reason,
    alternatives: rule.alternatives,
    catastrophic: rule.catastrophic,
    regenerableExempt: rule.regenerableExempt,
    command: command.text,
    span: command.span,
    invocation: view,
  };
  if (rule.probe !== undefined) finding.probe = rule.probe;
  if (rule.denyIn !== undefined) finding.denyIn = rule.denyIn;
  return finding;
}

export function classify(invocation: Invocation, packs: readonly Pack[], ctx: ClassifyContext): Finding[] {
  // `rm --help -rf /` prints help and removes nothing.
  if (invocation.facts.help === true) return [];
  const index = indexOf(packs);
  const toolRules = rulesForTool(index, packs, invocation.tool);
  if (toolRules.length === 0 && index.anyTool.length === 0) return [];
  // Traits cost file-system answers and path work: only targets a rule asks about get them.
  const traits: (readonly TargetTrait[] | undefined)[] = [];
  const subject: MatchSubject = {
    invocation,
    traitsOf: (index) => {
      const known = traits[index];
      if (known !== undefined) return known;
      const target = invocation.targets[index];
      const found = target === undefined ? [] : targetTraits(target, ctx);
      traits[index] = found;
      return found;
    },
  };
  const findings: Finding[] = [];
  const view = matchRules(toolRules, subject, findings, undefined);
  matchRules(index.anyTool, subject, findings, view);
  return findings;
}

/**
 * Adds the findings of the rules that match; returns the invocation's view once one was made.
 * Indexed: this loop runs for every rule of the tool, mostly before V8 optimizes it.
 */
function matchRules(
  rules: readonly Rule[],
  subject: MatchSubject,
  findings: Finding[],
  view: InvocationView | undefined,
): InvocationView | undefined {
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as Rule;
    if (!conditionMatches(rule.match, subject)) continue;
    if (rule.unless !== undefined && conditionMatches(rule.unless, subject)) continue;
    view ??= viewOf(subject);
    findings.push(findingOf(rule, subject, view));
  }
  return view;
}
