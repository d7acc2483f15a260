// Evaluates a rule's Condition over an invocation and its targets' traits.

import type { Invocation, Target } from '../tools/invocation.js';
import type { Condition, TargetCondition, TargetTrait } from './rule.js';

export interface MatchSubject {
  invocation: Invocation;
  /** Traits per target, same order as invocation.targets. */
  traits: readonly (readonly TargetTrait[])[];
}

// One value or a list of them, as packs write it; read without building a list per call.
const has = <T>(value: T | readonly T[], item: T): boolean =>
  Array.isArray(value) ? value.includes(item) : value === item || (Number.isNaN(value) && Number.isNaN(item));
const some = <T>(value: T | readonly T[], test: (item: T) => boolean): boolean =>
  Array.isArray(value) ? value.some(test) : test(value as T);

/** `*` and `?` wildcard match over a whole name, without building a regex from pack text. */
export function wildcardMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === text[t])) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = t;
    } else if (star !== -1) {
      p = star + 1;
      t = ++mark;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

function baseName(target: Target): string | undefined {
  const path = target.value ?? target.resolved;
  if (path === undefined) return undefined;
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

export function targetMatches(target: Target, traits: readonly TargetTrait[], c: TargetCondition): boolean {
  if (c.kind !== undefined && !has(c.kind, target.kind)) return false;
  if (c.traits !== undefined) for (const t of c.traits) if (!traits.includes(t)) return false;
  if (c.notTraits !== undefined) for (const t of c.notTraits) if (traits.includes(t)) return false;
  if (c.name !== undefined) {
    const name = baseName(target);
    if (name === undefined || !some(c.name, (pattern) => wildcardMatch(pattern, name))) return false;
  }
  return true;
}

/** Subcommand patterns split into words once: they come from the packs, a small fixed set. */
const verbWords = new Map<string, string[]>();

function verbMatches(path: readonly string[], wanted: string): boolean {
  let words = verbWords.get(wanted);
  if (words === undefined) {
    words = wanted.split(' ').filter(Boolean);
    verbWords.set(wanted, words);
  }
  if (words.length > path.length) return false;
  for (let i = 0; i < words.length; i++) if (words[i] !== path[i]) return false;
  return true;
}

export function conditionMatches(c: Condition, s: MatchSubject): boolean {
  const inv = s.invocation;
  if (c.tool !== undefined && !has(c.tool, inv.tool)) return false;
  if (c.program !== undefined && !has(c.program, inv.program)) return false;
  if (c.subcommand !== undefined && !some(c.subcommand, (v) => verbMatches(inv.subcommand, v))) return false;
  if (c.flag !== undefined && !some(c.flag, (f) => inv.flags[f] !== undefined)) return false;
  if (c.flags !== undefined && !c.flags.every((f) => inv.flags[f] !== undefined)) return false;
  if (c.flagValue !== undefined) {
    for (const [flag, wanted] of Object.entries(c.flagValue)) {
      const values = inv.flags[flag];
      if (values === undefined || !values.some((v) => has(wanted, v))) return false;
    }
  }
  if (c.fact !== undefined && !some(c.fact, (f) => Boolean(inv.facts[f]))) return false;
  if (c.facts !== undefined) {
    for (const [fact, wanted] of Object.entries(c.facts)) {
      const value = inv.facts[fact];
      if (value === undefined || !has(wanted, value)) return false;
    }
  }
  if (c.positional !== undefined && !some(c.positional, (p) => inv.positionals.includes(p))) return false;
  if (c.positionals !== undefined) {
    const n = inv.positionals.length;
    if (
      (c.positionals.min !== undefined && n < c.positionals.min) ||
      (c.positionals.max !== undefined && n > c.positionals.max)
    )
      return false;
  }
  if (c.target !== undefined) {
    const tc = c.target;
    if (!inv.targets.some((t, i) => targetMatches(t, s.traits[i] ?? [], tc))) return false;
  }
  if (c.allTargets !== undefined) {
    const tc = c.allTargets;
    if (inv.targets.length === 0 || !inv.targets.every((t, i) => targetMatches(t, s.traits[i] ?? [], tc)))
      return false;
  }
  if (c.any !== undefined && !c.any.some((sub) => conditionMatches(sub, s))) return false;
  if (c.all !== undefined && !c.all.every((sub) => conditionMatches(sub, s))) return false;
  if (c.not !== undefined && conditionMatches(c.not, s)) return false;
  return true;
}
