// `airlock check`: what airlock would do with a command line, and why. Runs nothing.

import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cold } from '../cold.js';
import { evaluateLine, prepareEvaluation } from '../decide/evaluate.js';
import type { Decision } from '../decide/verdict.js';
import { exitCodes } from '../exec/exit-codes.js';
import { runBatch } from './check-batch.js';
import { buildRunContext, callerEnv } from './context.js';
import { isTerminal, writeOut } from './output.js';
import { renderVerdictText, verdictJson } from './render-verdict.js';
import { styleFor } from './style.js';

export const checkHelp = `Usage: airlock check [options] 'COMMAND LINE'
       airlock check --batch < lines.jsonl

Shows what airlock would do with a command line: allow it, ask a person to approve it,
or refuse it, with each rule that matched and why. Runs nothing.

Options:
  --json          print the verdict as one JSON object
  --probe         also measure the blast radius (read-only, time-boxed probes: files,
                  commits, rows…) and say whether it can be undone; with --json, a
                  blastRadius field
  --batch         read JSON Lines from stdin ({"cmd": "..."} per line) and write one
                  JSON verdict per line, in order; bad lines get {"error", "decision":"approve"}
  --cwd DIR       evaluate as if run in DIR
  --env KEY=VALUE evaluate with this variable set (repeatable)
  -h, --help      show this help

Exit status: ${exitCodes.ok} allow, ${exitCodes.needsApproval} needs approval, ${exitCodes.refused} refused, ${exitCodes.usage} usage error.
With --batch the status is ${exitCodes.ok} once every line is answered.

Examples:
  airlock check 'git push --force origin main'
  airlock check --json 'kubectl delete ns payments --context prod-eu'
  airlock check --cwd ~/src/app --env KUBECONFIG=/tmp/kc 'kubectl apply -f k8s/'
`;

export function exitCodeFor(decision: Decision): number {
  return decision === 'allow'
    ? exitCodes.ok
    : decision === 'approve'
      ? exitCodes.needsApproval
      : exitCodes.refused;
}

function usageError(message: string): number {
  process.stderr.write(`airlock check: ${message}\nRun 'airlock check --help' for usage.\n`);
  return exitCodes.usage;
}

export async function runCheck(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let parsed: CheckArgs;
  try {
    parsed = parseCheckArgs(args);
  } catch (error) {
    return usageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    writeOut(1, checkHelp);
    return exitCodes.ok;
  }
  const evalEnv = callerEnv(env);
  for (const pair of values.env ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return usageError(`--env expects KEY=VALUE, got '${pair}'`);
    evalEnv[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const cwd = resolve(values.cwd ?? process.cwd());
  if (!existsSync(cwd) || !statSync(cwd).isDirectory()) return usageError(`--cwd ${cwd} is not a directory`);
  if (values.cwd !== undefined) evalEnv.PWD = cwd;
  const line = positionals.join(' ');
  // Started first: a SQL parser compiles its WASM off the main thread while the context is built.
  const parsers = values.batch ? undefined : prepareEvaluation(line);
  const ctx = buildRunContext(evalEnv, cwd);

  if (values.batch) {
    if (positionals.length > 0) return usageError('--batch reads lines from stdin; give no command line');
    return runBatch(ctx);
  }
  if (positionals.length === 0) return usageError('give the command line to check, in quotes');
  await parsers;
  if (values.probe) {
    return cold.checkProbe(line, ctx, { json: values.json === true, style: styleFor(process.stdout, env) });
  }
  const verdict = evaluateLine(line, ctx.options);
  if (values.json) {
    writeOut(1, `${JSON.stringify(verdictJson(verdict), null, 2)}\n`);
  } else {
    writeOut(1, renderVerdictText(line, verdict, styleFor({ isTTY: isTerminal(1) }, env)));
  }
  return exitCodeFor(verdict.decision);
}

export const checkOptions = {
  json: { type: 'boolean' },
  probe: { type: 'boolean' },
  batch: { type: 'boolean' },
  cwd: { type: 'string' },
  env: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

interface CheckArgs {
  values: { json?: boolean; probe?: boolean; batch?: boolean; cwd?: string; env?: string[]; help?: boolean };
  positionals: string[];
}

/**
 * The common shapes (`check 'LINE'`, `--json`, `--cwd DIR`, `--env K=V`) are read here: the
 * first call of node's parseArgs loads its modules, ~0.4 ms of every check. Anything else,
 * errors included, goes to parseArgs, so its answers and messages stay the reference.
 */
export function parseCheckArgs(args: string[]): CheckArgs {
  const values: CheckArgs['values'] = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-')) positionals.push(arg);
    else if (arg === '--json' || arg === '--probe' || arg === '--batch' || arg === '--help' || arg === '-h')
      values[arg === '-h' ? 'help' : (arg.slice(2) as 'json' | 'probe' | 'batch' | 'help')] = true;
    else if (arg === '--cwd' || arg === '--env' || arg.startsWith('--cwd=') || arg.startsWith('--env=')) {
      const inline = arg.length > 5;
      const value = inline ? arg.slice(6) : args[i + 1];
      if (value === undefined || (!inline && value.startsWith('-'))) return parseWithNode(args);
      if (!inline) i++;
      if (arg.startsWith('--cwd')) values.cwd = value;
      else values.env = [...(values.env ?? []), value];
    } else return parseWithNode(args);
  }
  return { values, positionals };
}

function parseWithNode(args: string[]): CheckArgs {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: checkOptions,
  });
  return { values, positionals };
}
