// Whether each agent harness configured in this project routes its commands through airlock:
// its hook file exists and runs `airlock hook` (or, for Aider, loads airlock's env file).

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { InitHarness } from '../init/harnesses.js';
import { readSmallText } from '../init/read-small.js';
import { detectedHarnesses } from '../init/run.js';
import type { DoctorFinding } from './types.js';

/** The files where each harness's airlock hook would be, and the text that marks it. */
const hookFiles: Record<InitHarness, { files: string[]; needle: string }> = {
  'claude-code': { files: ['.claude/settings.json', '.claude/settings.local.json'], needle: 'airlock hook' },
  codex: { files: ['.codex/hooks.json', '.codex/config.toml'], needle: 'airlock hook' },
  gemini: { files: ['.gemini/settings.json'], needle: 'airlock hook' },
  agy: { files: ['.agents/hooks.json'], needle: 'airlock hook' },
  cursor: { files: ['.cursor/hooks.json'], needle: 'airlock hook' },
  copilot: { files: ['.github/hooks/*.json'], needle: 'airlock hook' },
  vscode: {
    files: ['.github/hooks/*.json', '.claude/settings.json', '.claude/settings.local.json'],
    needle: 'airlock hook',
  },
  opencode: { files: ['.opencode/plugins/*', '.opencode/plugin/*'], needle: 'airlock' },
  goose: { files: ['.agents/plugins/*/hooks/hooks.json'], needle: 'airlock hook' },
  openhands: { files: ['.openhands/hooks.json'], needle: 'airlock hook' },
  cline: { files: ['.clinerules/hooks/PreToolUse'], needle: 'airlock hook' },
  aider: { files: ['.aider.conf.yml', '.env'], needle: 'airlock' },
};

/** Expands `*` in one path segment (`*.json`, `*`) by listing the directory. */
function expand(root: string, pattern: string): string[] {
  const star = pattern.indexOf('*');
  if (star === -1) return [pattern];
  const segmentStart = pattern.lastIndexOf('/', star) + 1;
  const next = pattern.indexOf('/', star);
  const segmentEnd = next === -1 ? pattern.length : next;
  const dir = pattern.slice(0, Math.max(0, segmentStart - 1));
  const suffix = pattern.slice(star + 1, segmentEnd);
  const rest = pattern.slice(segmentEnd);
  let names: string[] = [];
  try {
    names = readdirSync(join(root, dir));
  } catch {}
  return names.filter((n) => n.endsWith(suffix)).flatMap((n) => expand(root, `${dir}/${n}${rest}`));
}

export function harnessFindings(root: string): DoctorFinding[] {
  const out: DoctorFinding[] = [];
  for (const harness of detectedHarnesses(root)) {
    const spec = hookFiles[harness];
    const files = spec.files.flatMap((p) => expand(root, p));
    const routed = files.find((f) => readSmallText(join(root, f))?.includes(spec.needle));
    out.push(
      routed !== undefined
        ? {
            area: 'harness',
            kind: 'harness-routed',
            severity: 'info',
            location: routed,
            detail: `${harness} runs its commands past airlock`,
          }
        : {
            area: 'harness',
            kind: 'harness-not-routed',
            severity: 'high',
            location: spec.files[0]!,
            detail: `${harness} is set up in this project but its commands do not go through airlock`,
            fix: `airlock init --harness ${harness}`,
          },
    );
  }
  return out;
}
