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

/** A condition's `flagValue`/`facts` entries, listed once per condition object. */
const entryLists = new WeakMap<object, [string, unknown][]>();

function entriesOf<V>(record: Record<string, V>): [string, V][] {
  let list = entryLists.get(record);
  if (list === undefined) {
    list = Object.entries(record);
    entryLists.set(record, list);
  }
  return list as [string, V][];
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

export function conditionMatches(c: Condition, s: MatchSubject): boolean {
  const inv = s.invocation;
  if (c.tool !== undefined && !has(c.tool, inv.tool)) return false;
  if (c.program !== undefined && !has(c.program, inv.program)) return false;
  if (c.subcommand !== undefined && !anyVerb(c.subcommand, inv.subcommand)) return false;
  if (c.flag !== undefined && !anyFlag(c.flag, inv.flags)) return false;
  if (c.flags !== undefined) {
    for (let i = 0; i < c.flags.length; i++) if (inv.flags[c.flags[i] as string] === undefined) return false;
  }
  if (c.flagValue !== undefined) {
    const entries = entriesOf(c.flagValue);
    for (let e = 0; e < entries.length; e++) {
      const entry = entries[e] as (typeof entries)[number];
      const wanted = entry[1];
      const values = inv.flags[entry[0]];
      if (values === undefined) return false;
      let found = false;
      for (let i = 0; i < values.length && !found; i++) found = has(wanted, values[i] as string);
      if (!found) return false;
    }
  }
  if (c.fact !== undefined && !anyKey(c.fact, inv.facts)) return false;
  if (c.facts !== undefined) {
    const entries = entriesOf(c.facts);
    for (let e = 0; e < entries.length; e++) {
      const entry = entries[e] as (typeof entries)[number];
      const wanted = entry[1];
      const value = inv.facts[entry[0]];
      if (value === undefined || !has(wanted, value)) return false;
    }
  }
  if (c.positional !== undefined && !anyPositional(c.positional, inv.positionals)) return false;
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
    if (!inv.targets.some((t, i) => targetMatches(t, s.traitsOf(i), tc))) return false;
  }
  if (c.allTargets !== undefined) {
    const tc = c.allTargets;
    if (inv.targets.length === 0 || !inv.targets.every((t, i) => targetMatches(t, s.traitsOf(i), tc)))
      return false;
  }
  if (c.any !== undefined && !c.any.some((sub) => conditionMatches(sub, s))) return false;
  if (c.all !== undefined && !c.all.every((sub) => conditionMatches(sub, s))) return false;
  if (c.not !== undefined && conditionMatches(c.not, s)) return false;
  return true;
}
