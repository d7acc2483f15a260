// Claude Code: PreToolUse on the Bash tool; answers with hookSpecificOutput, exit 2 to block
// when the payload cannot be read. (PowerShell commands are not POSIX shell: no opinion.)

import { claudeStyle } from '../answers.js';
import { readToolPayload, stringAt } from '../payload.js';
import type { Dialect } from '../types.js';

export const claudeCode: Dialect = {
  name: 'claude-code',
  read: (payload) =>
    readToolPayload(payload, {
      toolKey: 'tool_name',
      inputKey: 'tool_input',
      commandKey: 'command',
      cwd: stringAt(payload, 'cwd'),
      shellTools: ['Bash'],
    }),
  honorsAsk: () => true,
  answer: claudeStyle,
};
