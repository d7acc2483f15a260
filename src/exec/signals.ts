// Which signals airlock relays to the child it runs, and when relaying would deliver a signal twice.

import { readFileSync } from 'node:fs';
import { isatty } from 'node:tty';

export type ForwardedSignal =
  | 'SIGINT'
  | 'SIGTERM'
  | 'SIGHUP'
  | 'SIGQUIT'
  | 'SIGUSR1'
  | 'SIGUSR2'
  | 'SIGWINCH';

export const FORWARDED_SIGNALS: readonly ForwardedSignal[] = [
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGQUIT',
  'SIGUSR1',
  'SIGUSR2',
  'SIGWINCH',
];

/**
 * Signals the terminal itself sends to the whole foreground process group (Ctrl-C, Ctrl-\,
 * hang-up, window resize). The child is in airlock's process group, so it already has them.
 */
const TERMINAL_GROUP_SIGNALS: ReadonlySet<ForwardedSignal> = new Set([
  'SIGINT',
  'SIGQUIT',
  'SIGHUP',
  'SIGWINCH',
]);

/**
 * Whether to relay `signal` to the child. Like sudo without a pty: a signal the terminal
 * delivered to the foreground group is not repeated, because a second Ctrl-C means "force quit"
 * to terraform and others. Without a terminal (agents, CI, background jobs) everything is relayed.
 * Node cannot see who sent a signal (no siginfo), so "in the terminal's foreground" stands in for
 * "sent by the terminal"; a `kill -INT <airlock pid>` aimed at a foreground airlock is not relayed.
 */
export function shouldForward(signal: ForwardedSignal, inTerminalForeground: boolean): boolean {
  return !(inTerminalForeground && TERMINAL_GROUP_SIGNALS.has(signal));
}

export type ProcStat = { pgrp: number; ttyNr: number; tpgid: number };

/** Fields of /proc/PID/stat that say whether a process is in its terminal's foreground group. */
export function parseProcStat(text: string): ProcStat | undefined {
  // The command name (field 2) may hold spaces and parentheses; fields after its last ')' are plain.
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  const fields = text.slice(close + 2).split(' ');
  // After the name: state ppid pgrp session tty_nr tpgid
  const pgrp = Number(fields[2]);
  const ttyNr = Number(fields[4]);
  const tpgid = Number(fields[5]);
  if (!Number.isInteger(pgrp) || !Number.isInteger(ttyNr) || !Number.isInteger(tpgid)) return undefined;
  return { pgrp, ttyNr, tpgid };
}

/** Whether this process has a controlling terminal and is in that terminal's foreground group. */
export function isInTerminalForeground(): boolean {
  let stat: ProcStat | undefined;
  try {
    stat = parseProcStat(readFileSync('/proc/self/stat', 'latin1'));
  } catch {
    stat = undefined;
  }
  // Without /proc (macOS) a terminal on stdin or stderr is the best available guess. Not
  // process.stdin.isTTY: touching process.stdin opens a stream on fd 0 that the child shares.
  if (stat === undefined) return isatty(0) || isatty(2);
  return stat.ttyNr !== 0 && stat.tpgid === stat.pgrp;
}
