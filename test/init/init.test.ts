// airlock init on a fixture project: what it writes for each harness, that a second run
// changes nothing, that a person's own hooks, keys and config entries survive, that --dry-run
// writes nothing, and that --local keeps absolute paths in git-ignored files only.

import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { initHarnessNames } from '../../src/init/harnesses.js';
import { type InitOptions, runInit } from '../../src/init/run.js';
import { git, type Loose, makeProject, readJson, type Sandbox, snapshot } from './helpers.js';

const boxes: Sandbox[] = [];
afterEach(() => {
  for (const box of boxes.splice(0)) rmSync(box.base, { recursive: true, force: true });
});

function project(): Sandbox {
  const box = makeProject();
  boxes.push(box);
  return box;
}

function init(box: Sandbox, options: Partial<InitOptions> = {}) {
  return runInit({
    root: box.root,
    harnesses: 'all',
    local: false,
    dryRun: false,
    shimDir: box.shimDir,
    home: box.home,
    ...options,
  });
}

const read = (box: Sandbox, path: string) => readFileSync(join(box.root, path), 'utf8');

describe('airlock init --all', () => {
  test('writes .airlockrc.yaml that loads cleanly and names where each entry came from', () => {
    const box = project();
    init(box);
    const text = read(box, '.airlockrc.yaml');
    expect(text).toContain('- acme-main # kube context, used for prod in Makefile:4');
    expect(text).toContain('- blue-east # kube context, used for staging in Makefile:7');
    expect(text).toContain('- acme-tf-state # terraform state bucket (backend "s3" in infra/prod/main.tf:2)');
    expect(text).toContain('- db-main.acme.internal # database host, used for prod in .env.production:2');
    expect(text).toContain('terraform workspace blue (infra/prod/.terraform/environment)');
    expect(text).not.toContain('S3cretPassw0rd');
    const loaded = loadConfig({
      cwd: box.root,
      env: { HOME: box.home, AIRLOCK_HOME: join(box.base, 'al') },
      cache: false,
    });
    expect(loaded.problems).toEqual([]);
    expect(loaded.config.environments.prod).toEqual(
      expect.arrayContaining(['acme-main', 'db-main.acme.internal']),
    );
    expect(loaded.config.environments.staging).toContain('blue-east');
    expect(loaded.config.protected).toContain('acme-tf-state');
  });

  test('each harness gets its hook pointing at `airlock hook --harness NAME`', () => {
    const box = project();
    const result = init(box);
    expect(result.harnesses).toEqual([...initHarnessNames]);
    const claude = readJson(join(box.root, '.claude/settings.json')) as Loose;
    expect(claude.hooks.PreToolUse).toEqual([
      {
        matcher: 'Bash',
        hooks: [{ type: 'command', command: 'airlock hook --harness claude-code', timeout: 30 }],
      },
    ]);
    expect(claude.hooks.SessionStart[0].matcher).toBe('startup|resume|clear|compact');
    expect(claude.hooks.SessionStart[0].hooks[0].command).toBe(
      '[ -z "$CLAUDE_ENV_FILE" ] || airlock shims path --shell sh >> "$CLAUDE_ENV_FILE" # airlock shims first in PATH',
    );
    expect(claude.env).toEqual({ AIRLOCK_AGENT: 'claude-code' });
    const codex = readJson(join(box.root, '.codex/hooks.json')) as Loose;
    expect(codex.hooks.PreToolUse[0].hooks[0].command).toBe('airlock hook --harness codex');
    expect(read(box, '.codex/rules/airlock.rules')).toContain(
      'pattern = ["terraform", ["apply", "destroy", "import"]]',
    );
    const gemini = readJson(join(box.root, '.gemini/settings.json')) as Loose;
    expect(gemini.hooks.BeforeTool[0]).toEqual({
      matcher: 'run_shell_command',
      hooks: [{ name: 'airlock', type: 'command', command: 'airlock hook --harness gemini', timeout: 30000 }],
    });
    expect((readJson(join(box.root, '.agents/hooks.json')) as Loose).airlock.PreToolUse[0].matcher).toBe(
      'run_command',
    );
    expect(readJson(join(box.root, '.cursor/hooks.json'))).toEqual({
      version: 1,
      hooks: {
        beforeShellExecution: [{ command: 'airlock hook --harness cursor', timeout: 30, failClosed: true }],
      },
    });
    expect(readJson(join(box.root, '.github/hooks/airlock.json'))).toEqual({
      version: 1,
      hooks: {
        preToolUse: [{ type: 'command', bash: 'airlock hook --harness copilot', cwd: '.', timeoutSec: 30 }],
      },
    });
    const vscode = readJson(join(box.root, '.vscode/settings.json')) as Loose;
    expect(vscode['terminal.integrated.env.linux']).toEqual({
      // biome-ignore lint/suspicious/noTemplateCurlyInString: VS Code's own ${env:VAR} syntax
      PATH: '${env:HOME}/.local/share/airlock/shims:${env:PATH}',
    });
    expect(vscode['chat.tools.terminal.autoReplyToPrompts']).toBe(false);
    expect(vscode['chat.tools.terminal.autoApprove'].kubectl).toBe(false);
    const plugin = read(box, '.opencode/plugins/airlock.ts');
    expect(plugin).toContain('"tool.execute.before"');
    expect(plugin).toContain('"shell.env"');
    const goose = readJson(join(box.root, '.agents/plugins/airlock/hooks/hooks.json')) as Loose;
    expect(goose.hooks.PreToolUse[0].hooks[0]).toMatchObject({
      command: 'airlock hook --harness goose',
      on_failure: 'block',
    });
    expect((readJson(join(box.root, '.openhands/hooks.json')) as Loose).PreToolUse[0].matcher).toBe(
      'terminal',
    );
    expect(read(box, '.openhands/setup.sh')).toContain('eval "$(airlock shims path --shell sh)"');
    const cline = join(box.root, '.clinerules/hooks/PreToolUse');
    expect(readFileSync(cline, 'utf8')).toMatch(
      /^#!\/bin\/sh\n# written by airlock init .*\nexec airlock hook --harness cline\n$/,
    );
    expect(statSync(cline).mode & 0o111).toBe(0o111);
    expect(read(box, '.airlock/aider.env')).toContain(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: dotenv's own ${VAR} syntax
      'PATH=${HOME}/.local/share/airlock/shims:${PATH}\nAIRLOCK_AGENT=aider\n',
    );
    expect(read(box, '.aider.conf.yml')).toBe('env-file: .airlock/aider.env\n');
  });

  test('prints each harness trust step and reports every file created', () => {
    const box = project();
    const { text, outcomes } = init(box);
    expect(outcomes.every((o) => o.status === 'created')).toBe(true);
    expect(text).toContain('claude-code: open Claude Code here, accept the workspace trust dialog');
    expect(text).toContain('codex: trust this project in Codex');
    expect(text).toContain('gemini: trust this folder in Gemini CLI and accept the airlock hook');
    expect(text).toContain('created      .claude/settings.json');
    expect(text).toContain('The shims are not installed');
  });

  test('is idempotent: a second run changes nothing and says so', () => {
    const box = project();
    init(box);
    const first = snapshot(box.root);
    const second = init(box);
    expect(second.outcomes.map((o) => o.status)).toEqual(second.outcomes.map(() => 'unchanged'));
    expect(second.text).toContain('unchanged    .airlockrc.yaml');
    expect(snapshot(box.root)).toEqual(first);
  });
});

