// Runs the real program as if airlock were not there: the caller's stdio, terminal and
// environment, signals relayed, and the program's exit status (or death by signal) reproduced.

import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { getSystemErrorName } from 'node:util';
import { exitCodes } from './exit-codes.js';
import { nodeBinding } from './node-binding.js';
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
  /** Start through child_process even where the process handle is available (tests both ways). */
  viaChildProcess?: boolean;
};

let releaseCurrent: (() => void) | undefined;

/** The running child as the signal relay sees it. */
interface Running {
  kill(signal: NodeJS.Signals): void;
  readonly ended: boolean;
}

function installForwarding(child: () => Running | undefined): () => void {
  const handlers = new Map<NodeJS.Signals, () => void>();
  for (const signal of FORWARDED_SIGNALS) {
    const handler = (): void => {
      const target = child();
      // Foreground check per signal: the job may have been moved to the background since.
      if (target === undefined || target.ended) return;
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

/** How a started child reports its end: an exit status, or the name of the signal that killed it. */
type OnEnd = (code: number | null, signal: NodeJS.Signals | null) => void;

interface ProcessWrap {
  spawn(options: Record<string, unknown>): number;
  kill(signal: number): number;
  close(): void;
  onexit: (exitCode: number, signalCode: string) => void;
}

let processWrap: (new () => ProcessWrap) | null | undefined;

/** The libuv process handle child_process.spawn is built on, or null when Node has hidden it. */
function processHandle(): (new () => ProcessWrap) | null {
  if (processWrap !== undefined) return processWrap;
  try {
    const ctor = nodeBinding<{ Process?: unknown }>('process_wrap').Process;
    processWrap = typeof ctor === 'function' ? (ctor as new () => ProcessWrap) : null;
  } catch {
    processWrap = null;
  }
  return processWrap;
}

function spawnError(errno: number, path: string): NodeJS.ErrnoException {
  const code = getSystemErrorName(errno);
  return Object.assign(new Error(`spawn ${path} ${code}`), { code, errno });
}

/**
 * Starts the child on the same handle child_process.spawn uses, with the caller's descriptors
 * passed straight through. child_process itself loads net, streams and their dependencies, ~4 ms
 * of every guarded command for machinery that inherited stdio never uses. Returns undefined when
 * the handle is not available, and the caller falls back to child_process.
 */
function spawnOnHandle(
  path: string,
  args: readonly string[],
  options: RunOptions,
  onEnd: OnEnd,
): Running | undefined {
  const Handle = processHandle();
  if (Handle === null) return undefined;
  const handle = new Handle();
  let ended = false;
  handle.onexit = (exitCode, signalCode) => {
    ended = true;
    handle.close();
    if (signalCode) onEnd(null, signalCode as NodeJS.Signals);
    else onEnd(exitCode, null);
  };
  const envPairs: string[] = [];
  for (const [key, value] of Object.entries(options.env))
    if (value !== undefined) envPairs.push(`${key}=${value}`);
  let errno: number;
  try {
    errno = handle.spawn({
      file: path,
      args: [options.argv0 ?? path, ...args],
      cwd: options.cwd,
      envPairs,
      stdio: [0, 1, 2].map((fd) => ({ type: 'fd', fd })),
      detached: false,
      windowsHide: false,
      windowsVerbatimArguments: false,
    });
  } catch {
    // The handle's shape changed in this Node version: child_process still knows it.
    processWrap = null;
    return undefined;
  }
  if (errno !== 0) {
    handle.close();
    throw spawnError(errno, path);
  }
  return {
    kill: (signal) => {
      handle.kill(constants.signals[signal]);
    },
    get ended() {
      return ended;
    },
  };
}

function spawnWithChildProcess(
  path: string,
  args: readonly string[],
  options: RunOptions,
  onEnd: OnEnd,
  onError: (error: NodeJS.ErrnoException) => void,
): Running {
  const child = spawn(path, args, {
    stdio: 'inherit',
    env: options.env,
    cwd: options.cwd,
    argv0: options.argv0 ?? path,
  });
  child.once('error', onError);
  child.once('exit', onEnd);
  return {
    kill: (signal) => {
      child.kill(signal);
    },
    get ended() {
      return child.exitCode !== null || child.signalCode !== null;
    },
  };
}

/**
 * Starts `path` with `args` and waits for it. stdio is inherited (the child reads and writes the
 * caller's file descriptors itself: no bytes pass through JavaScript). Async spawn, not spawnSync,
 * so this process stays responsive and relays signals while the child runs.
 */
export function runChild(path: string, args: readonly string[], options: RunOptions): Promise<ChildRun> {
  // process.hrtime, not performance.now(): the first touch of `performance` loads perf_hooks (~1 ms).
  const started = process.hrtime.bigint();
  let child: Running | undefined;
  // Installed before the spawn: from here on a Ctrl-C must not kill airlock and orphan the child.
  const releaseSignals = installForwarding(() => child);
  const name = options.argv0 ?? path;
  return new Promise<ChildRun>((resolve) => {
    let settled = false;
    const settle = (outcome: ChildOutcome): void => {
      if (settled) return;
      settled = true;
      resolve({ outcome, durationMs: Number(process.hrtime.bigint() - started) / 1e6, releaseSignals });
    };
    const onEnd: OnEnd = (code, signal) =>
      settle(signal !== null ? { kind: 'signaled', signal } : { kind: 'exited', code: code ?? 0 });
    const onError = (error: NodeJS.ErrnoException): void => settle(failedToStart(error, name));
    try {
      child =
        (options.viaChildProcess ? undefined : spawnOnHandle(path, args, options, onEnd)) ??
        spawnWithChildProcess(path, args, options, onEnd, onError);
    } catch (error) {
      onError(error as NodeJS.ErrnoException);
    }
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
