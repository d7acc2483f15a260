// The one flow every guarded entry (shim, run, sh) goes through: evaluate, record, then
// run the real program or refuse. The entries only adapt their input and output.

import { type Actor, detectActor } from '../approve/actor.js';
import { appendAudit } from '../audit/append.js';
import { closeStore, openStore } from '../audit/store.js';
import type { AuditEntry, EntryKind } from '../audit/types.js';
import { loadConfig } from '../config/load.js';
import { airlockDirs, airlockPaths } from '../config/paths.js';
import { type Evaluation, evaluateArgvFully, evaluateLineFully } from '../decide/evaluate.js';
import type { Verdict } from '../decide/verdict.js';
import { executeProgram } from '../exec/execute.js';
import { exitCodes } from '../exec/exit-codes.js';
import { exitAs } from '../exec/spawn.js';
import { realFs } from '../tools/real-fs.js';
import { callerEnv } from './context.js';
import { allPacks } from './packs.js';
import { renderRefusal } from './refusal.js';

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

function describeSubject(subject: GuardRequest['subject']): string {
  return 'line' in subject ? subject.line : subject.argv.join(' ');
}

function auditBase(request: GuardRequest, evaluation: Evaluation, actor: Actor): Omit<AuditEntry, 'step'> {
  const verdict: Verdict = evaluation.verdict;
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

export async function guard(request: GuardRequest): Promise<number> {
  const env = callerEnv(request.env);
  const loaded = loadConfig({ cwd: request.cwd, env });
  const config = loaded.config;
  const dirs = airlockDirs(env);
  const { packs } = allPacks(config.packs);
  const options = {
    env,
    cwd: request.cwd,
    packs,
    policy: config,
    fs: realFs,
    airlockPaths: airlockPaths(env),
  };
  const evaluation =
    'line' in request.subject
      ? evaluateLineFully(request.subject.line, options)
      : evaluateArgvFully(request.subject.argv, options);
  const verdict = evaluation.verdict;
  const actor = detectActor(env);
  const store = openStore(dirs.state, { sign: config.audit.key });
  const base = auditBase(request, evaluation, actor);
  const record = (entry: Partial<AuditEntry> & Pick<AuditEntry, 'step'>) =>
    appendAudit(store, { ...base, ...entry });

  if (verdict.decision !== 'allow') {
    record({ step: 'refused', note: verdict.reasons.join('; ') });
    closeStore(store);
    process.stderr.write(renderRefusal(describeSubject(request.subject), verdict, actor, env));
    return verdict.decision === 'deny' ? exitCodes.refused : exitCodes.needsApproval;
  }

  const isRead = verdict.effect === 'none' || verdict.effect === 'read';
  if (!isRead) {
    const before = record({ step: 'allowed' });
    if (!before.ok) {
      closeStore(store);
      process.stderr.write(
        `airlock: not run: the audit log cannot be written (${before.message}).\n` +
          `  Commands that change anything run only when they can be recorded. Check ${before.path},\n` +
          `  then run 'airlock verify'.\n`,
      );
      return exitCodes.auditUnavailable;
    }
  }

  const result = await executeProgram({
    program: request.program,
    args: request.args,
    env: { ...request.env, ...request.childEnv },
    cwd: request.cwd,
    shimDirs: [dirs.shims],
  });
  if (result.kind === 'not-started') {
    process.stderr.write(result.message);
    record({ step: isRead ? 'allowed' : 'exited', exitStatus: result.exitCode, note: result.message.trim() });
    closeStore(store);
    return result.exitCode;
  }
  const outcome = result.outcome;
  const after = record({
    step: isRead ? 'allowed' : 'exited',
    exitStatus:
      outcome.kind === 'exited'
        ? outcome.code
        : outcome.kind === 'failed-to-start'
          ? outcome.exitCode
          : undefined,
    signal: outcome.kind === 'signaled' ? outcome.signal : undefined,
    durationMs: Math.round(result.durationMs),
  });
  closeStore(store);
  if (!after.ok && isRead) {
    process.stderr.write(`airlock: warning: this read ran but could not be recorded (${after.message}).\n`);
  }
  if (outcome.kind === 'failed-to-start') process.stderr.write(outcome.message);
  return exitAs(outcome);
}
