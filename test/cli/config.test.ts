// Config layers through the built CLI and real runs: a user config may loosen, a project
// config may only tighten (a loosening is reported by `config check`, naming file and key, and
// ignored when commands run), and `config show` names where each value came from.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shimBox } from './interpose.js';

const userConfig = 'rules:\n  rm/recursive: allow\n  git/push-force: deny\n';
const box = shimBox([], { config: userConfig, install: false });
const plain = shimBox([], { install: false });
afterAll(() => {
  box.cleanup();
  plain.cleanup();
});

const project = join(box.dir, 'project');
const projectFile = join(project, '.airlockrc.yaml');
mkdirSync(join(project, '.git'), { recursive: true });
writeFileSync(
  projectFile,
  'rules:\n  git/push-force: allow\n  rm/recursive: deny\nenvironments:\n  prod: [acme-prod]\n',
);

describe('config layers (built CLI)', () => {
  it('a user config that loosens a rule lets the command run', () => {
    mkdirSync(join(box.dir, 'victim', 'inner'), { recursive: true });
    const run = box.run(['sh', '-c', 'rm -r victim']);
    expect(run.status).toBe(0);
    expect(existsSync(join(box.dir, 'victim'))).toBe(false);
  });

  it('without it, the same command waits for approval and does not run', () => {
    mkdirSync(join(plain.dir, 'victim', 'inner'), { recursive: true });
    const run = plain.run(['sh', '-c', 'rm -r victim']);
    expect(run.status).toBe(93);
    expect(existsSync(join(plain.dir, 'victim'))).toBe(true);
  });

  it('a project config that tries to loosen is reported by config check, naming file and key', () => {
    const check = box.run(['config', 'check'], { cwd: project });
    expect(check.status).toBe(95);
    expect(check.stderr + check.stdout).toContain(
      `${projectFile}:2: rules.git/push-force: project config may only tighten`,
    );
    expect(box.run(['config', 'check']).status).toBe(0);
  });

  it('and the loosening is ignored when a command runs, while its tightening applies', () => {
    const push = box.run(['sh', '-c', 'git push --force origin main'], { cwd: project });
    expect(push.status).toBe(90);
    expect(push.stderr).toContain('git/push-force');
    mkdirSync(join(project, 'victim'), { recursive: true });
    const rm = box.run(['sh', '-c', 'rm -r victim'], { cwd: project });
    expect(rm.status).toBe(90);
    expect(existsSync(join(project, 'victim'))).toBe(true);
  });

  it('config show lists the sources and where each value came from', () => {
    const show = box.run(['config', 'show'], { cwd: project });
    expect(show.status).toBe(0);
    expect(show.stdout).toContain(`# user config: ${join(box.home, 'config', 'config.yaml')}`);
    expect(show.stdout).toContain(`# project config: ${projectFile}`);
    expect(show.stdout).toMatch(new RegExp(`- acme-prod\\s+# project ${projectFile.replace(/[.]/g, '\\.')}`));
    expect(show.stdout).toMatch(/- production\s+# default/);
  });
});
