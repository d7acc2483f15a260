// The rule format: what a YAML pack holds once loaded. See rules/schema.json.

import type { TargetKind } from '../tools/invocation.js';

export type Effect = 'read' | 'write' | 'destroy';

/** Facts classify derives for each target so rules can match on meaning, not text. */
export type TargetTrait =
  | 'dynamic'
  | 'glob'
  | 'root'
  | 'home'
  | 'system'
  | 'outside-project'
  | 'inside-project'
  | 'project-root'
  | 'regenerable'
  | 'git-metadata'
  | 'airlock'
  | 'exists'
  | 'directory';

export interface TargetCondition {
  kind?: TargetKind | TargetKind[];
  /** Every listed trait must hold. */
  traits?: TargetTrait[];
  /** None of these traits may hold. */
  notTraits?: TargetTrait[];
  /** The base name matches one of these `*`/`?` patterns (`*.sqlite`). */
  name?: string | string[];
}

/** A matcher over an Invocation. All keys present must hold. */
export interface Condition {
  tool?: string | string[];
  /** The program as invoked (`rmdir` within the rm pack). */
  program?: string | string[];
  /** Verb paths (`stash drop`); any may match, as a prefix of the invocation's verb path. */
  subcommand?: string | string[];
  /** Any of these flags is present. */
  flag?: string | string[];
  /** All of these flags are present. */
  flags?: string[];
  /** A flag's value is one of these (`dry-run: [none]`). */
  flagValue?: Record<string, string | string[]>;
  /** Any of these facts is truthy. */
  fact?: string | string[];
  /** Each listed fact equals the value (or one of the values). */
  facts?: Record<string, string | number | boolean | (string | number | boolean)[]>;
  /** Some target satisfies this. */
  target?: TargetCondition;
  /** Every target satisfies this (and there is at least one). */
  allTargets?: TargetCondition;
  /** Some positional argument equals one of these. */
  positional?: string | string[];
  /** A positional argument count bound. */
  positionals?: { min?: number; max?: number };
  any?: Condition[];
  all?: Condition[];
  not?: Condition;
}

/** An example line, optionally evaluated in another cwd or environment. */
export type RuleExample =
  | string
  | {
      line: string;
      env?: Record<string, string>;
      cwd?: string;
      /** Files that exist for this example: `notes.txt`, `src/` (a directory), `link -> /etc`. */
      files?: string[];
      /** The decision the whole line should get, when not the default (stop: not allow; pass: allow). */
      decision?: 'allow' | 'approve' | 'deny';
    };

export interface Rule {
  id: string;
  effect: Effect;
  /** One line for the person reading the prompt. */
  reason: string;
  alternatives: string[];
  /** The measurement that sizes this rule's blast radius. */
  probe?: string;
  /** Refuse outright, whatever the environment (`rm -rf /`, `mkfs` on a mounted disk). */
  catastrophic: boolean;
  /** Refuse outright when the target's environment is one of these (`DROP DATABASE` in prod). */
  denyIn?: ('local' | 'dev' | 'staging' | 'prod' | 'unknown')[];
  /** A destroy whose every target is regenerable (node_modules, dist…) needs no approval. */
  regenerableExempt: boolean;
  match: Condition;
  unless?: Condition;
  examples: { stop: RuleExample[]; pass: RuleExample[] };
  /** Pack it came from, and where. */
  pack: string;
  source: { file: string; line: number };
}

export interface Pack {
  name: string;
  description: string;
  /** Programs this pack guards; `airlock shims install` makes a shim for each. */
  programs: string[];
  rules: Rule[];
  file: string;
  /**
   * The tools its rules match, when known ahead (the built-in packs): classify then reads a
   * pack's rules only for a command of one of these tools. Absent: the rules are scanned.
   */
  ruleTools?: string[];
}

/** A problem found while loading packs: returned as data, never thrown. */
export interface PackProblem {
  file: string;
  rule?: string;
  line?: number;
  message: string;
  fix: string;
}
