// Every harness init can configure: its files, how it is recognized as present, the manual
// trust step it needs, and what init cannot do for it (printed as advice).

import { harnessNames } from '../hook/types.js';
import type { InitContext } from './harness-context.js';
import {
  aiderEdits,
  clineEdits,
  gooseEdits,
  opencodeEdits,
  openhandsEdits,
  vscodeEdits,
} from './harness-editors.js';
import {
  agyEdits,
  claudeCodeEdits,
  codexEdits,
  copilotEdits,
  cursorEdits,
  geminiEdits,
} from './harness-hooks.js';
import type { FileEdit } from './plan-types.js';

/** The hook's harnesses plus Aider, which has no hook but takes PATH from an env file. */
export const initHarnessNames = [...harnessNames, 'aider'] as const;
export type InitHarness = (typeof initHarnessNames)[number];

export function isInitHarness(name: string): name is InitHarness {
  return (initHarnessNames as readonly string[]).includes(name);
}

interface HarnessSpec {
  edits(ctx: InitContext): FileEdit[];
  /** Paths whose presence means the project already uses this harness. */
  markers: readonly string[];
  trust: string;
  advice?: string;
}

export const harnessSpecs: Readonly<Record<InitHarness, HarnessSpec>> = {
  'claude-code': {
    edits: claudeCodeEdits,
    markers: ['.claude', 'CLAUDE.md'],
    trust:
      'open Claude Code here, accept the workspace trust dialog (project hooks and env load only in a trusted workspace), then review the airlock hooks in /hooks',
  },
  codex: {
    edits: codexEdits,
    markers: ['.codex', 'AGENTS.md'],
    trust:
      'trust this project in Codex (it loads .codex/ only for trusted projects), then open /hooks and trust the airlock hook; Codex skips new or edited hooks until you do (CI: codex exec --dangerously-bypass-hook-trust)',
    advice:
      'PATH shims for Codex are machine-specific: in ~/.codex/config.toml set allow_login_shell = false and put the shim directory first in [shell_environment_policy] set.PATH',
  },
  gemini: {
    edits: geminiEdits,
    markers: ['.gemini', 'GEMINI.md'],
    trust:
      'trust this folder in Gemini CLI and accept the airlock hook when its fingerprint warning appears (shown again whenever the hook command changes)',
    advice:
      'Gemini CLI cannot take PATH from the project: start it with the shims first in PATH (airlock shims path)',
  },
  agy: {
    edits: agyEdits,
    markers: ['.agents/hooks.json'],
    trust: 'start agy here and accept the project hooks in .agents/hooks.json when asked',
    advice: 'start agy with the shims first in PATH (airlock shims path)',
  },
  cursor: {
    edits: cursorEdits,
    markers: ['.cursor'],
    trust:
      'reload Cursor and check that Settings → Hooks lists airlock under beforeShellExecution; cursor-agent honors only its deny, so approvals go through airlock inbox',
    advice:
      'Cursor has no project PATH setting for the agent shell: add the shims line to ~/.zshenv inside `if [ -n "$CURSOR_AGENT" ]; then … fi`',
  },
  copilot: {
    edits: copilotEdits,
    markers: ['.github/hooks', '.github/copilot-instructions.md'],
    trust:
      'Copilot CLI loads repository hooks only in trusted folders: trust this folder when asked; the cloud agent reads .github/hooks from the default branch, so merge it there and install airlock in .github/workflows/copilot-setup-steps.yml',
  },
  vscode: {
    edits: vscodeEdits,
    markers: ['.vscode'],
    trust:
      'trust this workspace in VS Code (workspace settings and agent hooks are ignored in Restricted Mode), and open a new terminal so the shims PATH applies',
  },
  opencode: {
    edits: opencodeEdits,
    markers: ['.opencode', 'opencode.json', 'opencode.jsonc'],
    trust:
      'restart opencode in this directory: it loads .opencode/plugins/ at start (review the plugin first)',
  },
  goose: {
    edits: gooseEdits,
    markers: ['.agents/plugins', '.goosehints'],
    trust: 'restart goose in this directory: it loads project plugins from .agents/plugins/ when it starts',
    advice:
      'for PATH shims start goose with the shims first in PATH (Goose may replace PATH with its login shell PATH)',
  },
  openhands: {
    edits: openhandsEdits,
    markers: ['.openhands'],
    trust:
      'OpenHands runs .openhands/setup.sh when the sandbox starts: the sandbox image must have airlock installed (the script warns when it is not)',
  },
  cline: {
    edits: clineEdits,
    markers: ['.clinerules'],
    trust:
      'in Cline, make sure hooks are enabled (Settings → Features) and trust the workspace so the terminal PATH in .vscode/settings.json applies',
  },
  aider: {
    edits: aiderEdits,
    markers: ['.aider.conf.yml', '.aiderignore'],
    trust: 'start aider from this directory: .aider.conf.yml loads .airlock/aider.env (shims first in PATH)',
  },
};
