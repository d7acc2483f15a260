// Gemini CLI: BeforeTool on run_shell_command; stdout must be pure JSON
// ({decision, reason}); "ask" forces its confirmation dialog; exit 2 blocks with stderr.

import { isAbsolute, join } from 'node:path';
import { exitTwo, json } from '../answers.js';
import { objectAt, readToolPayload, stringAt } from '../payload.js';
import type { Dialect } from '../types.js';

/** The per-call directory (dir_path) is relative to the project directory. */
function callDirectory(payload: unknown): string | undefined {
  const cwd = stringAt(payload, 'cwd');
  const dir = stringAt(objectAt(payload, 'tool_input'), 'dir_path');
  if (dir === undefined || dir === '') return cwd;
  if (isAbsolute(dir)) return dir;
  return cwd === undefined ? undefined : join(cwd, dir);
}

export const gemini: Dialect = {
  name: 'gemini',
  read: (payload) =>
    readToolPayload(payload, {
      toolKey: 'tool_name',
      inputKey: 'tool_input',
      commandKey: 'command',
      cwd: callDirectory(payload),
      shellTools: ['run_shell_command'],
    }),
  honorsAsk: () => true,
  answer(outcome) {
    switch (outcome.kind) {
      case 'allow':
      case 'no-opinion':
        return json({});
      case 'ask':
      case 'deny':
        return json({ decision: outcome.kind, reason: outcome.reason });
      case 'fail-closed':
        return exitTwo(outcome.reason);
    }
  },
};
