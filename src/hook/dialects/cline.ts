// Cline (.clinerules/hooks/PreToolUse): {hookName, preToolUse: {toolName: execute_command,
// parameters: {command}}, workspaceRoots}; answers {cancel, errorMessage}. cancel stops the
// whole task, which is what a refusal or a wait for a person needs; there is no "ask".

import { json } from '../answers.js';
import { firstStringAt, isObject, malformed, objectAt, shellCall, stringAt } from '../payload.js';
import type { Dialect, HookCall } from '../types.js';

function read(payload: unknown): HookCall {
  if (!isObject(payload)) return malformed('the payload is not a JSON object');
  const call = objectAt(payload, 'preToolUse');
  if (call === undefined) return malformed('no preToolUse object in the payload');
  const tool = stringAt(call, 'toolName');
  if (tool === undefined || tool === '') return malformed('no preToolUse.toolName string in the payload');
  if (tool !== 'execute_command') return { kind: 'other-tool', tool };
  const parameters = objectAt(call, 'parameters');
  if (parameters === undefined) return malformed('preToolUse.parameters is not an object');
  return shellCall(
    tool,
    parameters.command,
    firstStringAt(payload, 'workspaceRoots'),
    'preToolUse.parameters.command',
  );
}

export const cline: Dialect = {
  name: 'cline',
  read,
  honorsAsk: () => false,
  answer(outcome) {
    switch (outcome.kind) {
      case 'allow':
      case 'no-opinion':
        return json({ cancel: false });
      case 'ask':
      case 'deny':
      case 'fail-closed':
        return json({ cancel: true, errorMessage: outcome.reason });
    }
  },
};
