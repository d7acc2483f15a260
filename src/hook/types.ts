// The shapes the hook works with: which harness, what it asked about, what airlock answers,
// and the bytes that answer becomes in that harness's own format.

export const harnessNames = [
  'claude-code',
  'codex',
  'gemini',
  'agy',
  'cursor',
  'copilot',
  'vscode',
  'opencode',
  'goose',
  'openhands',
  'cline',
] as const;

export type HarnessName = (typeof harnessNames)[number];

export function isHarnessName(name: string): name is HarnessName {
  return (harnessNames as readonly string[]).includes(name);
}

/** What a harness asked about, read from its payload. */
export type HookCall =
  | { kind: 'shell'; tool: string; command: string; cwd?: string }
  | { kind: 'other-tool'; tool: string }
  | { kind: 'malformed'; reason: string };

/** airlock's answer, before it is put in the harness's words. */
export type HookOutcome =
  /** Nothing to object to: the harness goes on with its own permission rules. */
  | { kind: 'allow' }
  /** Not a shell command: airlock says nothing either way. */
  | { kind: 'no-opinion' }
  /** The harness's own approval prompt (only where the harness honors it). */
  | { kind: 'ask'; reason: string }
  /** Blocked: refused by policy, or waiting in airlock's queue for a person. */
  | { kind: 'deny'; reason: string }
  /** The payload could not be read: blocked, by whatever path blocks even a confused harness. */
  | { kind: 'fail-closed'; reason: string };

/** What the process writes and how it exits. */
export interface HookAnswer {
  stdout: string;
  stderr: string;
  exitCode: number;
}

type Env = Readonly<Record<string, string | undefined>>;

export interface Dialect {
  name: HarnessName;
  /** Reads the harness's (already parsed) pre-tool-use payload. */
  read(payload: unknown): HookCall;
  /** Whether the harness shows its own approval prompt to a person for `ask`. */
  honorsAsk(env: Env): boolean;
  answer(outcome: HookOutcome): HookAnswer;
}
