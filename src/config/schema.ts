// The config's shape, its built-in defaults, and for each key which change loosens safety.

import { defaultPolicy, type Policy } from '../decide/policy.js';
import type { Decision } from '../decide/verdict.js';
import { parseDuration, parseSize } from './units.js';

export type TrashMode = 'recursive' | 'always' | 'never';

/** Everything the pipeline reads from config; a Policy, so decide can take it as is. */
export interface AirlockConfig extends Policy {
  approval: {
    /** Seconds an agent's request waits for a person before giving up. */
    wait: number;
    /** How long an approval grant stays usable (`15m`). */
    grantTtl: string;
  };
  probes: {
    /** Milliseconds each blast-radius probe may run. */
    timeout: number;
    /** Extra rows an approved DELETE/UPDATE may touch, as a fraction of the approved count (at least 5 rows). */
    rowTolerance: number;
  };
  /** Programs to shim beyond those the packs guard. */
  shims: { extra: string[] };
  /** Sign audit rows with a per-user key. */
  audit: { key: boolean };
  undo: {
    /** Which `rm` calls move to the trash: recursive ones, all, or none. */
    trash: TrashMode;
    /** The trash's size limit (`5GB`). */
    trashLimit: string;
  };
  /** Absolute paths of extra rule packs to load. */
  packs: string[];
}

export type EffectiveConfig = AirlockConfig;

export type ConfigProblemKind = 'syntax' | 'unknown-key' | 'type' | 'loosening' | 'unsupported' | 'duplicate';

/** A problem in a config file: returned as data, never thrown. */
export interface ConfigProblem {
  file: string;
  /** Dotted key path (`rules.git/push-force`, `environments.dev`); empty for the whole file. */
  key: string;
  line?: number;
  kind: ConfigProblemKind;
  message: string;
  fix: string;
}

export function defaultConfig(): AirlockConfig {
  return {
    environments: {
      prod: [...defaultPolicy.environments.prod],
      staging: [...defaultPolicy.environments.staging],
      dev: [...defaultPolicy.environments.dev],
      local: [...defaultPolicy.environments.local],
    },
    regenerable: [...defaultPolicy.regenerable],
    rules: { ...defaultPolicy.rules },
    protected: [...defaultPolicy.protected],
    approval: { wait: 120, grantTtl: '15m' },
    probes: { timeout: 3000, rowTolerance: 0.1 },
    shims: { extra: [] },
    audit: { key: true },
    undo: { trash: 'recursive', trashLimit: '5GB' },
    packs: [],
  };
}

export type ScalarValue = string | number | boolean;

export interface ScalarSpec {
  /** What a valid value looks like, for messages. */
  expected: string;
  /** The value, or undefined when it is not acceptable. */
  accept(raw: unknown): ScalarValue | undefined;
  /** Allowed values, for did-you-mean. */
  choices?: readonly string[];
  /** True when `after` is less safe than `before`; absent when the key does not touch safety. */
  loosens?(before: ScalarValue, after: ScalarValue): boolean;
}

const trashModes: readonly TrashMode[] = ['never', 'recursive', 'always'];
export const decisions: readonly Decision[] = ['allow', 'approve', 'deny'];

function acceptNumber(min: number): (raw: unknown) => number | undefined {
  return (raw) => (typeof raw === 'number' && Number.isFinite(raw) && raw >= min ? raw : undefined);
}

function acceptChoice(choices: readonly string[]): (raw: unknown) => string | undefined {
  return (raw) => (typeof raw === 'string' && choices.includes(raw) ? raw : undefined);
}

export const scalarSpecs: Record<string, ScalarSpec> = {
  // How long an agent waits is convenience, not safety: any layer may change it.
  'approval.wait': { expected: 'a number of seconds (0 or more)', accept: acceptNumber(0) },
  'approval.grantTtl': {
    expected: 'a duration such as 30s, 15m or 2h',
    accept: (raw) => (typeof raw === 'string' && (parseDuration(raw) ?? 0) > 0 ? raw : undefined),
    loosens: (before, after) => parseDuration(String(after))! > parseDuration(String(before))!,
  },
  'probes.timeout': { expected: 'a number of milliseconds (more than 0)', accept: acceptNumber(1) },
  'probes.rowTolerance': {
    expected: 'a fraction of the approved rows (0.1 = 10% more; at least 5 rows are always allowed)',
    accept: acceptNumber(0),
    // More slack lets an approved DELETE/UPDATE touch more rows than the person saw.
    loosens: (before, after) => Number(after) > Number(before),
  },
  'audit.key': {
    expected: 'true or false',
    accept: (raw) => (typeof raw === 'boolean' ? raw : undefined),
    loosens: (before, after) => before === true && after === false,
  },
  'undo.trash': {
    expected: 'recursive, always or never',
    accept: acceptChoice(trashModes),
    choices: trashModes,
    loosens: (before, after) =>
      trashModes.indexOf(after as TrashMode) < trashModes.indexOf(before as TrashMode),
  },
  'undo.trashLimit': {
    expected: 'a size such as 500MB or 5GB',
    accept: (raw) => (typeof raw === 'string' && (parseSize(raw) ?? 0) > 0 ? raw : undefined),
    // A smaller trash keeps fewer deletions recoverable.
    loosens: (before, after) => parseSize(String(after))! < parseSize(String(before))!,
  },
};

/** Rule overrides live under `rules.<rule id>`. */
export const ruleSpec: ScalarSpec = {
  expected: 'allow, approve or deny',
  accept: acceptChoice(decisions),
  choices: decisions,
  loosens: (before, after) => decisions.indexOf(after as Decision) < decisions.indexOf(before as Decision),
};

/** What an override is compared with when no layer below set one. */
export const ruleBaseline: Decision = 'approve';

export interface ListSpec {
  /** An error message when the item is not acceptable. */
  check?(item: string): string | undefined;
  /** Whether adding an item makes airlock stricter, and whether removing one does. */
  adding: 'tightens' | 'loosens';
  removing: 'tightens' | 'loosens';
  /** What membership means, to explain a refused loosening. */
  meaning: string;
  /** Items are paths, resolved against the config file's directory. */
  paths?: boolean;
}

const stricter = { adding: 'tightens', removing: 'loosens' } as const;
const looser = { adding: 'loosens', removing: 'tightens' } as const;

export const listSpecs: Record<string, ListSpec> = {
  'environments.prod': { ...stricter, meaning: 'matching targets are treated as production' },
  'environments.staging': { ...stricter, meaning: 'matching targets are treated as staging' },
  'environments.dev': { ...looser, meaning: 'writes to matching targets run without approval' },
  'environments.local': { ...looser, meaning: 'writes to matching targets run without approval' },
  regenerable: { ...looser, meaning: 'deleting these directories needs no approval' },
  protected: { ...stricter, meaning: 'any write or destroy on these targets needs approval' },
  packs: { ...stricter, paths: true, meaning: 'the rules of these packs apply' },
  'shims.extra': {
    ...stricter,
    meaning: 'these programs get a shim',
    check: (item) => (item.includes('/') ? 'must be a program name, not a path' : undefined),
  },
};

/** The keys a group (`''` for the top level, `approval`, `environments`…) may hold. */
export function childKeys(group: string): string[] {
  const prefix = group === '' ? '' : `${group}.`;
  const children = new Set<string>();
  for (const key of [...Object.keys(scalarSpecs), ...Object.keys(listSpecs), 'rules']) {
    if (key.startsWith(prefix)) children.add(key.slice(prefix.length).split('.')[0]!);
  }
  return [...children];
}
