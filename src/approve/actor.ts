// Who is asking: a person at a terminal, or an agent. An agent never gets a prompt on the
// terminal, since in several harnesses the agent itself can type into it.

import { closeSync, openSync } from 'node:fs';
import type { Verdict } from '../decide/verdict.js';

export interface Actor {
  kind: 'human' | 'agent';
  /** Which agent, when known (`claude-code`, `codex`…). */
  agent?: string;
  /** Why airlock thinks so, for the verdict and the audit row. */
  reason: string;
}

/**
 * Environment markers harnesses set in the shells they run for an agent (checked against
 * each harness's source or docs; see the harness survey). Each one sets it for every command
 * the model runs, so a person's own shell never has it.
 */
const markers: readonly [variable: string, agent: string][] = [
  ['CLAUDECODE', 'claude-code'],
  ['CLAUDE_CODE_ENTRYPOINT', 'claude-code'],
  // Codex: set inside its sandbox; CODEX_CI in its cloud runtime; the npm wrapper's mark.
  ['CODEX_SANDBOX', 'codex'],
  ['CODEX_SANDBOX_NETWORK_DISABLED', 'codex'],
  ['CODEX_CI', 'codex'],
  ['CODEX_MANAGED_BY_NPM', 'codex'],
  ['GEMINI_CLI', 'gemini'],
  ['CURSOR_AGENT', 'cursor'],
  ['CLINE_ACTIVE', 'cline'],
  ['OPENCODE', 'opencode'],
  ['GOOSE_TERMINAL', 'goose'],
  ['AGENT_SESSION_ID', 'goose'],
  ['OPENHANDS_PROJECT_DIR', 'openhands'],
  ['OPENHANDS_SESSION_ID', 'openhands'],
  // VS Code agent terminals set COPILOT_AGENT; the Copilot CLI (and the cloud agent) COPILOT_CLI.
  ['COPILOT_AGENT', 'copilot'],
  ['COPILOT_CLI', 'copilot'],
  // opencode sets AGENT=1 beside OPENCODE; other tools have adopted it as a generic mark.
  ['AGENT', 'agent'],
];

/** Every variable that marks an agent, AIRLOCK_AGENT first (tests clear them all). */
export const agentMarkerVariables: readonly string[] = ['AIRLOCK_AGENT', ...markers.map(([v]) => v)];

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

/**
 * Who is asking changes what airlock may do: an agent is refused outright, never asked, when
 * a line touches airlock itself (approving, config, shims, the store, the trash), since an
 * approval it could obtain or a prompt it could answer would let it switch the guard off.
 */
export function verdictForActor(judged: Verdict, actor: Actor): Verdict {
  const verdict: Verdict = {
    ...judged,
    actor: { kind: actor.kind, agent: actor.agent, reason: actor.reason },
  };
  if (actor.kind !== 'agent' || verdict.decision === 'deny') return verdict;
  const own = verdict.findings.filter((f) => f.rule.startsWith('self/'));
  if (own.length === 0) return verdict;
  return {
    ...verdict,
    decision: 'deny',
    findings: [
      ...own.map((f) => ({
        ...f,
        decision: 'deny' as const,
        why: 'changes airlock itself: only a person outside the agent may do that',
      })),
      ...verdict.findings.filter((f) => !f.rule.startsWith('self/')),
    ],
    reasons: [
      ...own.map((f) => `${f.rule}: changes airlock itself: refused for an agent (${actor.reason})`),
      ...verdict.reasons,
    ],
  };
}
