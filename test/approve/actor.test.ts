// Who is asking: agent markers (as the harnesses set them), and the terminal fallback.

import { describe, expect, it } from 'vitest';
import { agentMarker, agentMarkerVariables, detectActor, verdictForActor } from '../../src/approve/actor.js';
import { decide } from '../../src/decide/decide.js';
import { defaultPolicy } from '../../src/decide/policy.js';

const withTerminal = () => true;
const withoutTerminal = () => false;

describe('detectActor', () => {
  it.each([
    [{ AIRLOCK_AGENT: 'claude-code' }, 'claude-code', 'AIRLOCK_AGENT is set'],
    [{ AIRLOCK_AGENT: '1' }, 'agent', 'AIRLOCK_AGENT is set'],
    [{ CLAUDECODE: '1' }, 'claude-code', 'CLAUDECODE is set'],
    [{ CODEX_SANDBOX: 'seatbelt' }, 'codex', 'CODEX_SANDBOX is set'],
    [{ CODEX_SANDBOX_NETWORK_DISABLED: '1' }, 'codex', 'CODEX_SANDBOX_NETWORK_DISABLED is set'],
    [{ GEMINI_CLI: '1' }, 'gemini', 'GEMINI_CLI is set'],
    [{ CURSOR_AGENT: '1' }, 'cursor', 'CURSOR_AGENT is set'],
    [{ CLINE_ACTIVE: 'true' }, 'cline', 'CLINE_ACTIVE is set'],
    [{ OPENCODE: '1', AGENT: '1' }, 'opencode', 'OPENCODE is set'],
    [{ GOOSE_TERMINAL: '1' }, 'goose', 'GOOSE_TERMINAL is set'],
    [{ AGENT_SESSION_ID: 'abc' }, 'goose', 'AGENT_SESSION_ID is set'],
    [{ OPENHANDS_PROJECT_DIR: '/w' }, 'openhands', 'OPENHANDS_PROJECT_DIR is set'],
    [{ COPILOT_AGENT: '1' }, 'copilot', 'COPILOT_AGENT is set'],
    [{ COPILOT_CLI: '1' }, 'copilot', 'COPILOT_CLI is set'],
  ])('%o is an agent even at a terminal', (env, agent, reason) => {
    const actor = detectActor(env, withTerminal);
    expect(actor).toMatchObject({ kind: 'agent', agent });
    expect(actor.reason).toContain(reason);
  });

  it.each<[Record<string, string>, string]>([
    [{}, 'no marker'],
    [{ AIRLOCK_AGENT: '0' }, 'AIRLOCK_AGENT=0'],
    [{ AIRLOCK_AGENT: '' }, 'empty AIRLOCK_AGENT'],
    [{ CLAUDECODE: '0', GEMINI_CLI: 'false' }, 'markers switched off'],
    // A user's own aider settings in their shell profile do not make them an agent.
    [{ AIDER_MODEL: 'sonnet' }, 'an AIDER_ option'],
  ])('%o at a terminal is a person (%s)', (env, _why) => {
    expect(detectActor(env, withTerminal)).toEqual({
      kind: 'human',
      reason: 'a controlling terminal and no agent marker',
    });
  });

  it('is an agent without a controlling terminal', () => {
    expect(detectActor({}, withoutTerminal)).toEqual({ kind: 'agent', reason: 'no controlling terminal' });
  });

  it('lists every marker for callers that must clear them', () => {
    expect(agentMarkerVariables[0]).toBe('AIRLOCK_AGENT');
    for (const name of agentMarkerVariables.slice(1)) {
      expect(agentMarker({ [name]: '1' })?.kind).toBe('agent');
    }
  });
});

describe('the verdict says who is asking', () => {
  it('carries the mode and why, for a person and for an agent', () => {
    const base = decide([], [], defaultPolicy);
    expect(
      verdictForActor(base, { kind: 'human', reason: 'a controlling terminal and no agent marker' }).actor,
    ).toEqual({
      kind: 'human',
      agent: undefined,
      reason: 'a controlling terminal and no agent marker',
    });
    expect(
      verdictForActor(base, { kind: 'agent', agent: 'codex', reason: 'CODEX_CI is set' }).actor,
    ).toMatchObject({
      kind: 'agent',
      agent: 'codex',
    });
  });
});
