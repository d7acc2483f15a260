// GitHub Copilot CLI and cloud agent (.github/hooks/*.json preToolUse): {toolName, toolArgs}
// where toolArgs is a JSON string; answers a flat {permissionDecision, permissionDecisionReason},
// nothing for "no objection". The CLI shows its prompt for "ask"; the cloud agent runs on an
// Actions runner with no person to ask, so there approval goes through airlock's queue.

import { json } from '../answers.js';
import { isObject, malformed, shellCall, stringAt } from '../payload.js';
import type { Dialect, HookCall } from '../types.js';

function toolArguments(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function read(payload: unknown): HookCall {
  if (!isObject(payload)) return malformed('the payload is not a JSON object');
  const tool = stringAt(payload, 'toolName');
  if (tool === undefined || tool === '') return malformed('no toolName string in the payload');
  if (tool !== 'bash') return { kind: 'other-tool', tool };
  const args = toolArguments(payload.toolArgs);
  if (!isObject(args)) return malformed('toolArgs is not a JSON object (or a string holding one)');
  return shellCall(tool, args.command, stringAt(payload, 'cwd'), 'toolArgs.command');
}

export const copilot: Dialect = {
  name: 'copilot',
  read,
  honorsAsk: (env) => env.GITHUB_ACTIONS !== 'true',
  answer(outcome) {
    switch (outcome.kind) {
      case 'allow':
      case 'no-opinion':
        return { stdout: '', stderr: '', exitCode: 0 };
      case 'ask':
        return json({ permissionDecision: 'ask', permissionDecisionReason: outcome.reason });
      case 'deny':
      case 'fail-closed':
        return json({ permissionDecision: 'deny', permissionDecisionReason: outcome.reason });
    }
  },
};
