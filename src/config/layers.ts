// Layers config files over the defaults, remembering where each value came from. A project
// file may only tighten: a repository an agent can write to must not switch airlock off.

import type { Decision } from '../decide/verdict.js';
import {
  type AirlockConfig,
  type ConfigProblem,
  defaultConfig,
  listSpecs,
  ruleBaseline,
  ruleSpec,
  type ScalarValue,
  scalarSpecs,
  type TrashMode,
} from './schema.js';
import type { Setting } from './validate.js';

export const defaultSource = 'default';

interface Sourced<T> {
  value: T;
  source: string;
}

export interface ConfigState {
  /** Scalar keys (`approval.wait`) and rule overrides (`rules.git/push-force`). */
  scalars: Map<string, Sourced<ScalarValue>>;
  lists: Map<string, Sourced<string>[]>;
}

export interface LayerOrigin {
  file: string;
  trust: 'user' | 'project';
  /** Where a refused loosening could go instead. */
  userFile: string;
}

function listValue(config: AirlockConfig, key: string): string[] {
  const [group, name] = key.split('.') as [string, string | undefined];
  const holder = config as unknown as Record<string, Record<string, string[]> | string[]>;
  const value = holder[group]!;
  return Array.isArray(value) ? value : value[name!]!;
}

export function defaultState(): ConfigState {
  const defaults = defaultConfig();
  const scalars = new Map<string, Sourced<ScalarValue>>();
  for (const key of Object.keys(scalarSpecs)) {
    const [group, name] = key.split('.') as [string, string];
    const value = (defaults as unknown as Record<string, Record<string, ScalarValue>>)[group]![name]!;
    scalars.set(key, { value, source: defaultSource });
  }
  for (const [id, decision] of Object.entries(defaults.rules)) {
    scalars.set(`rules.${id}`, { value: decision, source: defaultSource });
  }
  const lists = new Map<string, Sourced<string>[]>();
  for (const key of Object.keys(listSpecs)) {
    lists.set(
      key,
      listValue(defaults, key).map((value) => ({ value, source: defaultSource })),
    );
  }
  return { scalars, lists };
}

function refuse(origin: LayerOrigin, setting: Setting, message: string): ConfigProblem {
  return {
    file: origin.file,
    key: setting.key,
    ...(setting.line === undefined ? {} : { line: setting.line }),
    kind: 'loosening',
    message: `project config may only tighten: ${message}; ignored`,
    fix: `remove it here; if you want it, put it in your user config (${origin.userFile})`,
  };
}

function applyScalar(state: ConfigState, setting: Setting & { kind: 'set' }, origin: LayerOrigin) {
  const spec = setting.key.startsWith('rules.') ? ruleSpec : scalarSpecs[setting.key]!;
  const current = state.scalars.get(setting.key);
  if (current?.value === setting.value) return undefined;
  if (origin.trust === 'project' && spec.loosens) {
    const before = current?.value ?? ruleBaseline;
    if (spec.loosens(before, setting.value)) {
      const was = current ? `${JSON.stringify(current.value)}` : 'no override';
      return refuse(origin, setting, `${JSON.stringify(setting.value)} is looser than ${was}`);
    }
  }
  state.scalars.set(setting.key, { value: setting.value, source: origin.file });
  return undefined;
}

function applyListEdit(
  state: ConfigState,
  setting: Setting & { kind: 'add' | 'remove' },
  origin: LayerOrigin,
) {
  const spec = listSpecs[setting.key]!;
  const items = state.lists.get(setting.key)!;
  const index = items.findIndex((entry) => entry.value === setting.item);
  // Already there, or already absent: nothing changes, so nothing loosens.
  if ((setting.kind === 'add') === index >= 0) return undefined;
  const effect = setting.kind === 'add' ? spec.adding : spec.removing;
  if (origin.trust === 'project' && effect === 'loosens') {
    const verb = setting.kind === 'add' ? `adding "${setting.item}" to` : `removing "${setting.item}" from`;
    return refuse(origin, setting, `${verb} ${setting.key} loosens it (${spec.meaning})`);
  }
  if (setting.kind === 'add') items.push({ value: setting.item, source: origin.file });
  else items.splice(index, 1);
  return undefined;
}

/** Applies one file's settings; returns the loosening attempts it refused. */
export function applySettings(state: ConfigState, settings: Setting[], origin: LayerOrigin): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const setting of settings) {
    const problem =
      setting.kind === 'set' ? applyScalar(state, setting, origin) : applyListEdit(state, setting, origin);
    if (problem) problems.push(problem);
  }
  return problems;
}

function scalar<T extends ScalarValue>(state: ConfigState, key: string): T {
  return state.scalars.get(key)!.value as T;
}

function list(state: ConfigState, key: string): string[] {
  return state.lists.get(key)!.map((entry) => entry.value);
}

export function toConfig(state: ConfigState): AirlockConfig {
  const rules: Record<string, Decision> = {};
  for (const [key, entry] of state.scalars) {
    if (key.startsWith('rules.')) rules[key.slice('rules.'.length)] = entry.value as Decision;
  }
  return {
    environments: {
      prod: list(state, 'environments.prod'),
      staging: list(state, 'environments.staging'),
      dev: list(state, 'environments.dev'),
      local: list(state, 'environments.local'),
    },
    regenerable: list(state, 'regenerable'),
    rules,
    protected: list(state, 'protected'),
    approval: { wait: scalar(state, 'approval.wait'), grantTtl: scalar(state, 'approval.grantTtl') },
    probes: { timeout: scalar(state, 'probes.timeout'), rowTolerance: scalar(state, 'probes.rowTolerance') },
    shims: { extra: list(state, 'shims.extra') },
    audit: { key: scalar(state, 'audit.key') },
    undo: { trash: scalar<TrashMode>(state, 'undo.trash'), trashLimit: scalar(state, 'undo.trashLimit') },
    packs: list(state, 'packs'),
  };
}

/** Source of every value: `approval.wait`, `rules.<id>`, list items as `protected[/srv/data]`. */
export function toSources(state: ConfigState): Record<string, string> {
  const sources: Record<string, string> = {};
  for (const [key, entry] of state.scalars) sources[key] = entry.source;
  for (const [key, items] of state.lists) {
    for (const entry of items) sources[`${key}[${entry.value}]`] = entry.source;
  }
  return sources;
}
