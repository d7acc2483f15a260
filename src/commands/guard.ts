// The one flow every guarded entry (shim, run, sh) goes through: evaluate, record, ask when
// the verdict needs approval, then run the real program or refuse. The entries only adapt
// their input and output.

import { type Actor, detectActor, verdictForActor } from '../approve/actor.js';
import { type ApprovalResult, askApproval } from '../approve/ask.js';
import { type ArgvJudge, lineCommandFingerprints } from '../approve/grant.js';
import { appendAudit } from '../audit/append.js';
import { closeStore, openStore } from '../audit/store.js';
import type { AuditEntry, EntryKind } from '../audit/types.js';
import { loadConfig } from '../config/load.js';
import { type AirlockDirs, airlockDirs, airlockPaths } from '../config/paths.js';
import type { AirlockConfig } from '../config/schema.js';
import { parseDuration } from '../config/units.js';
import {
  type EvaluateOptions,
  type Evaluation,
  evaluateArgvFully,
  evaluateLineFully,
  prepareEvaluation,
} from '../decide/evaluate.js';
import type { Verdict } from '../decide/verdict.js';
import { executeProgram } from '../exec/execute.js';
import { exitCodes } from '../exec/exit-codes.js';
import { findRealBinary } from '../exec/resolve.js';
import { exitAs } from '../exec/spawn.js';
import { realFs } from '../tools/real-fs.js';
import type { GuardUndo } from '../undo/steps.js';
import { callerEnv, protectedProjectFiles } from './context.js';
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

