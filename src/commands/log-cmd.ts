// `airlock log`, `airlock verify`, `airlock export`: reading the audit trail, checking its
// chain, and shipping it elsewhere as JSON Lines.

import type { Command } from 'commander';
import { listPending } from '../audit/pending.js';
import { exportJsonLines, followAudit, queryAudit } from '../audit/query.js';
import { chainPendingNow } from '../audit/record.js';
import { closeStore, openStore } from '../audit/store.js';
import type { AuditFilters, AuditRow } from '../audit/types.js';
import { verifyStore } from '../audit/verify.js';
import { airlockDirs } from '../config/paths.js';
import { exitCodes } from '../exec/exit-codes.js';
import { callerEnv } from './context.js';
import { replaySession } from './replay.js';
import { styleFor } from './style.js';

type SetCode = (code: number) => void;

/** `30m`, `2h`, `7d` ago, or an ISO date. */
export function parseSince(text: string, now: Date): Date | undefined {
  const m = /^(\d+)\s*(s|m|h|d|w)$/.exec(text.trim());
  if (m) {
    const unit = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[m[2] as 's'];
    return new Date(now.getTime() - Number(m[1]) * unit * 1000);
  }
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

interface LogOptions {
  since?: string;
  decision?: string;
  tool?: string;
  session?: string;
  actor?: string;
  limit?: string;
  json?: boolean;
  follow?: boolean;
  replay?: boolean;
  speed?: string;
}

function filtersFrom(opts: LogOptions): AuditFilters | string {
  const filters: AuditFilters = {};
  if (opts.since) {
    const since = parseSince(opts.since, new Date());
    if (!since) return `--since: cannot read '${opts.since}' (use 30m, 2h, 7d or a date)`;
    filters.since = since;
  }
  if (opts.decision) filters.decision = opts.decision;
  if (opts.tool) filters.tool = opts.tool;
  if (opts.session) filters.session = opts.session;
  if (opts.actor) filters.actor = opts.actor;
  filters.limit = opts.limit ? Number(opts.limit) : opts.follow ? 20 : 100;
  return filters;
}

function rowText(row: AuditRow, style: ReturnType<typeof styleFor>): string {
  const decision =
    row.decision === 'deny'
      ? style.red('deny')
      : row.decision === 'approve'
        ? style.yellow('approve')
        : row.decision;
  const what = row.line ?? row.argv?.join(' ') ?? '';
  const status = row.exitStatus !== null ? ` → ${row.exitStatus}` : row.signal ? ` → ${row.signal}` : '';
  const who = row.actorKind === 'agent' ? `agent${row.agent ? `:${row.agent}` : ''}` : row.actorKind;
  return `${String(row.id).padStart(5)}  ${row.time.replace('T', ' ').slice(0, 19)}  ${(decision ?? '-').padEnd(7)}  ${row.step.padEnd(8)}  ${who.padEnd(18)}  ${what.length > 90 ? `${what.slice(0, 90)}…` : what}${status}`;
}

export function registerLog(program: Command, env: NodeJS.ProcessEnv, setCode: SetCode): void {
  const stateDir = () => airlockDirs(callerEnv(env)).state;
  const style = styleFor(process.stdout, env);

  program
    .command('log')
    .description('show the audit log (newest last)')
    .option('--since <when>', 'only rows newer than this (30m, 2h, 7d, or a date)')
    .option('--decision <decision>', 'allow, approve or deny')
    .option('--tool <tool>', 'only rows about this tool (git, kubectl…)')
    .option('--session <id>', 'only rows from this interactive session')
    .option('--actor <actor>', 'human, agent, or an agent name')
    .option('--limit <n>', 'at most this many rows (default 100)')
    .option('--json', 'print JSON Lines')
    .option('-f, --follow', 'keep printing new rows as they arrive')
    .option('--replay', 'with --session: play the recorded session back at its original pace')
    .option('--speed <n>', 'with --replay: play N times faster (default 1)')
    .action(async (opts: LogOptions) => {
      if (opts.replay) {
        const speed = opts.speed === undefined ? 1 : Number(opts.speed);
        if (!opts.session || !(speed > 0)) {
          process.stderr.write('airlock log: --replay needs --session ID (and --speed above 0)\n');
          return setCode(exitCodes.usage);
        }
        const store = openStore(stateDir());
        const found = await replaySession(store, opts.session, {
          speed,
          write: (d) => process.stdout.write(d),
        });
        closeStore(store);
        if (!found) {
          process.stderr.write(`airlock log: no recorded session '${opts.session}'\n`);
          return setCode(exitCodes.usage);
        }
        return;
      }
      const filters = filtersFrom(opts);
      if (typeof filters === 'string') {
        process.stderr.write(`airlock log: ${filters}\n`);
        return setCode(exitCodes.usage);
      }
      const store = openStore(stateDir());
      const show = (rows: AuditRow[]) => {
        for (const row of rows)
          process.stdout.write(`${opts.json ? JSON.stringify(row) : rowText(row, style)}\n`);
      };
      const rows = queryAudit(store, filters);
      show(rows);
      if (!opts.follow) {
        closeStore(store);
        return;
      }
      let last = rows.at(-1)?.id ?? 0;
      const { limit: _limit, ...live } = filters;
      for (;;) {
        await new Promise((r) => setTimeout(r, 500));
        // Rows guarded commands wrote meanwhile are pending files until something chains them.
        chainPendingNow(store);
        const next = followAudit(store, last, live);
        show(next.rows);
        last = next.lastId;
      }
    });

  program
    .command('verify')
    .description('re-hash the audit log offline; exits non-zero naming the first bad row')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      // Rows still pending are chained first; without any, verify creates no store.
      if (listPending(stateDir()).length > 0) {
        const store = openStore(stateDir());
        chainPendingNow(store);
        closeStore(store);
      }
      const result = verifyStore(stateDir());
      if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else if (result.ok) {
        process.stdout.write(
          `audit log intact: ${result.rows} rows${result.signed ? ', signatures checked' : ' (unsigned: no key file)'}\n`,
        );
      } else {
        process.stdout.write(
          `${style.red('audit log broken')}: ${result.kind} at row ${result.id}: ${result.message}\n`,
        );
      }
      for (const note of result.notes) process.stdout.write(`  ${note}\n`);
      setCode(result.ok ? exitCodes.ok : 1);
    });

  program
    .command('export')
    .description('write the audit log as JSON Lines to stdout, for shipping elsewhere')
    .option('--since <when>', 'only rows newer than this')
    .action((opts: { since?: string }) => {
      const filters = filtersFrom({ since: opts.since, limit: String(Number.MAX_SAFE_INTEGER) });
      if (typeof filters === 'string') {
        process.stderr.write(`airlock export: ${filters}\n`);
        return setCode(exitCodes.usage);
      }
      delete filters.limit;
      const store = openStore(stateDir());
      // Each line arrives with its own newline.
      exportJsonLines(store, (line) => process.stdout.write(line), filters);
      closeStore(store);
    });
}
