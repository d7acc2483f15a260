// Evaluates a rule's Condition over an invocation and its targets' traits.

import type { Invocation, Target } from '../tools/invocation.js';
import type { Condition, TargetCondition, TargetTrait } from './rule.js';

export interface MatchSubject {
  invocation: Invocation;
  /** The traits of invocation.targets[index], worked out when a rule first asks. */
  traitsOf(index: number): readonly TargetTrait[];
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
  if (c.traits !== undefined)
    for (let i = 0; i < c.traits.length; i++) if (!traits.includes(c.traits[i] as TargetTrait)) return false;
  if (c.notTraits !== undefined)
    for (let i = 0; i < c.notTraits.length; i++)
      if (traits.includes(c.notTraits[i] as TargetTrait)) return false;
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

/** Whether any of `wanted` (one or a list) passes: loops, not closures, since this runs for
 * every rule of a tool on every command of a batch. */
function anyVerb(wanted: string | readonly string[], path: readonly string[]): boolean {
  if (!Array.isArray(wanted)) return verbMatches(path, wanted as string);
  for (let i = 0; i < wanted.length; i++) if (verbMatches(path, wanted[i] as string)) return true;
  return false;
}

function anyKey(wanted: string | readonly string[], record: Readonly<Record<string, unknown>>): boolean {
  if (!Array.isArray(wanted)) return Boolean(record[wanted as string]);
  for (let i = 0; i < wanted.length; i++) if (record[wanted[i] as string]) return true;
  return false;
}

function anyFlag(wanted: string | readonly string[], flags: Readonly<Record<string, unknown>>): boolean {
  if (!Array.isArray(wanted)) return flags[wanted as string] !== undefined;
  for (let i = 0; i < wanted.length; i++) if (flags[wanted[i] as string] !== undefined) return true;
  return false;
}

function anyPositional(wanted: string | readonly string[], positionals: readonly string[]): boolean {
  if (!Array.isArray(wanted)) return positionals.includes(wanted as string);
  for (let i = 0; i < wanted.length; i++) if (positionals.includes(wanted[i] as string)) return true;
  return false;
}

type Check = (s: MatchSubject) => boolean;

/**
 * Each condition compiled once into the checks its keys need, in the order below. Conditions
 * are objects of many shapes (whatever keys a pack wrote): reading all seventeen possible keys
 * on every call made every read megamorphic, for every rule of a tool on every command.
 */
const compiled = new WeakMap<Condition, Check[]>();

function checksOf(c: Condition): Check[] {
  const known = compiled.get(c);
  if (known !== undefined) return known;
  const checks: Check[] = [];
  const { tool, program, subcommand, flag, flags, flagValue, fact, facts, positional, positionals } = c;
  if (tool !== undefined) checks.push((s) => has(tool, s.invocation.tool));
  if (program !== undefined) checks.push((s) => has(program, s.invocation.program));
  if (subcommand !== undefined) checks.push((s) => anyVerb(subcommand, s.invocation.subcommand));
  if (flag !== undefined) checks.push((s) => anyFlag(flag, s.invocation.flags));
  if (flags !== undefined)
    checks.push((s) => {
      for (let i = 0; i < flags.length; i++)
        if (s.invocation.flags[flags[i] as string] === undefined) return false;
      return true;
    });
  if (flagValue !== undefined) {
    const entries = Object.entries(flagValue);
    checks.push((s) => {
      for (let e = 0; e < entries.length; e++) {
        const entry = entries[e] as (typeof entries)[number];
        const wanted = entry[1];
        const values = s.invocation.flags[entry[0]];
        if (values === undefined) return false;
        let found = false;
        for (let i = 0; i < values.length && !found; i++) found = has(wanted, values[i] as string);
        if (!found) return false;
      }
      return true;
    });
  }
  if (fact !== undefined) checks.push((s) => anyKey(fact, s.invocation.facts));
  if (facts !== undefined) {
    const entries = Object.entries(facts);
    checks.push((s) => {
      for (let e = 0; e < entries.length; e++) {
        const entry = entries[e] as (typeof entries)[number];
        const value = s.invocation.facts[entry[0]];
        if (value === undefined || !has(entry[1], value)) return false;
      }
      return true;
    });
  }
  if (positional !== undefined) checks.push((s) => anyPositional(positional, s.invocation.positionals));
  if (positionals !== undefined) {
    const { min, max } = positionals;
    checks.push((s) => {
      const n = s.invocation.positionals.length;
      return !((min !== undefined && n < min) || (max !== undefined && n > max));
    });
  }
  if (c.target !== undefined) {
    const tc = c.target;
    checks.push((s) => s.invocation.targets.some((t, i) => targetMatches(t, s.traitsOf(i), tc)));
  }
  if (c.allTargets !== undefined) {
    const tc = c.allTargets;
    checks.push((s) => {
      const targets = s.invocation.targets;
      return targets.length > 0 && targets.every((t, i) => targetMatches(t, s.traitsOf(i), tc));
    });
  }
  if (c.any !== undefined) {
    const subs = c.any;
    checks.push((s) => {
      for (let i = 0; i < subs.length; i++) if (conditionMatches(subs[i] as Condition, s)) return true;
      return false;
    });
  }
  if (c.all !== undefined) {
    const subs = c.all;
    checks.push((s) => {
      for (let i = 0; i < subs.length; i++) if (!conditionMatches(subs[i] as Condition, s)) return false;
      return true;
    });
  }
  if (c.not !== undefined) {
    const sub = c.not;
    checks.push((s) => !conditionMatches(sub, s));
  }
  compiled.set(c, checks);
  return checks;
}

export function conditionMatches(c: Condition, s: MatchSubject): boolean {
  const checks = checksOf(c);
  for (let i = 0; i < checks.length; i++) if (!(checks[i] as Check)(s)) return false;
  return true;
}
