// The one flow every guarded entry (shim, run, sh) goes through: evaluate, then either run an
// allowed command at once, recorded as a pending row, or hand the rest (refusals, approvals,
// commands airlock keeps a way back from) to the full flow in guard-flow.ts. The entries only
// adapt their input and output.

import { type Actor, detectActor, verdictForActor } from '../approve/actor.js';
import { writePending } from '../audit/pending.js';
import type { AuditEntry, EntryKind } from '../audit/types.js';
import { cold } from '../cold.js';
import { type LoadedConfig, loadConfig } from '../config/load.js';
import { type AirlockDirs, airlockDirs, airlockPaths } from '../config/paths.js';
import {
  type EvaluateOptions,
  type Evaluation,
  evaluateArgvFully,
  evaluateLineFully,
  prepareEvaluation,
} from '../decide/evaluate.js';
import type { Verdict } from '../decide/verdict.js';
import { realFs } from '../tools/real-fs.js';
import { callerEnv, protectedProjectFiles } from './context.js';
import { executeAndRecord, type Recorder, refuseUnrecorded } from './guard-run.js';
import { allPacks } from './packs.js';

export interface GuardRequest {
  entry: Extract<EntryKind, 'shim' | 'run' | 'sh'>;
  /** What is judged: the argv a shim or `run` received, or the line `sh` received. */
  subject: { argv: string[] } | { line: string };
  /** What runs when allowed: a program name searched in PATH (shims skipped), or a path. */
  program: string;
  args: string[];
  /** The raw process environment (launcher variables included). */
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Extra variables for the child (the shim directory first in PATH for `sh`). */
  childEnv?: NodeJS.ProcessEnv;
}

/** Everything the judgement produced, handed whole to the full flow when it takes over. */
export interface Judged {
  request: GuardRequest;
  /** The caller's environment as the command sees it. */
  env: Record<string, string | undefined>;
  loaded: LoadedConfig;
  dirs: AirlockDirs;
  options: EvaluateOptions;
  evaluation: Evaluation;
  verdict: Verdict;
  actor: Actor;
}

export function describeSubject(subject: GuardRequest['subject']): string {
  return 'line' in subject ? subject.line : subject.argv.join(' ');
}

export function auditBase(judged: Judged): Omit<AuditEntry, 'step'> {
  const { request, evaluation, verdict, actor } = judged;
  return {
    actorKind: actor.kind,
    agent: actor.agent,
    modeReason: actor.reason,
    sessionId: request.env.AIRLOCK_SESSION,
    cwd: request.cwd,
    entry: request.entry,
    ...('line' in request.subject ? { line: request.subject.line } : { argv: request.subject.argv }),
    tools: [...new Set(evaluation.invocations.map((i) => i.tool))],
    decision: verdict.decision,
    effect: verdict.effect,
    ruleIds: verdict.findings.map((f) => f.rule),
    environment: verdict.environment,
  };
}

/** git verbs airlock keeps a way back from; `git status` never loads the undo code. */
const undoableGitVerbs = new Set(['reset', 'checkout', 'restore', 'switch', 'clean', 'stash', 'branch']);

/** Whether airlock keeps a way back from this command (the trash for rm, a git snapshot). */
export function keepsWayBack(evaluation: Evaluation): boolean {
  return evaluation.invocations.some(
    (i) => i.tool === 'rm' || (i.tool === 'git' && undoableGitVerbs.has(i.subcommand[0] ?? '')),
  );
}

export async function guard(request: GuardRequest): Promise<number> {
  const env = callerEnv(request.env);
  // Started first: a SQL parser compiles its WASM off the main thread while config loads.
  const parsers = prepareEvaluation(describeSubject(request.subject));
  const loaded = loadConfig({ cwd: request.cwd, env });
  const config = loaded.config;
  const options: EvaluateOptions = {
    env,
    cwd: request.cwd,
    packs: allPacks(config.packs).packs,
    policy: config,
    fs: realFs,
    airlockPaths: [...airlockPaths(env), ...protectedProjectFiles(loaded.files.project)],
  };
  await parsers;
  const evaluation =
    'line' in request.subject
      ? evaluateLineFully(request.subject.line, options)
      : evaluateArgvFully(request.subject.argv, options);
  const actor = detectActor(env);
  const verdict = verdictForActor(evaluation.verdict, actor);
  const judged: Judged = {
    request,
    env,
    loaded,
    dirs: airlockDirs(env),
    options,
    evaluation,
    verdict,
    actor,
  };
  if (verdict.decision !== 'allow' || keepsWayBack(evaluation)) return cold.guardFlow(judged);
  return runAllowed(judged);
}

/** An allowed command with nothing to keep: recorded without opening the store, then run. */
async function runAllowed(judged: Judged): Promise<number> {
  const { request, verdict, dirs } = judged;
  const base = auditBase(judged);
  const record: Recorder = (entry) => writePending(dirs.state, { ...base, ...entry });
  const isRead = verdict.effect === 'none' || verdict.effect === 'read';
  if (!isRead) {
    const before = record({ step: 'allowed' });
    if (!before.ok) return refuseUnrecorded(before);
  }
  return executeAndRecord({
    request,
    shimDir: dirs.shims,
    record,
    isRead,
    childEnv: { ...request.env, ...request.childEnv },
    beforeExit: () => cold.chainBacklog(dirs.state, judged.loaded.config.audit.key),
  });
}
