// The end every allowed or approved command shares: run the real program with the caller's
// stdio, record how it ended, and end airlock the same way.

import type { RecordResult } from '../audit/record.js';
import type { AuditEntry, StoreFailure } from '../audit/types.js';
import { executeProgram } from '../exec/execute.js';
import { exitCodes } from '../exec/exit-codes.js';
import { exitAs } from '../exec/spawn.js';
import type { GuardRequest } from './guard.js';

export type Recorder = (entry: Partial<AuditEntry> & Pick<AuditEntry, 'step'>) => RecordResult;

/** A command that changes something runs only once it is on the record. */
export function refuseUnrecorded(failure: StoreFailure): number {
  process.stderr.write(
    `airlock: not run: the audit log cannot be written (${failure.message}).\n` +
      `  Commands that change anything run only when they can be recorded. Check ${failure.path},\n` +
      `  then run 'airlock verify'.\n`,
  );
  return exitCodes.auditUnavailable;
}

export interface RunAndRecord {
  request: GuardRequest;
  shimDir: string;
  record: Recorder;
  /** A read is recorded once, after it ran; anything else was recorded before it started too. */
  isRead: boolean;
  childEnv: NodeJS.ProcessEnv;
  /** Fields every row of this run carries (the approval that let it run). */
  fields?: Partial<AuditEntry>;
  /** A note for the row recording the end (what undo kept). */
  note?: string;
  /** Right after the program ends, before its row is written. */
  afterRun?: () => void;
  /** Last, before airlock ends (chaining a backlog of pending rows, closing the store). */
  beforeExit?: () => void | Promise<void>;
}

export async function executeAndRecord(run: RunAndRecord): Promise<number> {
  const { request, record, isRead } = run;
  const result = await executeProgram({
    program: request.program,
    args: request.args,
    env: run.childEnv,
    cwd: request.cwd,
    shimDirs: [run.shimDir],
  });
  run.afterRun?.();
  if (result.kind === 'not-started') {
    process.stderr.write(result.message);
    record({
      step: isRead ? 'allowed' : 'exited',
      exitStatus: result.exitCode,
      note: result.message.trim(),
      ...run.fields,
    });
    await run.beforeExit?.();
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
    note: run.note,
    ...run.fields,
  });
  if (!after.ok && isRead) {
    process.stderr.write(`airlock: warning: this read ran but could not be recorded (${after.message}).\n`);
  }
  if (outcome.kind === 'failed-to-start') process.stderr.write(outcome.message);
  await run.beforeExit?.();
  return exitAs(outcome);
}
