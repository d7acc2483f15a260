// Who is asking: a person at a terminal, or an agent. An agent never gets a prompt on the
// terminal, since in several harnesses the agent itself can type into it.

import { closeSync, openSync } from 'node:fs';

export interface Actor {
  kind: 'human' | 'agent';
  /** Which agent, when known (`claude-code`, `codex`…). */
  agent?: string;
  /** Why airlock thinks so, for the verdict and the audit row. */
  reason: string;
}

/** Environment markers harnesses set in the shells they run for an agent. */
const markers: readonly [variable: string, agent: string][] = [
  ['CLAUDECODE', 'claude-code'],
  ['CLAUDE_CODE_ENTRYPOINT', 'claude-code'],
  ['CODEX_SANDBOX', 'codex'],
  ['CODEX_SANDBOX_NETWORK_DISABLED', 'codex'],
  ['CODEX_MANAGED_BY_NPM', 'codex'],
  ['GEMINI_CLI', 'gemini'],
  ['CURSOR_AGENT', 'cursor'],
  ['CLINE_ACTIVE', 'cline'],
  ['OPENCODE', 'opencode'],
  ['GOOSE_TERMINAL', 'goose'],
  ['OPENHANDS_PROJECT_DIR', 'openhands'],
  ['COPILOT_AGENT', 'copilot'],
  ['AIDER_MODEL', 'aider'],
  ['AGENT', 'agent'],
];

export function agentMarker(env: Readonly<Record<string, string | undefined>>): Actor | undefined {
  const named = env.AIRLOCK_AGENT;
  if (named !== undefined && named !== '' && named !== '0') {
    return { kind: 'agent', agent: named === '1' ? 'agent' : named, reason: 'AIRLOCK_AGENT is set' };
  }
  for (const [variable, agent] of markers) {
    const value = env[variable];
    if (value !== undefined && value !== '' && value !== '0' && value !== 'false') {
      return { kind: 'agent', agent, reason: `${variable} is set (a ${agent} marker)` };
    }
  }
  return undefined;
}

/** True when this process has a controlling terminal a person could answer on. */
export function hasControllingTerminal(): boolean {
  try {
    closeSync(openSync('/dev/tty', 'r+'));
    return true;
  } catch {
    return false;
  }
}

export function detectActor(
  env: Readonly<Record<string, string | undefined>>,
  hasTerminal: () => boolean = hasControllingTerminal,
): Actor {
  const marker = agentMarker(env);
  if (marker !== undefined) return marker;
  if (!hasTerminal()) return { kind: 'agent', reason: 'no controlling terminal' };
  return { kind: 'human', reason: 'a controlling terminal and no agent marker' };
}
