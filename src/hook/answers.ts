// Building blocks for the answers: silence, JSON on stdout, and the exit-2 block that
// Claude-style hook runners (Claude Code, Codex, Gemini, VS Code, Goose, OpenHands) honor.

import type { HookAnswer, HookOutcome } from './types.js';

export function silent(): HookAnswer {
  return { stdout: '', stderr: '', exitCode: 0 };
}

export function json(value: unknown, exitCode = 0, stderr = ''): HookAnswer {
  return { stdout: `${JSON.stringify(value)}\n`, stderr, exitCode };
}

/** Exit 2 with the reason on stderr: blocks the tool even where stdout JSON would not parse. */
export function exitTwo(reason: string): HookAnswer {
  return { stdout: '', stderr: `${reason}\n`, exitCode: 2 };
}

/**
 * `hookSpecificOutput` as Claude Code defines it (VS Code and Codex read the same object).
 * allow stays silent: Claude's "allow" would skip the person's own permission rules, and
 * airlock having no objection is not the person's consent.
 */
export function claudeStyle(outcome: HookOutcome): HookAnswer {
  switch (outcome.kind) {
    case 'allow':
    case 'no-opinion':
      return silent();
    case 'ask':
    case 'deny':
      return json({
        hookSpecificOutput: {
          hookEventName: 'PreToolUse',
          permissionDecision: outcome.kind,
          permissionDecisionReason: outcome.reason,
        },
      });
    case 'fail-closed':
      return exitTwo(outcome.reason);
  }
}
