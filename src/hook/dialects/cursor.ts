// Cursor: beforeShellExecution (top-level command, cwd often empty: the first workspace root
// is used) or preToolUse on its Shell tool; answers {permission, user_message, agent_message}
// and {} to abstain. cursor-agent ignores "ask" (and "allow"), so approval is a deny that
// points at airlock's queue; only deny is known to hold everywhere.

import { json } from '../answers.js';
import { firstStringAt, isObject, malformed, objectAt, shellCall, stringAt } from '../payload.js';
import type { Dialect, HookCall } from '../types.js';

function read(payload: unknown): HookCall {
  if (!isObject(payload)) return malformed('the payload is not a JSON object');
  const event = stringAt(payload, 'hook_event_name');
  const cwd = stringAt(payload, 'cwd') || firstStringAt(payload, 'workspace_roots');
  if (event === 'beforeShellExecution' || (event === undefined && 'command' in payload)) {
    return shellCall('beforeShellExecution', payload.command, cwd, 'command');
  }
  const tool = stringAt(payload, 'tool_name');
  if (event === 'preToolUse' && tool !== undefined) {
    if (tool !== 'Shell') return { kind: 'other-tool', tool };
    return shellCall(tool, objectAt(payload, 'tool_input')?.command, cwd, 'tool_input.command');
  }
  if (event !== undefined && event !== '') return { kind: 'other-tool', tool: event };
  return malformed('no hook_event_name and no command in the payload');
}

export const cursor: Dialect = {
  name: 'cursor',
  read,
  honorsAsk: () => false,
  answer(outcome) {
    switch (outcome.kind) {
      case 'allow':
      case 'no-opinion':
        return json({});
      case 'ask':
        return json({ permission: 'ask', user_message: outcome.reason, agent_message: outcome.reason });
      case 'deny':
      case 'fail-closed':
        return json({ permission: 'deny', user_message: outcome.reason, agent_message: outcome.reason });
    }
  },
};