describe('never clobbering', () => {
  test("a person's own Claude hooks and settings keys survive, airlock's hook is added once", () => {
    const box = project();
    mkdirSync(join(box.root, '.claude'));
    const mine = {
      model: 'opus',
      permissions: { deny: ['Read(./.env)'] },
      env: { AIRLOCK_AGENT: 'my-name' },
      hooks: { PreToolUse: [{ matcher: 'Edit', hooks: [{ type: 'command', command: './lint.sh' }] }] },
    };
    writeFileSync(join(box.root, '.claude/settings.json'), `${JSON.stringify(mine, null, 4)}\n`);
    const result = init(box, { harnesses: ['claude-code'] });
    expect(result.outcomes.find((o) => o.path === '.claude/settings.json')?.status).toBe('updated');
    const after = readJson(join(box.root, '.claude/settings.json')) as Loose;
    expect(after.model).toBe('opus');
    expect(after.permissions).toEqual(mine.permissions);
    expect(after.env.AIRLOCK_AGENT).toBe('my-name');
    expect(after.hooks.PreToolUse[0]).toEqual(mine.hooks.PreToolUse[0]);
    expect(after.hooks.PreToolUse[1].hooks[0].command).toBe('airlock hook --harness claude-code');
    // The person's indentation is kept.
    expect(read(box, '.claude/settings.json')).toContain('\n    "model": "opus"');
    init(box, { harnesses: ['claude-code'] });
    expect((readJson(join(box.root, '.claude/settings.json')) as Loose).hooks.PreToolUse).toHaveLength(2);
  });

  test("a person's .airlockrc.yaml entries, negations and comments survive a re-run", () => {
    const box = project();
    writeFileSync(
      join(box.root, '.airlockrc.yaml'),
      '# our team config\nenvironments:\n  prod:\n    - billing-db # ours\n    - "!acme-main"\nrules:\n  git/push-force: deny\n',
    );
    init(box, { harnesses: [] });
    const text = read(box, '.airlockrc.yaml');
    expect(text).toContain('# our team config');
    expect(text).toContain('- billing-db # ours');
    expect(text).toContain('git/push-force: deny');
    expect(text).not.toMatch(/^\s+- acme-main/m);
    expect(text).toContain('- db-main.acme.internal # database host');
    const edited = `${text}\n# a note of mine\n`;
    writeFileSync(join(box.root, '.airlockrc.yaml'), edited);
    const again = init(box, { harnesses: [] });
    expect(again.outcomes[0]).toMatchObject({ path: '.airlockrc.yaml', status: 'unchanged' });
    expect(read(box, '.airlockrc.yaml')).toBe(edited);
  });

  test('an edited generated file and a JSON file with comments are left alone and reported', () => {
    const box = project();
    init(box, { harnesses: ['opencode'] });
    const edited = `${read(box, '.opencode/plugins/airlock.ts')}// my change\n`;
    writeFileSync(join(box.root, '.opencode/plugins/airlock.ts'), edited);
    mkdirSync(join(box.root, '.cursor'));
    const jsonc = '{\n  // mine\n  "version": 1,\n}\n';
    writeFileSync(join(box.root, '.cursor/hooks.json'), jsonc);
    const result = init(box, { harnesses: ['opencode', 'cursor'] });
    expect(read(box, '.opencode/plugins/airlock.ts')).toBe(edited);
    expect(read(box, '.cursor/hooks.json')).toBe(jsonc);
    expect(result.outcomes.filter((o) => o.status === 'skipped').map((o) => o.path)).toEqual([
      '.opencode/plugins/airlock.ts',
      '.cursor/hooks.json',
    ]);
    expect(result.text).toContain('not plain JSON (comments or trailing commas?); left alone. Add by hand:');
  });
});

