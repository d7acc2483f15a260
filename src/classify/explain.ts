// Data for `airlock rules list` and `airlock rules explain ID`: the rule, its matcher in
// words, its examples and what to do instead. Rendering is the command's job.

import type { Condition, Pack, Rule, RuleExample, TargetCondition } from './rule.js';

export interface RuleSummary {
  id: string;
  pack: string;
  effect: Rule['effect'];
  reason: string;
  catastrophic: boolean;
}

export interface RuleExplanation extends RuleSummary {
  /** The matcher as lines of readable text. */
  matches: string[];
  unless: string[];
  alternatives: string[];
  probe?: string;
  regenerableExempt: boolean;
  denyIn?: string[];
  examples: { stop: string[]; pass: string[] };
  source: { file: string; line: number };
}

export function listRules(packs: readonly Pack[]): RuleSummary[] {
  return packs.flatMap((pack) =>
    pack.rules.map((r) => ({
      id: r.id,
      pack: r.pack,
      effect: r.effect,
      reason: r.reason,
      catastrophic: r.catastrophic,
    })),
  );
}

const list = (v: string | string[]) => (Array.isArray(v) ? v.join(' or ') : v);

function describeTarget(t: TargetCondition): string {
  const parts: string[] = [];
  if (t.kind !== undefined) parts.push(`kind ${list(t.kind)}`);
  if (t.traits !== undefined) parts.push(t.traits.join(' and '));
  if (t.notTraits !== undefined) parts.push(`not ${t.notTraits.join(' or ')}`);
  if (t.name !== undefined) parts.push(`named ${list(t.name)}`);
  return parts.length === 0 ? 'any' : parts.join(', ');
}

/** One line per clause of the condition, nested clauses indented. */
export function describeCondition(c: Condition, indent = ''): string[] {
  const out: string[] = [];
  const say = (text: string) => out.push(`${indent}${text}`);
  if (c.tool !== undefined) say(`tool is ${list(c.tool)}`);
  if (c.program !== undefined) say(`program is ${list(c.program)}`);
  if (c.subcommand !== undefined) say(`subcommand is ${list(c.subcommand)}`);
  if (c.flag !== undefined) say(`has flag ${list(c.flag)}`);
  if (c.flags !== undefined) say(`has all flags ${c.flags.join(', ')}`);
  for (const [flag, v] of Object.entries(c.flagValue ?? {})) say(`flag ${flag} is ${list(v)}`);
  if (c.fact !== undefined) say(`fact ${list(c.fact)} holds`);
  for (const [fact, v] of Object.entries(c.facts ?? {}))
    say(`fact ${fact} is ${list(Array.isArray(v) ? v.map(String) : String(v))}`);
  if (c.positional !== undefined) say(`an argument is ${list(c.positional)}`);
  if (c.positionals !== undefined) {
    say(
      `argument count ${[c.positionals.min !== undefined ? `at least ${c.positionals.min}` : '', c.positionals.max !== undefined ? `at most ${c.positionals.max}` : ''].filter(Boolean).join(' and ')}`,
    );
  }
  if (c.target !== undefined) say(`some target: ${describeTarget(c.target)}`);
  if (c.allTargets !== undefined) say(`every target: ${describeTarget(c.allTargets)}`);
  if (c.any !== undefined) {
    say('any of:');
    for (const sub of c.any)
      out.push(
        ...describeCondition(sub, `${indent}  `).map((l, i) =>
          i === 0 ? l.replace(/^(\s*)/, '$1- ') : `  ${l}`,
        ),
      );
  }
  if (c.all !== undefined) {
    say('all of:');
    for (const sub of c.all)
      out.push(
        ...describeCondition(sub, `${indent}  `).map((l, i) =>
          i === 0 ? l.replace(/^(\s*)/, '$1- ') : `  ${l}`,
        ),
      );
  }
  if (c.not !== undefined) {
    say('not:');
    out.push(...describeCondition(c.not, `${indent}  `));
  }
  return out;
}

const exampleText = (e: RuleExample) => (typeof e === 'string' ? e : e.line);

export function explainRule(packs: readonly Pack[], id: string): RuleExplanation | undefined {
  for (const pack of packs) {
    const rule = pack.rules.find((r) => r.id === id);
    if (rule === undefined) continue;
    const explanation: RuleExplanation = {
      id: rule.id,
      pack: rule.pack,
      effect: rule.effect,
      reason: rule.reason,
      catastrophic: rule.catastrophic,
      matches: describeCondition(rule.match),
      unless: rule.unless === undefined ? [] : describeCondition(rule.unless),
      alternatives: rule.alternatives,
      regenerableExempt: rule.regenerableExempt,
      examples: { stop: rule.examples.stop.map(exampleText), pass: rule.examples.pass.map(exampleText) },
      source: rule.source,
    };
    if (rule.probe !== undefined) explanation.probe = rule.probe;
    if (rule.denyIn !== undefined) explanation.denyIn = rule.denyIn;
    return explanation;
  }
  return undefined;
}
