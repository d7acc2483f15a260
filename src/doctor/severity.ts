// How serious a credential is: by the environment its name reaches under the policy.

import { environmentOfName } from '../decide/environment.js';
import type { Policy } from '../decide/policy.js';
import type { EnvironmentName } from '../decide/verdict.js';
import type { Severity } from './types.js';

export function environmentOf(names: readonly (string | undefined)[], policy: Policy): EnvironmentName {
  let best: EnvironmentName | undefined;
  const rank: Record<EnvironmentName, number> = { local: 0, dev: 1, unknown: 2, staging: 3, prod: 4 };
  for (const name of names) {
    if (name === undefined || name === '') continue;
    const env = environmentOfName(name, policy);
    if (env !== undefined && (best === undefined || rank[env] > rank[best])) best = env;
  }
  return best ?? 'unknown';
}

export function severityFor(env: EnvironmentName): Severity {
  if (env === 'prod') return 'high';
  if (env === 'local') return 'low';
  return 'medium';
}
