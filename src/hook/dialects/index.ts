// Every harness dialect by its --harness name.

import type { Dialect, HarnessName } from '../types.js';
import { agy } from './agy.js';
import { claudeCode } from './claude-code.js';
import { cline } from './cline.js';
import { codex } from './codex.js';
import { copilot } from './copilot.js';
import { cursor } from './cursor.js';
import { gemini } from './gemini.js';
import { goose } from './goose.js';
import { opencode } from './opencode.js';
import { openhands } from './openhands.js';
import { vscode } from './vscode.js';

export const dialects: Readonly<Record<HarnessName, Dialect>> = {
  'claude-code': claudeCode,
  codex,
  gemini,
  agy,
  cursor,
  copilot,
  vscode,
  opencode,
  goose,
  openhands,
  cline,
};
