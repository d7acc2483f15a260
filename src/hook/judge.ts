// The hook's flow for one call: evaluate the line as every entry does, record one audit row,
// and turn the verdict into an outcome the harness can honor. The harness runs the command;
// the hook only decides.

import { existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { type Actor, verdictForActor } from '../approve/actor.js';
import { writePending } from '../audit/pending.js';
import type { RecordResult } from '../audit/record.js';
import type { AuditEntry } from '../audit/types.js';
import { callerEnv } from '../commands/context.js';
import { allPacks } from '../commands/packs.js';
import { loadConfig } from '../config/load.js';
import { airlockDirs, airlockPaths } from '../config/paths.js';
import { type Evaluation, evaluateLineFully } from '../decide/evaluate.js';
import type { Verdict } from '../decide/verdict.js';
import { realFs } from '../tools/real-fs.js';
import { askMessage, auditUnavailableMessage, refusedMessage, unreadableMessage } from './messages.js';
import type { HarnessName, HookCall, HookOutcome } from './types.js';

export interface HookJudgeRequest {
  /** The harness whose dialect is answered; undefined when the payload matched none. */
  harness: HarnessName | undefined;
  call: HookCall;
  honorsAsk: boolean;
  /** How the harness was chosen, for the audit row. */
  chosenBy: string;
  /** The raw process environment. */
  env: NodeJS.ProcessEnv;
  /** The hook process's own directory, used when the payload names none that exists. */
  processCwd: string;
  now?: () => Date;
}

type Record_ = (entry: Omit<AuditEntry, 'entry' | 'actorKind'>) => RecordResult;

/**
 * A verdict that needs a person, from a harness that cannot ask: the approval queue decides
 * (hook/queue-call.ts), which needs the audit store and is loaded only then.
 */
export interface QueueCall {
  kind: 'queue';
  harness: string;
  line: string;
  cwd: string;
  evaluation: Evaluation;
  verdict: Verdict;
  actor: Actor;
  /** The row every record of this call starts from. */
  base: Omit<AuditEntry, 'step'>;
  stateDir: string;
  sign: boolean;
  now: Date;
  env: Record<string, string | undefined>;
}

function isDirectory(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function callCwd(call: HookCall, processCwd: string): string {
  if (call.kind !== 'shell' || call.cwd === undefined || call.cwd === '') return processCwd;
  const cwd = isAbsolute(call.cwd) ? call.cwd : resolve(processCwd, call.cwd);
  return isDirectory(cwd) ? cwd : processCwd;
}

export interface JudgedHook {
  outcome: HookOutcome | QueueCall;
  /** Where its rows went, and whether they are signed: for chaining a backlog afterwards. */
  stateDir: string;
  sign: boolean;
}

export function judgeHookCall(request: HookJudgeRequest): JudgedHook {
  const env = callerEnv(request.env);
  const cwd = callCwd(request.call, request.processCwd);
  const name = request.harness ?? 'unknown';
  const actor: Actor = {
    kind: 'agent',
    agent: name,
    reason: `${name} pre-tool-use hook (${request.chosenBy})`,
  };
  const loaded = loadConfig({ cwd, env });
  const stateDir = airlockDirs(env).state;
  // A pending row: the hook never opens the store unless the queue needs it (audit/pending.ts).
  const record: Record_ = (entry) =>
    writePending(stateDir, {
      actorKind: 'agent',
      agent: actor.agent,
      modeReason: actor.reason,
      sessionId: env.AIRLOCK_SESSION,
      cwd,
      entry: 'hook',
      ...entry,
    });
  const outcome = judgeWith(request, { env, cwd, actor, loaded, stateDir, record });
  return { outcome, stateDir, sign: loaded.config.audit.key };
}

interface Context {
  env: Record<string, string | undefined>;
  cwd: string;
  actor: Actor;
  loaded: ReturnType<typeof loadConfig>;
  stateDir: string;
  record: Record_;
}

function judgeWith(request: HookJudgeRequest, ctx: Context): HookOutcome | QueueCall {
  const { call } = request;
  if (call.kind === 'malformed') {
    ctx.record({ step: 'refused', decision: 'deny', note: `unreadable hook payload: ${call.reason}` });
    return {
      kind: 'fail-closed',
      reason: unreadableMessage(request.harness ?? 'agent harness', call.reason),
    };
  }
  if (call.kind === 'other-tool') {
    // Not a shell command: nothing to judge, but the call is on the record like any other.
    ctx.record({ step: 'allowed', note: `tool ${call.tool}: not a shell command, no decision` });
    return { kind: 'no-opinion' };
  }

  const { config, files } = ctx.loaded;
  const evaluation = evaluateLineFully(call.command, {
    env: ctx.env,
    cwd: ctx.cwd,
    packs: allPacks(config.packs).packs,
    policy: config,
    fs: realFs,
    // Project config files are airlock's config too (package.json holds far more than that).
    airlockPaths: [...airlockPaths(ctx.env), ...files.project.filter((f) => !f.endsWith('/package.json'))],
  });
  const verdict = verdictForActor(evaluation.verdict, ctx.actor);
  const base = {
    line: call.command,
    tools: [...new Set(evaluation.invocations.map((i) => i.tool))],
    decision: verdict.decision,
    effect: verdict.effect,
    ruleIds: verdict.findings.map((f) => f.rule),
    environment: verdict.environment,
  };

  if (verdict.decision === 'deny') {
    ctx.record({ ...base, step: 'refused', note: verdict.reasons.join('; ') });
    return { kind: 'deny', reason: refusedMessage(verdict) };
  }
  if (verdict.decision === 'allow') {
    const written = ctx.record({ ...base, step: 'allowed' });
    const isRead = verdict.effect === 'none' || verdict.effect === 'read';
    if (!written.ok && !isRead) return { kind: 'deny', reason: auditUnavailableMessage(written.message) };
    return { kind: 'allow' };
  }
  if (request.honorsAsk) {
    const written = ctx.record({ ...base, step: 'requested', approvalChannel: 'harness' });
    if (!written.ok) return { kind: 'deny', reason: auditUnavailableMessage(written.message) };
    return { kind: 'ask', reason: askMessage(verdict) };
  }
  return {
    kind: 'queue',
    harness: request.harness ?? 'unknown',
    line: call.command,
    cwd: ctx.cwd,
    evaluation,
    verdict,
    actor: ctx.actor,
    base: {
      actorKind: 'agent',
      agent: ctx.actor.agent,
      modeReason: ctx.actor.reason,
      sessionId: ctx.env.AIRLOCK_SESSION,
      cwd: ctx.cwd,
      entry: 'hook',
      ...base,
    },
    stateDir: ctx.stateDir,
    sign: config.audit.key,
    now: (request.now ?? (() => new Date()))(),
    env: ctx.env,
  };
}
