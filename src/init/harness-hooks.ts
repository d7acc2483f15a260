// Hook configuration for the harnesses whose hooks live in a JSON settings file: Claude Code,
// Codex, Gemini CLI, Antigravity (agy), Cursor and Copilot (also read by VS Code). Shapes
// follow each harness's documented hook format (see the harness survey, §14).

import { codexRules } from './codex-rules.js';
import { hookCommand, type InitContext, shellQuote } from './harness-context.js';
import { addOnce, editJson, setDefault } from './json-edit.js';
import { editGitignore, editOwnedFile } from './owned-file.js';
import type { FileEdit } from './plan-types.js';

const hookNeedle = 'airlock hook';
/** Ends airlock's SessionStart command, so a re-run finds it whichever form it took. */
const sessionStartMark = '# airlock shims first in PATH';

function claudeSessionStart(ctx: InitContext): string {
  // CLAUDE_ENV_FILE is sourced before every Bash command, after the shell snapshot, so the
  // PATH it exports wins where settings "env" would be literal and overwritten.
  const dir = ctx.local ? ctx.shimDir : undefined;
  const line =
    dir === undefined
      ? 'airlock shims path --shell sh >> "$CLAUDE_ENV_FILE"'
      : `echo ${shellQuote(`export PATH="${dir}:$PATH"`)} >> "$CLAUDE_ENV_FILE"`;
  return `[ -z "$CLAUDE_ENV_FILE" ] || ${line} ${sessionStartMark}`;
}

export function claudeCodeEdits(ctx: InitContext): FileEdit[] {
  const path = ctx.local ? '.claude/settings.local.json' : '.claude/settings.json';
  const edits: FileEdit[] = [
    {
      path,
      edit: (before) =>
        editJson(before, (root) => {
          const pre = addOnce(
            root,
            ['hooks', 'PreToolUse'],
            {
              matcher: 'Bash',
              hooks: [{ type: 'command', command: hookCommand('claude-code'), timeout: 30 }],
            },
            hookNeedle,
          );
          const start = addOnce(
            root,
            ['hooks', 'SessionStart'],
            {
              matcher: 'startup|resume|clear|compact',
              hooks: [{ type: 'command', command: claudeSessionStart(ctx) }],
            },
            sessionStartMark,
          );
          const env = setDefault(root, ['env'], 'AIRLOCK_AGENT', 'claude-code');
          return pre || start || env;
        }),
    },
  ];
  if (ctx.local)
    edits.push({ path: '.gitignore', edit: (b) => editGitignore(b, ['.claude/settings.local.json']) });
  return edits;
}

export function codexEdits(_ctx: InitContext): FileEdit[] {
  return [
    {
      path: '.codex/hooks.json',
      edit: (before) =>
        editJson(before, (root) =>
          addOnce(
            root,
            ['hooks', 'PreToolUse'],
            { matcher: 'Bash', hooks: [{ type: 'command', command: hookCommand('codex'), timeout: 30 }] },
            hookNeedle,
          ),
        ),
    },
    { path: '.codex/rules/airlock.rules', edit: (before) => editOwnedFile(before, codexRules()) },
  ];
}

export function geminiEdits(_ctx: InitContext): FileEdit[] {
  return [
    {
      path: '.gemini/settings.json',
      edit: (before) =>
        editJson(before, (root) =>
          addOnce(
            root,
            ['hooks', 'BeforeTool'],
            {
              matcher: 'run_shell_command',
              // Gemini's hook timeout is in milliseconds.
              hooks: [{ name: 'airlock', type: 'command', command: hookCommand('gemini'), timeout: 30000 }],
            },
            hookNeedle,
          ),
        ),
    },
  ];
}

export function agyEdits(_ctx: InitContext): FileEdit[] {
  return [
    {
      path: '.agents/hooks.json',
      edit: (before) =>
        editJson(before, (root) => {
          if (Object.values(root).some((v) => JSON.stringify(v ?? '').includes(hookNeedle))) return false;
          return setDefault(root, [], 'airlock', {
            PreToolUse: [
              { matcher: 'run_command', hooks: [{ type: 'command', command: hookCommand('agy') }] },
            ],
          });
        }),
    },
  ];
}

export function cursorEdits(_ctx: InitContext): FileEdit[] {
  return [
    {
      path: '.cursor/hooks.json',
      edit: (before) =>
        editJson(before, (root) => {
          const version = setDefault(root, [], 'version', 1);
          const hook = addOnce(
            root,
            ['hooks', 'beforeShellExecution'],
            // failClosed: a crash or timeout of the hook blocks instead of letting the command run.
            { command: hookCommand('cursor'), timeout: 30, failClosed: true },
            hookNeedle,
          );
          return version || hook;
        }),
    },
  ];
}

/** Copilot CLI and cloud agent; VS Code reads the same file and sends its own payloads. */
export function copilotEdits(_ctx: InitContext): FileEdit[] {
  return [
    {
      path: '.github/hooks/airlock.json',
      edit: (before) =>
        editJson(before, (root) => {
          const version = setDefault(root, [], 'version', 1);
          const hook = addOnce(
            root,
            ['hooks', 'preToolUse'],
            { type: 'command', bash: hookCommand('copilot'), cwd: '.', timeoutSec: 30 },
            hookNeedle,
          );
          return version || hook;
        }),
    },
  ];
}
