// opencode: its plugin (tool.execute.before) runs this hook with {tool, args, sessionID, cwd}
// and throws with the reason when told to deny. It has no hook-driven "ask" (permission.ask
// never fires), so approval goes through airlock's queue. Deny also exits 2, so a plugin that
// only looks at the exit status still blocks.

import { json } from '../answers.js';
import { isObject, malformed, objectAt, shellCall, stringAt } from '../payload.js';
import type { Dialect, HookCall } from '../types.js';

function read(payload: unknown): HookCall {
  if (!isObject(payload)) return malformed('the payload is not a JSON object');
  const tool = stringAt(payload, 'tool');
  if (tool === undefined || tool === '') return malformed('no tool string in the payload');
  if (tool !== 'bash') return { kind: 'other-tool', tool };
  const args = objectAt(payload, 'args');
  if (args === undefined) return malformed('args is not an object');
  return shellCall(tool, args.command, stringAt(args, 'workdir') ?? stringAt(payload, 'cwd'), 'args.command');
}

export const opencode: Dialect = {
  name: 'opencode',
  read,
  honorsAsk: () => false,
  answer(outcome) {
    switch (outcome.kind) {
      case 'allow':
      case 'no-opinion':
        return json({ decision: 'allow' });
      case 'ask':
      case 'deny':
      case 'fail-closed':
        return json({ decision: 'deny', reason: outcome.reason }, 2, `${outcome.reason}\n`);
    }
  },
};
