// Turns a parsed config file into a list of settings, and everything wrong with it into problems.

import { isAbsolute, resolve } from 'node:path';
import {
  type ConfigProblem,
  childKeys,
  listSpecs,
  ruleSpec,
  type ScalarValue,
  scalarSpecs,
} from './schema.js';
import { closestMatch } from './suggest.js';

/** One change a config file asks for. List items starting with `!` ask for a removal. */
export type Setting =
  | { kind: 'set'; key: string; value: ScalarValue; line?: number }
  | { kind: 'add' | 'remove'; key: string; item: string; line?: number };

export interface ReadSettings {
  settings: Setting[];
  problems: ConfigProblem[];
}

interface Context {
  file: string;
  /** Line of each key path (`approval.wait`) and list item (`packs.0`), when known. */
  lines: ReadonlyMap<string, number>;
  out: ReadSettings;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function report(ctx: Context, problem: Omit<ConfigProblem, 'file' | 'line'>, lineKey = problem.key): void {
  const line = ctx.lines.get(lineKey) ?? ctx.lines.get(problem.key);
  ctx.out.problems.push({ file: ctx.file, ...(line === undefined ? {} : { line }), ...problem });
}

function didYouMean(word: string, candidates: readonly string[]): string {
  const match = closestMatch(word, candidates);
  return match ? `did you mean "${match}"? ` : '';
}

function readScalar(key: string, raw: unknown, ctx: Context, spec = scalarSpecs[key]!): void {
  const value = spec.accept(raw);
  if (value === undefined) {
    const hint = typeof raw === 'string' && spec.choices ? didYouMean(raw, spec.choices) : '';
    report(ctx, {
      key,
      kind: 'type',
      message: `${key} must be ${spec.expected}, not ${describe(raw)}`,
      fix: `${hint}set ${key} to ${spec.expected}`,
    });
    return;
  }
  ctx.out.settings.push({ kind: 'set', key, value, line: ctx.lines.get(key) });
}

function readRules(raw: unknown, ctx: Context): void {
  if (!isMapping(raw)) {
    report(ctx, {
      key: 'rules',
      kind: 'type',
      message: `rules must be a mapping of rule id to decision, not ${describe(raw)}`,
      fix: 'write it as `rules: { git/push-force: deny }`',
    });
    return;
  }
  for (const [id, value] of Object.entries(raw)) readScalar(`rules.${id}`, value, ctx, ruleSpec);
}

function readList(key: string, raw: unknown, ctx: Context): void {
  const spec = listSpecs[key]!;
  if (!Array.isArray(raw)) {
    report(ctx, {
      key,
      kind: 'type',
      message: `${key} must be a list, not ${describe(raw)}`,
      fix: `write it as a list: \`${key.split('.').pop()}: [ … ]\`; prefix an item with ! to remove it`,
    });
    return;
  }
  raw.forEach((entry, index) => {
    const lineKey = `${key}.${index}`;
    const removal = typeof entry === 'string' && entry.startsWith('!');
    const item = typeof entry === 'string' ? (removal ? entry.slice(1) : entry).trim() : '';
    const error = item === '' ? `must be a non-empty string, not ${describe(entry)}` : spec.check?.(item);
    if (error) {
      report(
        ctx,
        { key, kind: 'type', message: `${key}[${index}] ${error}`, fix: `correct or remove it` },
        lineKey,
      );
      return;
    }
    const value = spec.paths && !isAbsolute(item) ? resolve(ctx.file, '..', item) : item;
    ctx.out.settings.push({
      kind: removal ? 'remove' : 'add',
      key,
      item: value,
      line: ctx.lines.get(lineKey),
    });
  });
}

function readGroup(group: string, raw: unknown, ctx: Context): void {
  if (!isMapping(raw)) {
    report(ctx, {
      key: group,
      kind: 'type',
      message: `${group === '' ? 'the config' : group} must be a mapping, not ${describe(raw)}`,
      fix:
        group === '' ? 'start the file with top-level keys such as `rules:`' : `write ${group} as a mapping`,
    });
    return;
  }
  const known = childKeys(group);
  for (const [name, value] of Object.entries(raw)) {
    const key = group === '' ? name : `${group}.${name}`;
    if (!known.includes(name)) {
      const fix =
        key === 'environments.unknown'
          ? 'unknown is what no pattern matches; list names under prod, staging, dev or local'
          : `${didYouMean(name, known)}known keys here: ${known.join(', ')}`;
      report(ctx, { key, kind: 'unknown-key', message: `unknown key "${key}"`, fix });
      continue;
    }
    readValue(key, value, ctx);
  }
}

function readValue(key: string, raw: unknown, ctx: Context): void {
  // An empty section (`rules:` with nothing under it) changes nothing.
  if (raw === null || raw === undefined) return;
  if (key === 'rules') readRules(raw, ctx);
  else if (key in listSpecs) readList(key, raw, ctx);
  else if (key in scalarSpecs) readScalar(key, raw, ctx);
  else readGroup(key, raw, ctx);
}

/** Reads the settings a parsed config file asks for; relative pack paths resolve against `file`. */
export function readSettings(
  data: unknown,
  file: string,
  lines: ReadonlyMap<string, number> = new Map(),
): ReadSettings {
  const ctx: Context = { file, lines, out: { settings: [], problems: [] } };
  if (data !== null && data !== undefined) readGroup('', data, ctx);
  return ctx.out;
}
