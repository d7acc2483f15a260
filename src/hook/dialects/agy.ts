// Antigravity (agy), Gemini CLI's successor: camelCase payload (toolCall.name run_command,
// toolCall.args.CommandLine); {decision: allow|deny|force_ask}. It fails closed on silence,
// so every answer is explicit; its "allow" does not skip its own prompt.

import { json } from '../answers.js';
import { firstStringAt, isObject, malformed, objectAt, shellCall, stringAt } from '../payload.js';
import type { Dialect, HookCall } from '../types.js';

function read(payload: unknown): HookCall {
  if (!isObject(payload)) return malformed('the payload is not a JSON object');
  const call = objectAt(payload, 'toolCall');
  if (call === undefined) return malformed('no toolCall object in the payload');
  const tool = stringAt(call, 'name');
  if (tool === undefined || tool === '') return malformed('no toolCall.name string in the payload');
  if (tool !== 'run_command') return { kind: 'other-tool', tool };
  const args = objectAt(call, 'args');
  if (args === undefined) return malformed('toolCall.args is not an object');
  const cwd = stringAt(args, 'Cwd') ?? firstStringAt(payload, 'workspacePaths');
  return shellCall(tool, args.CommandLine, cwd, 'toolCall.args.CommandLine');
}

export const agy: Dialect = {
  name: 'agy',
  read,
  honorsAsk: () => true,
  answer(outcome) {
    switch (outcome.kind) {
      case 'allow':
      case 'no-opinion':
        return json({ decision: 'allow' });
      case 'ask':
        return json({ decision: 'force_ask', reason: outcome.reason });
      case 'deny':
      case 'fail-closed':
        return json({ decision: 'deny', reason: outcome.reason });
    }
  },
};
