// VS Code agent mode: run_in_terminal with camelCase tool_input; answers Claude-style
// hookSpecificOutput (allow/deny/ask), exit 2 blocks. It runs every hook for every tool
// (matchers are ignored), so non-terminal tools must get silence.

import { claudeStyle } from '../answers.js';
import { readToolPayload, stringAt } from '../payload.js';
import type { Dialect } from '../types.js';

export const vscodeTerminalTools = ['run_in_terminal', 'runInTerminal', 'runTerminalCommand'] as const;

export const vscode: Dialect = {
  name: 'vscode',
  read: (payload) =>
    readToolPayload(payload, {
      toolKey: 'tool_name',
      inputKey: 'tool_input',
      commandKey: 'command',
      cwd: stringAt(payload, 'cwd'),
      shellTools: vscodeTerminalTools,
    }),
  honorsAsk: () => true,
  answer: claudeStyle,
};
