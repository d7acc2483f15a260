// A rule that matched an invocation, and why.

import type { Span } from '../parse/ast.js';
import type { EnvHint, FactValue, Target } from '../tools/invocation.js';
import type { Effect, TargetTrait } from './rule.js';

export interface TargetView extends Target {
  traits: TargetTrait[];
}

/** The serializable summary of the invocation a finding is about. */
export interface InvocationView {
  tool: string;
  program: string;
  subcommand: string[];
  flags: Readonly<Record<string, string[]>>;
  positionals: string[];
  targets: TargetView[];
  envHints: EnvHint[];
  facts: Readonly<Record<string, FactValue>>;
  unknowns: string[];
  remote?: string;
  origin: string[];
}

export interface Finding {
  rule: string;
  pack: string;
  effect: Effect;
  reason: string;
  alternatives: string[];
  probe?: string;
  catastrophic: boolean;
  denyIn?: ('local' | 'dev' | 'staging' | 'prod' | 'unknown')[];
  regenerableExempt: boolean;
  /** Index of the invocation it matched in the evaluation's invocation list. */
  invocationIndex?: number;
  /** The command text the finding comes from. */
  command: string;
  span: Span;
  invocation: InvocationView;
}
