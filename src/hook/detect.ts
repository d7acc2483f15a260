// Which harness sent a payload, from its shape alone. Several harnesses run other harnesses'
// hook files (VS Code runs .claude/settings.json and .github/hooks), so the same command
// line can receive any of these shapes.

import { isObject, stringAt } from './payload.js';
import type { HarnessName } from './types.js';

export function detectHarness(payload: unknown): HarnessName | undefined {
  if (!isObject(payload)) return undefined;
  if (isObject(payload.preToolUse) || 'clineVersion' in payload) return 'cline';
  if (isObject(payload.toolCall)) return 'agy';
  if ('toolName' in payload && 'toolArgs' in payload) return 'copilot';
  const event = stringAt(payload, 'hook_event_name');
  if (
    'cursor_version' in payload ||
    'conversation_id' in payload ||
    event === 'beforeShellExecution' ||
    event === 'beforeMCPExecution' ||
    event === 'preToolUse'
  ) {
    return 'cursor';
  }
  if ('event_type' in payload) return 'openhands';
  if ('event' in payload && ('working_dir' in payload || 'tool_call_id' in payload)) return 'goose';
  if ('hookEventName' in payload && 'tool_name' in payload) return 'vscode';
  if (event === 'BeforeTool') return 'gemini';
  if (event === 'PreToolUse') {
    // A non-empty turn_id is Codex's mark; Claude Code has none.
    const turn = stringAt(payload, 'turn_id');
    return turn !== undefined && turn !== '' ? 'codex' : 'claude-code';
  }
  if ('tool' in payload && 'args' in payload) return 'opencode';
  return undefined;
}

/**
 * Harnesses known to run a named harness's hook file with their own payloads: VS Code runs
 * Claude Code's settings and Copilot's hook files; Goose can load Claude Code's settings.
 */
const alsoRunBy: Partial<Record<HarnessName, readonly HarnessName[]>> = {
  'claude-code': ['vscode', 'goose'],
  copilot: ['vscode'],
};

/** The dialect to answer in: the named one, unless the payload is another harness's that runs its file. */
export function chooseHarness(named: HarnessName | undefined, payload: unknown): HarnessName | undefined {
  const detected = detectHarness(payload);
  if (named === undefined) return detected;
  if (detected !== undefined && alsoRunBy[named]?.includes(detected)) return detected;
  return named;
}
