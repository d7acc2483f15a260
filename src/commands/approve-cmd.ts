// `airlock approve ID`, `airlock deny ID`, `airlock pending`: a person deciding on the requests
// agents left in the queue. Deciding needs human mode; listing is open to anyone.

import type { Command } from 'commander';
import { detectActor } from '../approve/actor.js';
import { personName } from '../approve/ask.js';
import { PENDING_MAX_AGE_MS } from '../approve/queue.js';
import { decideAsPerson } from '../approve/queue-decide.js';
import { formatAge, pendingSummary } from '../approve/queue-view.js';
import { expireOld, listRequests } from '../audit/queue.js';
import { type AuditStore, closeStore, openStore } from '../audit/store.js';
import { loadConfig } from '../config/load.js';
import { airlockDirs } from '../config/paths.js';
import { parseDuration } from '../config/units.js';
import { exitCodes } from '../exec/exit-codes.js';
import { callerEnv } from './context.js';
import { styleFor } from './style.js';

type SetCode = (code: number) => void;
type Env = Record<string, string | undefined>;

function withStore<T>(
  env: Env,
  work: (store: AuditStore, config: ReturnType<typeof loadConfig>['config']) => T,
): T {
  const config = loadConfig({ cwd: process.cwd(), env }).config;
  const store = openStore(airlockDirs(env).state, { sign: config.audit.key });
  try {
    return work(store, config);
  } finally {
    closeStore(store);
  }
}

function parseId(text: string): number | undefined {
  return /^[1-9][0-9]{0,15}$/.test(text) ? Number(text) : undefined;
}

function decide(
  env: Env,
  decision: 'approve' | 'deny',
  idText: string,
  opts: { note?: string; reason?: string; for?: string },
): number {
  const requestId = parseId(idText);
  if (requestId === undefined) {
    process.stderr.write(`airlock ${decision}: '${idText}' is not a request id (see: airlock pending)\n`);
    return exitCodes.usage;
  }
  let forDuration: { text: string; ms: number } | undefined;
  if (opts.for !== undefined) {
    const ms = parseDuration(opts.for);
    if (ms === undefined || ms <= 0) {
      process.stderr.write(`airlock approve: --for '${opts.for}' is not a duration (30m, 1h, 1d)\n`);
      return exitCodes.usage;
    }
    forDuration = { text: opts.for, ms };
  }
  return withStore(env, (store, config) => {
    const result = decideAsPerson(store, detectActor(env), {
      decision,
      requestId,
      by: personName(env),
      channel: 'cli',
      note: decision === 'approve' ? opts.note : opts.reason,
      ttlMs: parseDuration(config.approval.grantTtl) ?? 15 * 60_000,
      forDuration,
      now: new Date(),
    });
    switch (result.kind) {
      case 'refused-agent':
        process.stderr.write(result.message);
        return exitCodes.refused;
      case 'store-failed':
        process.stderr.write(`airlock ${decision}: the queue cannot be used: ${result.message}\n`);
        return exitCodes.auditUnavailable;
      case 'not-found':
        process.stderr.write(`airlock ${decision}: no request ${requestId} (see: airlock pending)\n`);
        return exitCodes.usage;
      case 'not-pending':
        process.stderr.write(
          `airlock ${decision}: request ${requestId} is already ${result.request.status}` +
            `${result.request.decidedBy ? ` (by ${result.request.decidedBy})` : ''}; nothing changed\n`,
        );
        return exitCodes.usage;
      case 'decided': {
        const how =
          decision === 'deny'
            ? 'denied'
            : forDuration
              ? `approved for ${forDuration.text}: the same command may run again until then`
              : `approved once (the grant expires in ${config.approval.grantTtl})`;
        process.stdout.write(`request ${requestId} ${how}: ${result.request.command}\n`);
        return exitCodes.ok;
      }
    }
  });
}

function pending(env: Env, json: boolean): number {
  return withStore(env, (store) => {
    const now = new Date();
    expireOld(store, now, PENDING_MAX_AGE_MS);
    const listed = listRequests(store, { status: 'pending' });
    if (!listed.ok) {
      process.stderr.write(`airlock pending: the queue cannot be read: ${listed.message}\n`);
      return exitCodes.auditUnavailable;
    }
    const summaries = listed.value.map((r) => pendingSummary(r, now));
    if (json) {
      process.stdout.write(`${JSON.stringify(summaries, null, 2)}\n`);
      return exitCodes.ok;
    }
    if (summaries.length === 0) {
      process.stdout.write('no pending requests\n');
      return exitCodes.ok;
    }
    const style = styleFor(process.stdout, env);
    for (const s of summaries) {
      const where = s.environment.value
        ? `${s.environment.name} (${s.environment.value})`
        : s.environment.name;
      const shown = s.command.length > 160 ? `${s.command.slice(0, 160)}…` : s.command;
      process.stdout.write(
        `${style.bold(`#${s.id}`)}  ${formatAge(s.ageSeconds)} ago  ${where}  ${s.agent ?? 'agent'}\n` +
          `  ${shown}\n  in ${s.cwd}\n` +
          s.rules.map((r) => `  ${r.id} (${r.effect}): ${r.reason}\n`).join('') +
          `  blast radius: ${s.blastRadius}\n` +
          `  ${style.dim(`airlock approve ${s.id}  |  airlock deny ${s.id} --reason TEXT`)}\n\n`,
      );
    }
    return exitCodes.ok;
  });
}

export function registerApprovals(program: Command, env: NodeJS.ProcessEnv, setCode: SetCode): void {
  const caller = callerEnv(env);
  program
    .command('approve')
    .description("approve an agent's queued request (a person only; see airlock pending)")
    .argument('<id>', 'request id')
    .option('--note <text>', 'a note kept with the approval')
    .option('--for <duration>', 'let the same command run again until this long has passed (1h, 1d)')
    .action((id: string, opts: { note?: string; for?: string }) =>
      setCode(decide(caller, 'approve', id, opts)),
    );
  program
    .command('deny')
    .description("deny an agent's queued request (a person only)")
    .argument('<id>', 'request id')
    .option('--reason <text>', 'why, shown to the agent')
    .action((id: string, opts: { reason?: string }) => setCode(decide(caller, 'deny', id, opts)));
  program
    .command('pending')
    .description('requests waiting for a person, newest first')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => setCode(pending(caller, opts.json === true)));
}
