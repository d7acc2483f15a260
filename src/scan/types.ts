// What `airlock scan` extracts from each file and what it reports about it.

import type { Decision } from '../decide/verdict.js';

export type CommandSource = 'shell' | 'make' | 'npm' | 'docker' | 'github-actions' | 'gitlab-ci';

/** One command (or script) found in a file, with the line of each of its text lines. */
export interface ScanCommand {
  source: CommandSource;
  /** Relative to the scan root, `/` separators. */
  file: string;
  /** Shell text to judge; a script may span many lines. */
  text: string;
  /** The file line of each line of `text` (1-based). */
  lines: number[];
  /** Exec-form argv (Dockerfile RUN ["…"]), judged as argv instead of text. */
  argv?: string[];
  /** Directory the command runs in. */
  cwd: string;
}

export interface ScanFinding {
  file: string;
  line: number;
  source: CommandSource;
  decision: Exclude<Decision, 'allow'>;
  rule: string;
  /** The rule's one-line reason. */
  reason: string;
  /** Why this decision (environment, effect). */
  why: string;
  command: string;
}

export interface ScanResult {
  root: string;
  files: number;
  commands: number;
  findings: ScanFinding[];
  problems: string[];
}

/** Line of the character at `offset` in a command's text. */
export function lineAt(command: ScanCommand, offset: number): number {
  let index = 0;
  const limit = Math.min(Math.max(offset, 0), command.text.length);
  for (let i = 0; i < limit; i++) if (command.text.charCodeAt(i) === 10) index++;
  return command.lines[Math.min(index, command.lines.length - 1)] ?? command.lines[0] ?? 1;
}

export function sequentialLines(first: number, text: string): number[] {
  const count = text.split('\n').length;
  return Array.from({ length: count }, (_, i) => first + i);
}
