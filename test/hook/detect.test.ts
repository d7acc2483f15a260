// Dialect detection: every golden payload is recognized as its own harness from its shape,
// and the named harness gives way only to harnesses known to run its hook file.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { chooseHarness, detectHarness } from '../../src/hook/detect.js';
import { dialects } from '../../src/hook/dialects/index.js';
import { harnessNames } from '../../src/hook/types.js';
import { root } from './hook-cli.js';

const fixtures = join(root, 'test', 'fixtures', 'hook');
const payloads = harnessNames.flatMap((harness) =>
  readdirSync(join(fixtures, harness)).map((name) => ({
    harness,
    name,
    payload: JSON.parse(readFileSync(join(fixtures, harness, name, 'input.json'), 'utf8')) as unknown,
  })),
);

describe('detectHarness', () => {
  test.each(payloads)('$harness / $name is recognized as $harness', ({ harness, payload }) => {
    expect(detectHarness(payload)).toBe(harness);
  });

  test.each([
    ['not an object', 'text'],
    ['an array', [1, 2]],
    ['null', null],
    ['an unrelated object', { hello: 'world' }],
  ])('%s matches no harness', (_label, payload) => {
    expect(detectHarness(payload)).toBeUndefined();
  });

  test('a Claude-shaped payload with an empty turn_id is Claude Code, a non-empty one Codex', () => {
    const base = { hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'ls' } };
    expect(detectHarness({ ...base, turn_id: '' })).toBe('claude-code');
    expect(detectHarness({ ...base, turn_id: 't-1' })).toBe('codex');
  });
});

describe('chooseHarness', () => {
  const vscodePayload = payloads.find((p) => p.harness === 'vscode' && p.name === 'approve')?.payload;
  const codexPayload = payloads.find((p) => p.harness === 'codex' && p.name === 'approve')?.payload;
  const goosePayload = payloads.find((p) => p.harness === 'goose' && p.name === 'approve')?.payload;

  test.each([
    ['VS Code running the Claude Code file', 'claude-code', vscodePayload, 'vscode'],
    ['VS Code running the Copilot file', 'copilot', vscodePayload, 'vscode'],
    ['Goose running the Claude Code file', 'claude-code', goosePayload, 'goose'],
    [
      'a Codex payload named claude-code stays claude-code (same shape)',
      'claude-code',
      codexPayload,
      'claude-code',
    ],
    [
      'a VS Code payload named gemini stays gemini (gemini runs no other file)',
      'gemini',
      vscodePayload,
      'gemini',
    ],
    ['no name: detected', undefined, codexPayload, 'codex'],
  ] as const)('%s', (_label, named, payload, expected) => {
    expect(chooseHarness(named, payload)).toBe(expected);
  });
});

describe('dialects read their own payloads', () => {
  test.each(payloads)('$harness / $name', ({ harness, name, payload }) => {
    const call = dialects[harness].read(payload);
    const expected = {
      allow: 'shell',
      approve: 'shell',
      deny: 'shell',
      'non-shell': 'other-tool',
      malformed: 'malformed',
    };
    expect(call.kind).toBe(expected[name as keyof typeof expected]);
  });

  test('a Gemini dir_path is resolved against the project directory', () => {
    const call = dialects.gemini.read({
      hook_event_name: 'BeforeTool',
      cwd: '/work/app',
      tool_name: 'run_shell_command',
      tool_input: { command: 'ls', dir_path: 'src' },
    });
    expect(call).toEqual({ kind: 'shell', tool: 'run_shell_command', command: 'ls', cwd: '/work/app/src' });
  });

  test('Cursor falls back to the first workspace root when cwd is empty', () => {
    const call = dialects.cursor.read({
      hook_event_name: 'beforeShellExecution',
      command: 'ls',
      cwd: '',
      workspace_roots: ['/w'],
    });
    expect(call).toEqual({ kind: 'shell', tool: 'beforeShellExecution', command: 'ls', cwd: '/w' });
  });

  test('Copilot toolArgs may arrive already decoded', () => {
    const call = dialects.copilot.read({ toolName: 'bash', toolArgs: { command: 'ls' }, cwd: '/w' });
    expect(call).toEqual({ kind: 'shell', tool: 'bash', command: 'ls', cwd: '/w' });
  });

  test('Claude Code PowerShell calls are not POSIX shell: no opinion', () => {
    const call = dialects['claude-code'].read({
      tool_name: 'PowerShell',
      tool_input: { command: 'Remove-Item -Recurse C:\\' },
    });
    expect(call.kind).toBe('other-tool');
  });
});

describe('answers never carry keys the harness does not accept', () => {
  // Codex validates against pre-tool-use.command.output.schema.json (additionalProperties: false).
  const codexTop = new Set([
    'continue',
    'hookSpecificOutput',
    'stopReason',
    'suppressOutput',
    'systemMessage',
  ]);
  const codexInner = new Set([
    'additionalContext',
    'hookEventName',
    'permissionDecision',
    'permissionDecisionReason',
    'updatedInput',
  ]);
  test.each(['allow', 'no-opinion', 'deny', 'fail-closed'] as const)('codex: %s', (kind) => {
    const outcome = kind === 'allow' || kind === 'no-opinion' ? { kind } : { kind, reason: 'r' };
    const answer = dialects.codex.answer(outcome);
    if (answer.stdout === '') return expect(answer.exitCode === 0 || answer.exitCode === 2).toBe(true);
    const out = JSON.parse(answer.stdout) as Record<string, Record<string, unknown>>;
    for (const key of Object.keys(out)) expect(codexTop.has(key)).toBe(true);
    for (const key of Object.keys(out.hookSpecificOutput ?? {})) expect(codexInner.has(key)).toBe(true);
    // Codex treats "allow" without updatedInput and any "ask" as a failed hook, and then runs the command.
    expect(out.hookSpecificOutput?.permissionDecision).toBe('deny');
  });
});
