// Golden tests per harness: each payload in test/fixtures/hook/<harness>/<case>/input.json,
// in the harness's documented shape, goes through the real CLI (bin/airlock hook) with a fresh
// AIRLOCK_HOME; stdout, stderr and the exit status must equal expected.json.
// UPDATE_HOOK_GOLDEN=1 rewrites expected.json (review the diff before committing it).

import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildHookCli, type HookInstall, hookEnv, root, runHook, tempDir } from './hook-cli.js';

const fixtures = join(root, 'test', 'fixtures', 'hook');
const update = process.env.UPDATE_HOOK_GOLDEN === '1';
const CWD = '__CWD__';

interface Case {
  harness: string;
  name: string;
  dir: string;
}

const cases: Case[] = readdirSync(fixtures, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((h) =>
    readdirSync(join(fixtures, h.name)).map((name) => ({
      harness: h.name,
      name,
      dir: join(fixtures, h.name, name),
    })),
  );

let install: HookInstall;
let work: string;
beforeAll(async () => {
  install = await buildHookCli();
  work = realpathSync(tempDir('airlock-hook-golden-'));
}, 120_000);
afterAll(() => {
  install?.remove();
  if (work) rmSync(work, { recursive: true, force: true });
});

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

describe.each(cases)('$harness / $name', (c) => {
  test('answers exactly as expected', () => {
    const project = join(work, `${c.harness}-${c.name}`);
    const home = join(work, `home-${c.harness}-${c.name}`);
    rmSync(project, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
    mkdirSync(project, { recursive: true });
    const argsFile = join(c.dir, 'args.json');
    const args = existsSync(argsFile) ? (readJson(argsFile) as string[]) : ['--harness', c.harness];
    const envFile = join(c.dir, 'env.json');
    const extra = existsSync(envFile) ? (readJson(envFile) as Record<string, string>) : {};
    const input = readFileSync(join(c.dir, 'input.json'), 'utf8').replaceAll(CWD, project);
    const run = runHook(install.launcher, args, input, hookEnv(home, extra), project);
    // The answer must not depend on where the temp dirs happen to be.
    const actual = {
      exit: run.exit,
      stdout: run.stdout.replaceAll(project, CWD),
      stderr: run.stderr.replaceAll(project, CWD),
    };
    const expectedFile = join(c.dir, 'expected.json');
    if (update || !existsSync(expectedFile))
      writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(readJson(expectedFile));
    if (actual.stdout !== '') expect(() => JSON.parse(actual.stdout)).not.toThrow();
  });
});
