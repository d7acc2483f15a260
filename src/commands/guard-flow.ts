// The full guarded flow, for everything the fast path in guard.ts does not run at once: a
// refusal, a command that needs a person's approval, and a command airlock keeps a way back
// from (rm to the trash, a git snapshot). Loaded only when one of those comes up.

import { type ApprovalResult, askApproval } from '../approve/ask.js';
import { type ArgvJudge, lineCommandFingerprints } from '../approve/grant.js';
import { chainBacklog, recordEntry } from '../audit/record.js';
import { closeStore, openStore } from '../audit/store.js';
import type { AuditEntry } from '../audit/types.js';
import { parseDuration } from '../config/units.js';
import { type EvaluateOptions, evaluateArgvFully } from '../decide/evaluate.js';
import { exitCodes } from '../exec/exit-codes.js';
import { findRealBinary } from '../exec/resolve.js';
import type { GuardUndo } from '../undo/steps.js';
import { auditBase, describeSubject, type Judged, keepsWayBack } from './guard.js';
import { executeAndRecord, refuseUnrecorded } from './guard-run.js';
import { renderRefusal } from './refusal.js';

/**
 * How long a guarded command waits for the audit store's write lock. Each write holds it for about
 * a millisecond, but 50 airlock processes on two busy cores starved a few writers past the store's
 * 5 s default (measured: 7 of 300 reads unrecorded); an unrecorded read is a hole in the trail and
 * an unrecorded write is a refusal, both worse than a slow row under that load.
 */
const guardBusyTimeoutMs = 30_000;

export async function guardFlow(judged: Judged): Promise<number> {
  const { request, env, loaded, dirs, options, evaluation, verdict, actor } = judged;
  const config = loaded.config;
  const store = openStore(dirs.state, { sign: config.audit.key, busyTimeoutMs: guardBusyTimeoutMs });
  const base = auditBase(judged);
  // The way back and, when a person decides, the blast radius: every row carries the latest.
  const undo = await guardUndo(judged);
  // A pending row while nothing has opened the store, so a refusal or a trashed rm skips
  // SQLite too; once the approval queue has opened it, rows go straight in (audit/pending.ts).
  const record = (entry: Partial<AuditEntry> & Pick<AuditEntry, 'step'>) =>
    recordEntry(store, { ...base, ...undo?.audit(), ...entry });

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
  const fields = approval
    ? { requestId: approval.requestId, approvalChannel: approval.channel, approver: approval.approver }
    : {};

  const isRead = verdict.effect === 'none' || verdict.effect === 'read';
  // An approved command was recorded as approved before it got here.
  if (!isRead && approval === undefined) {
    const before = record({ step: 'allowed' });
    if (!before.ok) {
      closeStore(store);
      return refuseUnrecorded(before);
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
      ...fields,
    });
    closeStore(store);
    return prepared.kind === 'ran' ? prepared.exitCode : (prepared.exitCode ?? exitCodes.refused);
  }
  return executeAndRecord({
    request,
    shimDir: dirs.shims,
    record,
    isRead,
    childEnv,
    fields,
    note: prepared?.note,
    // After the run: a line's shims inside it apply the plans its approval showed.
    afterRun: () => undo?.discard(),
    // The store stays open on purpose: closing the last connection checkpoints the WAL (~3 ms of
    // fsyncs on every command); the process ends right after, and committed rows are in the WAL.
    beforeExit: () => chainBacklog(store),
  });
}

/** Plans the undo and starts measuring, loading either only when the command can use it. */
async function guardUndo(judged: Judged): Promise<GuardUndo | undefined> {
  const { request, evaluation, verdict, env, loaded, dirs } = judged;
  if (verdict.decision !== 'approve' && !keepsWayBack(evaluation)) return undefined;
  const { startGuardUndo } = await import('../undo/steps.js');
  return startGuardUndo({
    evaluation,
    needsApproval: verdict.decision === 'approve',
    argv: 'argv' in request.subject ? request.subject.argv : undefined,
    command: describeSubject(request.subject),
    cwd: request.cwd,
    env,
    config: loaded.config,
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
