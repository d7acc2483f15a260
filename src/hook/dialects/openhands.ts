// OpenHands (.openhands/hooks.json PreToolUse on terminal): {event_type, tool_name,
// tool_input: {command}, working_dir}; exit 2 blocks, and {"decision":"deny","reason"} on
// stdout carries the reason. It has no "ask" (reserved for the future in its types).

import { json, silent } from '../answers.js';
import { readToolPayload, stringAt } from '../payload.js';
import type { Dialect } from '../types.js';

export const openhands: Dialect = {
  name: 'openhands',
  read: (payload) =>
    readToolPayload(payload, {
      toolKey: 'tool_name',
      inputKey: 'tool_input',
      commandKey: 'command',
      cwd: stringAt(payload, 'working_dir'),
      shellTools: ['terminal', 'execute_bash', 'bash'],
    }),
  honorsAsk: () => false,
  answer(outcome) {
    switch (outcome.kind) {
      case 'allow':
      case 'no-opinion':
        return silent();
      case 'ask':
      case 'deny':
      case 'fail-closed':
        return json({ decision: 'deny', reason: outcome.reason }, 2, `${outcome.reason}\n`);
    }
  },
};
