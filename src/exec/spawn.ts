// Runs the real program as if airlock were not there: the caller's stdio, terminal and
// environment, signals relayed, and the program's exit status (or death by signal) reproduced.

import { type ChildProcess, spawn } from 'node:child_process';
import { constants } from 'node:os';
import { exitCodes } from './exit-codes.js';
import { FORWARDED_SIGNALS, isInTerminalForeground, shouldForward } from './signals.js';

export type ChildOutcome =
  | { kind: 'exited'; code: number }
  | { kind: 'signaled'; signal: NodeJS.Signals }
  | { kind: 'failed-to-start'; exitCode: number; message: string };

export type ChildRun = {
  outcome: ChildOutcome;
  durationMs: number;
  /**
   * Removes airlock's signal handlers. Until then, signals that arrive after the child ended are
   * swallowed, so airlock can still write its audit row before `exitAs`. `exitAs` calls this.
   */
  releaseSignals: () => void;
};

export type RunOptions = {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** argv[0] as the user typed it (`rm`, not `/usr/bin/rm`), as a shell would pass it. */
  argv0?: string;
};

let releaseCurrent: (() => void) | undefined;

function installForwarding(child: () => ChildProcess | undefined): () => void {
  const handlers = new Map<NodeJS.Signals, () => void>();
  for (const signal of FORWARDED_SIGNALS) {
    const handler = (): void => {
      const target = child();
      // Foreground check per signal: the job may have been moved to the background since.
      if (target === undefined || target.exitCode !== null || target.signalCode !== null) return;
      if (shouldForward(signal, isInTerminalForeground())) target.kill(signal);
    };
    handlers.set(signal, handler);
    process.on(signal, handler);
  }
  const release = (): void => {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
    handlers.clear();
    if (releaseCurrent === release) releaseCurrent = undefined;
  };
  releaseCurrent = release;
  return release;
}

function failedToStart(error: NodeJS.ErrnoException, name: string): ChildOutcome {
  // Checked already by findRealBinary; these are races (file removed or chmod-ed just now).
  if (error.code === 'ENOENT')
    return {
      kind: 'failed-to-start',
      exitCode: exitCodes.notFound,
      message: `airlock: ${name}: No such file or directory\n`,
    };
  const reason = error.code === 'EACCES' ? 'Permission denied' : (error.message ?? String(error.code));
  return {
    kind: 'failed-to-start',
    exitCode: exitCodes.notExecutable,
    message: `airlock: ${name}: ${reason}\n`,
  };
}

/**
 * Starts `path` with `args` and waits for it. stdio is inherited (the child reads and writes the
 * caller's file descriptors itself: no bytes pass through JavaScript). Async spawn, not spawnSync,
 * so this process stays responsive and relays signals while the child runs.
 */
export function runChild(path: string, args: readonly string[], options: RunOptions): Promise<ChildRun> {
  const started = performance.now();
  let child: ChildProcess | undefined;
  // Installed before the spawn: from here on a Ctrl-C must not kill airlock and orphan the child.
  const releaseSignals = installForwarding(() => child);
  const name = options.argv0 ?? path;
  return new Promise<ChildRun>((resolve) => {
    let settled = false;
    const settle = (outcome: ChildOutcome): void => {
      if (settled) return;
      settled = true;
      resolve({ outcome, durationMs: performance.now() - started, releaseSignals });
    };
    try {
      child = spawn(path, args, {
        stdio: 'inherit',
        env: options.env,
        cwd: options.cwd,
        argv0: options.argv0 ?? path,
      });
    } catch (error) {
      settle(failedToStart(error as NodeJS.ErrnoException, name));
      return;
    }
    child.once('error', (error) => settle(failedToStart(error as NodeJS.ErrnoException, name)));
    child.once('exit', (code, signal) =>
      settle(signal !== null ? { kind: 'signaled', signal } : { kind: 'exited', code: code ?? 0 }),
    );
  });
}

/** Ends airlock the way the child ended: the same exit status, or death by the same signal. */
export function exitAs(outcome: ChildOutcome): never {
  releaseCurrent?.();
  if (outcome.kind === 'exited') process.exit(outcome.code);
  if (outcome.kind === 'failed-to-start') process.exit(outcome.exitCode);
  return dieOfSignal(outcome.signal);
}

function dieOfSignal(signal: NodeJS.Signals): never {
  // Node starts with some dispositions of its own (SIGPIPE ignored, SIGUSR1 starts the inspector);
  // adding and removing a listener puts the default action back.
  try {
    const noop = (): void => {};
    process.on(signal, noop);
    process.removeListener(signal, noop);
  } catch {
    // SIGKILL and SIGSTOP cannot have listeners; their default cannot be changed anyway.
  }
  try {
    process.kill(process.pid, signal);
  } catch {
    // Fall through to the exit status a shell would show.
  }
  // Still alive: a signal whose default is to be ignored (SIGWINCH, SIGCHLD) or that is blocked.
  process.exit(128 + (constants.signals[signal] ?? 0));
}

/** Runs the child and ends airlock exactly as the child ended. For callers with nothing to record. */
export async function runPassthrough(
  path: string,
  args: readonly string[],
  options: RunOptions,
): Promise<never> {
  const run = await runChild(path, args, options);
  if (run.outcome.kind === 'failed-to-start') process.stderr.write(run.outcome.message);
  return exitAs(run.outcome);
}
