// Maps the names a command touches (kube context, AWS profile, database host…) to an
// environment, using the policy's patterns; the strictest match wins.

import { wildcardMatch } from '../classify/match.js';
import type { EnvHint, EnvHintKind } from '../tools/invocation.js';
import type { Policy } from './policy.js';
import type { Environment, EnvironmentName } from './verdict.js';

/** Hints that say where a command acts; namespaces, regions and remotes only qualify it. */
const locating: ReadonlySet<EnvHintKind> = new Set<EnvHintKind>([
  'kube-context',
  'aws-profile',
  'aws-account',
  'endpoint',
  'gcp-project',
  'azure-subscription',
  'db-host',
  'db-name',
  'tf-workspace',
  'host',
]);

const order: readonly Exclude<EnvironmentName, 'unknown'>[] = ['prod', 'staging', 'dev', 'local'];

/** How strict each environment is for writes: unknown sits with staging, below prod. */
export const strictness: Record<EnvironmentName, number> = {
  local: 0,
  dev: 1,
  unknown: 2,
  staging: 3,
  prod: 4,
};

export const localEnvironment: Environment = { name: 'local', source: 'runs on this machine' };

function wholeNameMatches(pattern: string, name: string): boolean {
  const p = pattern.toLowerCase();
  const n = name.toLowerCase();
  return p.includes('*') ? wildcardMatch(p, n) : p === n;
}

function partMatches(pattern: string, name: string): boolean {
  const p = pattern.toLowerCase();
  if (p.includes('*')) return false;
  for (const part of name.toLowerCase().split(/[-_./:@]+/)) if (part === p) return true;
  return false;
}

/**
 * A pattern matches the whole name, or one of its parts split at `-_./:@`: `prod` matches
 * `prod-eu` and `db.prod.internal` but not `product-api`.
 */
export function nameMatches(pattern: string, name: string): boolean {
  return wholeNameMatches(pattern, name) || partMatches(pattern, name);
}

/** The policy's patterns lowercased, per environment in strictness order; built once per policy. */
type LoweredPatterns = [Exclude<EnvironmentName, 'unknown'>, string[]][];
const lowered = new WeakMap<Policy['environments'], LoweredPatterns>();

function loweredPatterns(policy: Policy): LoweredPatterns {
  let patterns = lowered.get(policy.environments);
  if (patterns === undefined) {
    patterns = order.map((env) => [env, policy.environments[env].map((p) => p.toLowerCase())]);
    lowered.set(policy.environments, patterns);
  }
  return patterns;
}

/**
 * A match on the whole name (`kind-*` for `kind-dev`) says more than a match on one of its parts
 * (`dev`), so whole-name matches are tried first; within each pass the strictest environment wins.
 */
export function environmentOfName(name: string, policy: Policy): EnvironmentName | undefined {
  const patterns = loweredPatterns(policy);
  const n = name.toLowerCase();
  // Indexed loops: this runs for every target of every command, mostly before V8 optimizes it.
  for (let e = 0; e < patterns.length; e++) {
    const entry = patterns[e] as (typeof patterns)[number];
    const list = entry[1];
    for (let i = 0; i < list.length; i++) {
      const p = list[i] as string;
      if (p.includes('*') ? wildcardMatch(p, n) : p === n) return entry[0];
    }
  }
  const parts = n.split(/[-_./:@]+/);
  for (let e = 0; e < patterns.length; e++) {
    const entry = patterns[e] as (typeof patterns)[number];
    const list = entry[1];
    for (let i = 0; i < list.length; i++) {
      const p = list[i] as string;
      if (!p.includes('*') && parts.includes(p)) return entry[0];
    }
  }
  return undefined;
}

function describe(hint: EnvHint): string {
  return `${hint.kind.replace('-', ' ')} ${hint.value ?? '(unknown)'} from ${hint.source}`;
}

/**
 * The environment an invocation acts on. No locating hint means it acts on this machine.
 * A hint whose value is unknown, or names that match no pattern, leave it `unknown`,
 * unless another hint did match (a local host with an unrecognized database name is local).
 */
export function resolveEnvironment(
  hints: readonly EnvHint[],
  policy: Policy,
  remoteHost?: string,
): Environment {
  const relevant = hints.filter((h) => locating.has(h.kind));
  if (remoteHost !== undefined)
    relevant.push({
      kind: 'host',
      value: remoteHost,
      source: 'where the command runs remotely (ssh host, pod or container)',
    });
  if (relevant.length === 0) return localEnvironment;
  let best: Environment | undefined;
  let unresolved: Environment | undefined;
  for (const hint of relevant) {
    if (hint.value === undefined) {
      unresolved ??= { name: 'unknown', source: describe(hint) };
      continue;
    }
    const name = environmentOfName(hint.value, policy);
    if (name === undefined) {
      unresolved ??= {
        name: 'unknown',
        value: hint.value,
        source: `${describe(hint)} matches no environment pattern`,
      };
      continue;
    }
    if (best === undefined || strictness[name] > strictness[best.name]) {
      best = { name, value: hint.value, source: describe(hint) };
    }
  }
  if (best === undefined) return unresolved ?? localEnvironment;
  // An unknown locator outranks a dev/local match only when it could be the real target.
  if (unresolved && unresolved.value === undefined && strictness.unknown > strictness[best.name])
    return unresolved;
  return best;
}

export function stricter(a: Environment, b: Environment): Environment {
  return strictness[b.name] > strictness[a.name] ? b : a;
}
