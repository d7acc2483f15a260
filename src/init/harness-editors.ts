// Harnesses configured through files other than a hook JSON alone: VS Code (terminal PATH and
// auto-approval), Cline (an executable hook script), opencode (a plugin), Goose (a project
// plugin), OpenHands (hooks plus the sandbox setup script) and Aider (an env file).

import { Document, isMap, parseDocument } from 'yaml';
import { hookCommand, type InitContext, shimDirFor } from './harness-context.js';
import { copilotEdits } from './harness-hooks.js';
import { addOnce, editJson, setDefault } from './json-edit.js';
import { opencodePlugin } from './opencode-plugin.js';
import { editGitignore, editMarkedBlock, editOwnedFile, stamped } from './owned-file.js';
import type { EditResult, FileEdit } from './plan-types.js';

/** Tools VS Code's agent must never auto-approve, whatever its own defaults become. */
const neverAutoApprove = [
  'rm',
  'kubectl',
  'helm',
  'terraform',
  'tofu',
  'aws',
  'gcloud',
  'az',
  'psql',
  'mysql',
  'dropdb',
];

/** The shims first in the integrated terminal's PATH (VS Code's own and Cline's terminal). */
function vscodeTerminalPath(ctx: InitContext): FileEdit[] {
  // .vscode/settings.json is usually committed and VS Code has no local variant: portable form only.
  const dir = shimDirFor({ ...ctx, local: false }, 'vscode');
  if (dir === undefined) return [];
  return [
    {
      path: '.vscode/settings.json',
      edit: (before) =>
        editJson(before, (root) => {
          let changed = false;
          for (const os of ['linux', 'osx']) {
            changed =
              setDefault(root, [`terminal.integrated.env.${os}`], 'PATH', `${dir}:\${env:PATH}`) || changed;
          }
          return changed;
        }),
    },
  ];
}

export function vscodeEdits(ctx: InitContext): FileEdit[] {
  return [
    // VS Code runs .github/hooks/*.json and answers come back in its own dialect.
    ...copilotEdits(ctx),
    ...vscodeTerminalPath(ctx),
    {
      path: '.vscode/settings.json',
      edit: (before) =>
        editJson(before, (root) => {
          let changed = setDefault(root, [], 'chat.tools.terminal.autoReplyToPrompts', false);
          for (const tool of neverAutoApprove) {
            changed = setDefault(root, ['chat.tools.terminal.autoApprove'], tool, false) || changed;
          }
          return changed;
        }),
    },
  ];
}

export function clineEdits(ctx: InitContext): FileEdit[] {
  const script = stamped('#', `exec ${hookCommand('cline')}\n`, '#!/bin/sh\n');
  return [
    {
      path: '.clinerules/hooks/PreToolUse',
      mode: 0o755,
      edit: (b) => editOwnedFile(b, script, '#!/bin/sh\n'),
    },
    ...vscodeTerminalPath(ctx),
  ];
}

export function opencodeEdits(_ctx: InitContext): FileEdit[] {
  return [{ path: '.opencode/plugins/airlock.ts', edit: (b) => editOwnedFile(b, opencodePlugin()) }];
}

export function gooseEdits(_ctx: InitContext): FileEdit[] {
  const dir = '.agents/plugins/airlock';
  return [
    {
      path: `${dir}/plugin.json`,
      edit: (before) =>
        editJson(before, (root) => {
          let changed = setDefault(root, [], 'name', 'airlock');
          changed = setDefault(root, [], 'version', '1.0.0') || changed;
          return (
            setDefault(root, [], 'description', 'airlock judges every shell command before it runs') ||
            changed
          );
        }),
    },
    {
      path: `${dir}/hooks/hooks.json`,
      edit: (before) =>
        editJson(before, (root) =>
          addOnce(
            root,
            ['hooks', 'PreToolUse'],
            {
              matcher: 'developer__shell|shell',
              // on_failure block: a crash or timeout blocks instead of failing open.
              hooks: [{ type: 'command', command: hookCommand('goose'), timeout: 30, on_failure: 'block' }],
            },
            'airlock hook',
          ),
        ),
    },
  ];
}

const setupBegin = '# >>> airlock >>>';
const setupEnd = '# <<< airlock <<<';

function openhandsSetup(): string {
  return `# Puts airlock's shims first in PATH in the sandbox (written by airlock init).
if command -v airlock >/dev/null 2>&1; then
  airlock shims install >/dev/null
  eval "$(airlock shims path --shell sh)"
  export AIRLOCK_AGENT=openhands
else
  echo "airlock is not installed in this sandbox: commands are not guarded by its shims" >&2
fi
`;
}

export function openhandsEdits(_ctx: InitContext): FileEdit[] {
  return [
    {
      path: '.openhands/hooks.json',
      edit: (before) =>
        editJson(before, (root) =>
          addOnce(
            root,
            ['PreToolUse'],
            {
              matcher: 'terminal',
              hooks: [{ type: 'command', command: hookCommand('openhands'), timeout: 30 }],
            },
            'airlock hook',
          ),
        ),
    },
    {
      path: '.openhands/setup.sh',
      mode: 0o755,
      edit: (b) => editMarkedBlock(b, openhandsSetup(), setupBegin, setupEnd),
    },
  ];
}

const aiderEnvFile = '.airlock/aider.env';

function editAiderConf(before: string | undefined): EditResult {
  const doc = before === undefined ? new Document({}) : parseDocument(before);
  if (doc.errors.length > 0) return { kind: 'conflict', reason: 'not valid YAML; left alone' };
  if (doc.contents == null) doc.contents = doc.createNode({}) as never;
  if (!isMap(doc.contents)) return { kind: 'conflict', reason: 'not a YAML mapping; left alone' };
  const current = doc.get('env-file');
  if (current === aiderEnvFile) return { kind: 'unchanged' };
  if (current !== undefined) {
    return {
      kind: 'unchanged',
      note: `env-file is ${String(current)}; add the lines of ${aiderEnvFile} to it`,
    };
  }
  doc.set('env-file', aiderEnvFile);
  return { kind: 'write', content: doc.toString() };
}

/** Aider has no hook: its .env files (loaded with ${VAR} expansion) put the shims first. */
export function aiderEdits(ctx: InitContext): FileEdit[] {
  const dir = shimDirFor(ctx, 'dotenv');
  if (dir === undefined) return [];
  const env = stamped('#', `PATH=${dir}:\${PATH}\nAIRLOCK_AGENT=aider\n`);
  const edits: FileEdit[] = [
    { path: aiderEnvFile, edit: (b) => editOwnedFile(b, env) },
    { path: '.aider.conf.yml', edit: editAiderConf },
  ];
  if (ctx.local) edits.push({ path: '.gitignore', edit: (b) => editGitignore(b, [aiderEnvFile]) });
  return edits;
}
