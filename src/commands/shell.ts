// `airlock shell`: the user's shell in a pseudo-terminal with airlock's shims first in PATH,
// its output recorded (compressed) in the store and linked to the audit rows of the
// commands run inside it.

import { existsSync } from 'node:fs';
import { delimiter } from 'node:path';
import { chainPendingNow } from '../audit/record.js';
import { appendTranscript, endSession, startSession, type TranscriptEvent } from '../audit/sessions.js';
import { closeStore, openStore } from '../audit/store.js';
import { airlockDirs } from '../config/paths.js';
import { exitCodes } from '../exec/exit-codes.js';
import { findRealBinary } from '../exec/resolve.js';
import { callerEnv, launcherPath } from './context.js';
import { ensureShims } from './shims-cmd.js';
import { styleFor } from './style.js';

export const shellHelp = `Usage: airlock shell [--shell PATH]

Starts your shell ($SHELL, else bash) inside a pseudo-terminal with airlock's shims first
in PATH, so every guarded program you run is judged, and records the session's output.
Shims are installed (or refreshed) first. Leave with 'exit'.
Replay a session: airlock log --session ID --replay [--speed N]
`;

/** Transcript chunks are flushed this often, so a crash loses at most this much. */
const flushEveryMs = 500;

function pickShell(
  env: NodeJS.ProcessEnv,
  requested: string | undefined,
  shimDir: string,
): string | undefined {
  const wanted = requested ?? env.SHELL ?? 'bash';
  const found = findRealBinary(wanted, env, { shimDirs: [shimDir], launcherPaths: [launcherPath(env)] });
  if ('path' in found) return found.path;
  return existsSync('/bin/bash') ? '/bin/bash' : undefined;
}

export async function runShell(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(shellHelp);
    return exitCodes.ok;
  }
  const shellFlag = argv.indexOf('--shell');
  const requested = shellFlag >= 0 ? argv[shellFlag + 1] : undefined;
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(
      "airlock shell: needs a terminal. For scripts and agent harnesses use 'airlock sh -c LINE'.\n",
    );
    return exitCodes.usage;
  }
  const caller = callerEnv(env);
  const dirs = airlockDirs(caller);
  const installed = ensureShims(env);
  for (const p of installed.problems) process.stderr.write(`airlock shell: shim ${p.name}: ${p.message}\n`);
  const shell = pickShell(caller, requested, dirs.shims);
  if (!shell) {
    process.stderr.write('airlock shell: no shell found (set SHELL or pass --shell PATH)\n');
    return exitCodes.notFound;
  }

  const store = openStore(dirs.state);
  const cols = process.stdout.columns || 80;
  const rows = process.stdout.rows || 24;
  const started = startSession(store, { shell, cwd: process.cwd(), cols, rows });
  const sessionId = started.ok ? started.id : undefined;
  const style = styleFor(process.stderr, env);
  if (!started.ok) {
    process.stderr.write(`airlock shell: warning: this session will not be recorded (${started.message})\n`);
  }

  const path = [dirs.shims, ...(caller.PATH ?? '').split(delimiter).filter((p) => p && p !== dirs.shims)];
  const childEnv: NodeJS.ProcessEnv = { ...caller, PATH: path.join(delimiter), AIRLOCK_SHELL: '1' };
  if (sessionId) childEnv.AIRLOCK_SESSION = sessionId;

  process.stderr.write(
    `${style.bold('airlock')}: guarded shell${sessionId ? ` (session ${sessionId})` : ''}; ${installed.created.length + installed.kept.length + installed.updated.length} programs guarded. Type 'exit' to leave.\n`,
  );

  const t0 = Date.now();
  let pending: TranscriptEvent[] = [];
  const flush = () => {
    // The rows the commands inside wrote as pending files join the chain within a tick.
    chainPendingNow(store);
    if (!sessionId || pending.length === 0) return;
    const batch = pending;
    pending = [];
    const result = appendTranscript(store, sessionId, batch);
    if (!result.ok) process.stderr.write(`\r\nairlock shell: recording failed (${result.message})\r\n`);
  };
  const { attachToTerminal, startInteractiveShell } = await import('../exec/pty.js');
  const child = await startInteractiveShell({
    shell,
    args: [],
    env: childEnv,
    cwd: process.cwd(),
    cols,
    rows,
    onData: (data) => {
      process.stdout.write(data);
      // Output only: keystrokes can hold passwords typed at prompts that do not echo.
      if (sessionId) pending.push({ t: Date.now() - t0, kind: 'output', data: Buffer.from(data) });
    },
  });
  const detach = attachToTerminal(child, process.stdin, process.stdout);
  const onResize = () => {
    if (sessionId)
      pending.push({
        t: Date.now() - t0,
        kind: 'resize',
        cols: process.stdout.columns,
        rows: process.stdout.rows,
      });
  };
  process.stdout.on('resize', onResize);
  const timer = setInterval(flush, flushEveryMs);
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  const onTerm = forward('SIGTERM');
  const onHup = forward('SIGHUP');
  process.on('SIGTERM', onTerm);
  process.on('SIGHUP', onHup);

  const exit = await child.exited;
  clearInterval(timer);
  process.removeListener('SIGTERM', onTerm);
  process.removeListener('SIGHUP', onHup);
  process.stdout.removeListener('resize', onResize);
  detach();
  flush();
  if (sessionId) endSession(store, sessionId, { exitStatus: exit.exitCode });
  closeStore(store);
  if (sessionId) {
    process.stderr.write(
      `${style.bold('airlock')}: session ${sessionId} recorded. Replay: airlock log --session ${sessionId} --replay\n`,
    );
  }
  return exit.exitCode;
}
