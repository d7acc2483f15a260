// Codex: the Claude-shaped payload (plus turn_id). Its parser accepts only a deny with a
// non-empty reason; "allow" without updatedInput and "ask" are rejected and the command then
// runs, so allow is silence and approval goes through airlock's queue. The output schema has
// additionalProperties: false, so nothing beyond hookSpecificOutput is ever printed.

import { claudeStyle } from '../answers.js';
import { readToolPayload, stringAt } from '../payload.js';
import type { Dialect } from '../types.js';

export const codex: Dialect = {
  name: 'codex',
  read: (payload) =>
    readToolPayload(payload, {
      toolKey: 'tool_name',
      inputKey: 'tool_input',
      commandKey: 'command',
      cwd: stringAt(payload, 'cwd'),
      // Codex normalizes its shell tools to Bash; the older names are kept for older releases.
      shellTools: ['Bash', 'shell', 'shell_command', 'exec_command', 'local_shell'],
    }),
  honorsAsk: () => false,
  answer: claudeStyle,
};