describe('--dry-run and --local', () => {
  test('--dry-run writes nothing and prints a unified diff', () => {
    const box = project();
    const before = snapshot(box.root);
    const { text } = init(box, { dryRun: true, harnesses: ['claude-code'] });
    expect(snapshot(box.root)).toEqual(before);
    expect(text).toContain('would create .claude/settings.json');
    expect(text).toContain('--- /dev/null\n+++ b/.claude/settings.json\n@@ -0,0 +1,');
    expect(text).toContain('+            "command": "airlock hook --harness claude-code",');
    expect(text).toContain('Nothing was written (--dry-run).');
  });

  test('--dry-run on an existing file shows only the changed lines in context', () => {
    const box = project();
    mkdirSync(join(box.root, '.cursor'));
    writeFileSync(join(box.root, '.cursor/hooks.json'), '{\n  "version": 1,\n  "hooks": {}\n}\n');
    const { text } = init(box, { dryRun: true, harnesses: ['cursor'] });
    expect(text).toContain(
      '--- a/.cursor/hooks.json\n+++ b/.cursor/hooks.json\n@@ -1,4 +1,12 @@\n {\n   "version": 1,\n-  "hooks": {}\n+  "hooks": {\n+    "beforeShellExecution": [',
    );
  });

  test('without --local no written file holds a machine path', () => {
    const box = project();
    const { outcomes } = init(box);
    for (const o of outcomes) {
      expect(o.after ?? '', o.path).not.toContain(box.home);
      expect(o.after ?? '', o.path).not.toContain(box.base);
    }
  });

  test('--local puts absolute paths only in git-ignored files', () => {
    const box = project();
    expect(git(box.root, 'init', '-q').status).toBe(0);
    const { outcomes } = init(box, { local: true });
    const withPaths = outcomes.filter((o) => (o.after ?? '').includes(box.shimDir)).map((o) => o.path);
    expect(withPaths.sort()).toEqual(['.airlock/aider.env', '.claude/settings.local.json']);
    for (const path of withPaths) expect(git(box.root, 'check-ignore', '-q', path).status, path).toBe(0);
    for (const o of outcomes) {
      if (withPaths.includes(o.path)) continue;
      expect(o.after ?? '', o.path).not.toContain(box.base);
    }
    expect(git(box.root, 'check-ignore', '-q', '.claude/settings.json').status).toBe(1);
    expect(read(box, '.gitignore')).toBe(
      '# airlock: machine-specific files\n.claude/settings.local.json\n.airlock/aider.env\n',
    );
  });
});