function auditBase(
  request: GuardRequest,
  evaluation: Evaluation,
  verdict: Verdict,
  actor: Actor,
): Omit<AuditEntry, 'step'> {
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

/**
 * How long a guarded command waits for the audit store's write lock. Each write holds it for about
 * a millisecond, but 50 airlock processes on two busy cores starved a few writers past the store's
 * 5 s default (measured: 7 of 300 reads unrecorded); an unrecorded read is a hole in the trail and
 * an unrecorded write is a refusal, both worse than a slow row under that load.
 */
const guardBusyTimeoutMs = 30_000;

export async function guard(request: GuardRequest): Promise<number> {
  const env = callerEnv(request.env);
  const loaded = loadConfig({ cwd: request.cwd, env });
  const config = loaded.config;
  const dirs = airlockDirs(env);
  const { packs } = allPacks(config.packs);
  const options: EvaluateOptions = {
    env,
    cwd: request.cwd,
    packs,
    policy: config,
    fs: realFs,
    airlockPaths: [...airlockPaths(env), ...protectedProjectFiles(loaded.files.project)],
  };
  await prepareEvaluation('line' in request.subject ? request.subject.line : request.subject.argv.join(' '));
  const evaluation =
    'line' in request.subject
      ? evaluateLineFully(request.subject.line, options)
      : evaluateArgvFully(request.subject.argv, options);
  const actor = detectActor(env);
  const verdict = verdictForActor(evaluation.verdict, actor);
  const store = openStore(dirs.state, { sign: config.audit.key, busyTimeoutMs: guardBusyTimeoutMs });
  const base = auditBase(request, evaluation, verdict, actor);
  // The way back and, when a person decides, the blast radius: every row carries the latest.
  const undo = await guardUndo(request, evaluation, verdict, config, env, dirs);
  const record = (entry: Partial<AuditEntry> & Pick<AuditEntry, 'step'>) =>
    appendAudit(store, { ...base, ...undo?.audit(), ...entry });

  if (verdict.decision === 'deny') {
    record({ step: 'refused', note: verdict.reasons.join('; ') });
    closeStore(store);
    process.stderr.write(renderRefusal(describeSubject(request.subject), verdict, actor, env));
    return exitCodes.refused;
  }

  let approval: Extract<ApprovalResult, { kind: 'run' }> | undefined;
  if (verdict.decision === 'approve') {
    const asked = await askApproval({
      entry: request.entry,
      subject: request.subject,
      command: describeSubject(request.subject),
      cwd: request.cwd,
      env,
      evaluation,
      verdict,
      actor,
      wait: config.approval.wait,
      grantTtlMs: parseDuration(config.approval.grantTtl) ?? 15 * 60_000,
      store,
      record,
      startMeasuring: undo?.startMeasuring,
      rollback: undo?.rollback,
      realProgram: realProgramPath(request.program, env, request.cwd, dirs.shims),
      lineFingerprints:
        'line' in request.subject
          ? () => lineCommandFingerprints(evaluation.analysis, argvJudge(options, dirs.shims))
          : undefined,
    });
    if (asked.kind === 'stop') {
      // Not decided yet (timed out, or queued without waiting): a later approval runs the plan it showed.
      undo?.discard(
        asked.exitCode === exitCodes.approvalTimeout || asked.exitCode === exitCodes.needsApproval,
      );
      closeStore(store);
      return asked.exitCode;
    }
    approval = asked;
  }
  const approvalFields = approval
    ? { requestId: approval.requestId, approvalChannel: approval.channel, approver: approval.approver }
    : {};

  const isRead = verdict.effect === 'none' || verdict.effect === 'read';
  // An approved command was recorded as approved before it got here.
  if (!isRead && approval === undefined) {
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

  // Undo is kept just before running; an rm bound for the trash, terraform's saved plan and
  // psql's row-checked transaction are run by airlock itself.
  const childEnv = { ...request.env, ...request.childEnv, ...approval?.childEnv };
  const prepared = await undo?.prepare(request.args, approval !== undefined, {
    runEnv: childEnv,
    program: request.program.split('/').pop() ?? request.program,
    ...(approval?.blastRadius === undefined ? {} : { approvedBlast: approval.blastRadius }),
  });
  if (prepared !== undefined && prepared.kind !== 'prepared') {
    undo?.discard();
    record({
      step: prepared.kind === 'ran' ? 'exited' : 'refused',
      exitStatus: prepared.kind === 'ran' ? prepared.exitCode : undefined,
      note: prepared.note,
      ...approvalFields,
    });
    closeStore(store);
    return prepared.kind === 'ran' ? prepared.exitCode : (prepared.exitCode ?? exitCodes.refused);
  }
  const result = await executeProgram({
    program: request.program,
    args: request.args,
    env: childEnv,
    cwd: request.cwd,
    shimDirs: [dirs.shims],
  });
  // After the run: a line's shims inside it apply the plans its approval showed.
  undo?.discard();
  if (result.kind === 'not-started') {
    process.stderr.write(result.message);
    record({
      step: isRead ? 'allowed' : 'exited',
      exitStatus: result.exitCode,
      note: result.message.trim(),
      ...approvalFields,
    });
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
    note: prepared?.note,
    ...approvalFields,
  });
  // Left open on purpose: closing the last connection checkpoints the WAL (~3 ms of fsyncs on
  // every command); the process ends right after, and committed rows are already in the WAL.
  if (!after.ok && isRead) {
    process.stderr.write(`airlock: warning: this read ran but could not be recorded (${after.message}).\n`);
  }
  if (outcome.kind === 'failed-to-start') process.stderr.write(outcome.message);
  return exitAs(outcome);
}

/** git verbs airlock keeps a way back from; `git status` never loads the undo code. */
const undoableGitVerbs = new Set(['reset', 'checkout', 'restore', 'switch', 'clean', 'stash', 'branch']);

/** Plans the undo and starts measuring, loading either only when the command can use it. */
async function guardUndo(
  request: GuardRequest,
  evaluation: Evaluation,
  verdict: Verdict,
  config: AirlockConfig,
  env: Record<string, string | undefined>,
  dirs: AirlockDirs,
): Promise<GuardUndo | undefined> {
  const mayUndo = evaluation.invocations.some(
    (i) => i.tool === 'rm' || (i.tool === 'git' && undoableGitVerbs.has(i.subcommand[0] ?? '')),
  );
  if (verdict.decision !== 'approve' && !mayUndo) return undefined;
  const { startGuardUndo } = await import('../undo/steps.js');
  return startGuardUndo({
    evaluation,
    needsApproval: verdict.decision === 'approve',
    argv: 'argv' in request.subject ? request.subject.argv : undefined,
    command: describeSubject(request.subject),
    cwd: request.cwd,
    env,
    config,
    trashDir: dirs.trash,
    dataDir: dirs.data,
    shimDirs: [dirs.shims],
  });
}

/** The program's real path as the execute stage will find it (shims skipped), for fingerprints. */
function realProgramPath(
  program: string,
  env: Record<string, string | undefined>,
  cwd: string,
  shims: string,
): string {
  const found = findRealBinary(program, env, { shimDirs: [shims], cwd });
  return 'missing' in found ? `missing:${program}` : found.path;
}

/** Judges a command inside a line exactly as its shim will, to hand the line's approval on. */
function argvJudge(options: EvaluateOptions, shims: string): ArgvJudge {
  return {
    evaluate: (argv, env, cwd) => evaluateArgvFully(argv, { ...options, env, cwd }),
    resolveProgram: (program, env, cwd) => realProgramPath(program, env, cwd, shims),
  };
}

/**
 * Project config files are airlock's config too: an agent deleting `.airlockrc.yaml` would
 * drop the production markers it adds. package.json is left out: it holds far more than
 * airlock's key, and refusing every edit to it would stop ordinary work.
 */
