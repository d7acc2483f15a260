// The decision for a whole line: plain data that the prompt, --json and the audit row render.

import type { Finding } from '../classify/finding.js';
import type { Effect } from '../classify/rule.js';
import type { Unknown } from '../parse/command.js';

export type Decision = 'allow' | 'approve' | 'deny';
export type EnvironmentName = 'local' | 'dev' | 'staging' | 'prod' | 'unknown';

export interface Environment {
  name: EnvironmentName;
  /** The name that was mapped (`prod-eu`), when there was one. */
  value?: string;
  /** Where it came from (`kube context from --context`, `local file system`…). */
  source: string;
}

export interface DecidedFinding extends Finding {
  decision: Decision;
  environment: Environment;
  /** Why this decision, in a sentence (`destroy in prod needs approval`). */
  why: string;
}

export interface Verdict {
  decision: Decision;
  /** The strongest effect found; `none` when nothing matched, `unknown` when only unknowns. */
  effect: Effect | 'none' | 'unknown';
  findings: DecidedFinding[];
  unknowns: Unknown[];
  /** The strictest environment among the findings. */
  environment: Environment;
  /** One line per reason the decision is what it is. */
  reasons: string[];
  /** Who is asking, and why airlock thinks so; set where a command is really about to run. */
  actor?: { kind: 'human' | 'agent'; agent?: string; reason: string };
}
