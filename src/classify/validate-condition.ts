// Checks a matcher written in a pack against the Condition language, reporting every
// mistake with the place it sits in, so a pack author can fix it without guessing.

import type { Condition } from './rule.js';

export type Path = (string | number)[];
export type Report = (path: Path, message: string, fix: string) => void;

const targetKinds = [
  'path',
  'ref',
  'remote',
  'branch',
  'device',
  'namespace',
  'resource',
  'table',
  'database',
  'bucket',
  'object',
  'workspace',
  'host',
  'container',
  'volume',
  'key',
  'other',
];
export const targetTraitNames = [
  'dynamic',
  'glob',
  'root',
  'home',
  'system',
  'outside-project',
  'inside-project',
  'project-root',
  'regenerable',
  'git-metadata',
  'airlock',
  'exists',
  'directory',
];

const conditionKeys = [
  'tool',
  'program',
  'subcommand',
  'flag',
  'flags',
  'flagValue',
  'fact',
  'facts',
  'target',
  'allTargets',
  'positional',
  'positionals',
  'any',
  'all',
  'not',
];
const targetKeys = ['kind', 'traits', 'notTraits', 'name'];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

function stringOrList(value: unknown, path: Path, report: Report, allowed?: readonly string[]): void {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every((v) => typeof v === 'string' && v !== '')) {
    report(path, 'must be a non-empty string or a list of strings', 'write `name` or `[a, b]`');
    return;
  }
  if (allowed === undefined) return;
  for (const v of list as string[]) {
    if (!allowed.includes(v)) report(path, `unknown value "${v}"`, `use one of: ${allowed.join(', ')}`);
  }
}

function stringList(value: unknown, path: Path, report: Report, allowed?: readonly string[]): void {
  if (!Array.isArray(value)) {
    report(path, 'must be a list of strings', 'write `[a, b]`');
    return;
  }
  stringOrList(value, path, report, allowed);
}

function unknownKeys(
  value: Record<string, unknown>,
  allowed: readonly string[],
  path: Path,
  report: Report,
): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key))
      report([...path, key], `unknown key "${key}"`, `use one of: ${allowed.join(', ')}`);
  }
}

function validateTarget(value: unknown, path: Path, report: Report): void {
  if (!isRecord(value)) {
    report(path, 'must be a mapping of target conditions', `use keys: ${targetKeys.join(', ')}`);
    return;
  }
  unknownKeys(value, targetKeys, path, report);
  if (value.kind !== undefined) stringOrList(value.kind, [...path, 'kind'], report, targetKinds);
  if (value.traits !== undefined) stringList(value.traits, [...path, 'traits'], report, targetTraitNames);
  if (value.notTraits !== undefined)
    stringList(value.notTraits, [...path, 'notTraits'], report, targetTraitNames);
  if (value.name !== undefined) stringOrList(value.name, [...path, 'name'], report);
}

export function validateCondition(value: unknown, path: Path, report: Report): value is Condition {
  if (!isRecord(value)) {
    report(path, 'must be a mapping (a matcher)', 'write e.g. `{ tool: rm, flag: recursive }`');
    return false;
  }
  if (Object.keys(value).length === 0) {
    report(
      path,
      'is empty and would match every command',
      'name at least a tool, a flag, a fact or a target',
    );
  }
  unknownKeys(value, conditionKeys, path, report);
  for (const key of ['tool', 'program', 'subcommand', 'flag', 'fact', 'positional'] as const) {
    if (value[key] !== undefined) stringOrList(value[key], [...path, key], report);
  }
  if (value.flags !== undefined) stringList(value.flags, [...path, 'flags'], report);
  for (const key of ['flagValue', 'facts'] as const) {
    const map = value[key];
    if (map === undefined) continue;
    if (!isRecord(map)) {
      report([...path, key], 'must be a mapping of name to value(s)', 'write `{ name: value }`');
      continue;
    }
    for (const [name, wanted] of Object.entries(map)) {
      const list = Array.isArray(wanted) ? wanted : [wanted];
      const ok = key === 'facts' ? list.every(isScalar) : list.every((v) => typeof v === 'string');
      if (!ok || list.length === 0) {
        report(
          [...path, key, name],
          'must be a value or a list of values',
          'write `name: value` or `name: [a, b]`',
        );
      }
    }
  }
  for (const key of ['target', 'allTargets'] as const) {
    if (value[key] !== undefined) validateTarget(value[key], [...path, key], report);
  }
  if (value.positionals !== undefined) {
    const p = value.positionals;
    if (
      !isRecord(p) ||
      Object.entries(p).some(([k, v]) => !['min', 'max'].includes(k) || typeof v !== 'number')
    ) {
      report([...path, 'positionals'], 'must be `{ min?: number, max?: number }`', 'write e.g. `{ min: 4 }`');
    }
  }
  for (const key of ['any', 'all'] as const) {
    const list = value[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length === 0) {
      report([...path, key], 'must be a non-empty list of matchers', `write \`${key}: [{ … }, { … }]\``);
      continue;
    }
    list.forEach((sub, i) => {
      validateCondition(sub, [...path, key, i], report);
    });
  }
  if (value.not !== undefined) validateCondition(value.not, [...path, 'not'], report);
  return true;
}
