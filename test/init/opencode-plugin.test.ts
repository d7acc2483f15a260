// The opencode plugin init writes, loaded as opencode loads it and run against the real
// airlock hook: an allowed command passes, a refused one throws with airlock's reason, other
// tools are not judged, and shell.env puts the shims first in PATH.

import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { opencodePlugin } from '../../src/init/opencode-plugin.js';
import { buildHookCli, type HookInstall, hookEnv } from '../hook/hook-cli.js';

type Hooks = {
  'tool.execute.before': (input: object, output: { args: object }) => Promise<void>;
  'shell.env': (input: object, output: { env: Record<string, string> }) => Promise<void>;
};

let install: HookInstall;
let base: string;
let hooks: Hooks;
const saved = { ...process.env };
beforeAll(async () => {
  install = await buildHookCli();
  base = realpathSync(mkdtempSync(join(tmpdir(), 'airlock-opencode-')));
  const env = hookEnv(join(base, 'airlock'), { HOME: join(base, 'home') });
  process.env.PATH = `${dirname(install.launcher)}:${env.PATH}`;
  process.env.AIRLOCK_HOME = env.AIRLOCK_HOME;
  process.env.AIRLOCK_NOTIFY = '0';
  const file = join(base, 'airlock.mjs');
  writeFileSync(file, opencodePlugin());
  const mod = (await import(pathToFileURL(file).href)) as { AirlockPlugin: (ctx: object) => Promise<Hooks> };
  hooks = await mod.AirlockPlugin({ directory: base });
}, 120_000);
afterAll(() => {
  process.env = saved;
  install?.remove();
  if (base) rmSync(base, { recursive: true, force: true });
});

test('an allowed command passes, a refused one throws with the reason', async () => {
  await expect(
    hooks['tool.execute.before']({ tool: 'bash', sessionID: 's' }, { args: { command: 'git status' } }),
  ).resolves.toBeUndefined();
  await expect(
    hooks['tool.execute.before']({ tool: 'bash', sessionID: 's' }, { args: { command: 'rm -rf /' } }),
  ).rejects.toThrow(/airlock/i);
  await expect(
    hooks['tool.execute.before']({ tool: 'read', sessionID: 's' }, { args: {} }),
  ).resolves.toBeUndefined();
});

test('shell.env puts the shim directory first and marks the agent', async () => {
  const output = { env: { PATH: '/usr/bin:/bin' } as Record<string, string> };
  await hooks['shell.env']({ cwd: base }, output);
  expect(output.env.PATH).toBe(`${join(base, 'airlock', 'data', 'shims')}:/usr/bin:/bin`);
  expect(output.env.AIRLOCK_AGENT).toBe('opencode');
});
