// Goose (plugin hooks/hooks.json PreToolUse on developer__shell): {event, tool_name,
// tool_input: {command}, working_dir}; binary allow/block, exit 2 with stderr blocks.
// Anything else fails open unless on_failure is "block", which `airlock init` sets.

import { exitTwo, silent } from '../answers.js';
import { readToolPayload, stringAt } from '../payload.js';
import type { Dialect } from '../types.js';

export const goose: Dialect = {
  name: 'goose',
  read: (payload) =>
    readToolPayload(payload, {
      toolKey: 'tool_name',
      inputKey: 'tool_input',
      commandKey: 'command',
      cwd: stringAt(payload, 'working_dir'),
      shellTools: ['developer__shell', 'shell'],
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
        return exitTwo(outcome.reason);
    }
  },
};
