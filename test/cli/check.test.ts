import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sandbox } from './helpers.js';

const box = sandbox();
afterAll(() => box.cleanup());

describe('airlock check (built CLI)', () => {
  it.each([
    ['git status', 0, 'ALLOW'],
    ['git push --force origin main', 91, 'NEEDS APPROVAL'],
    ['rm -rf /', 90, 'REFUSED'],
  ])('%s exits %i', (line, status, badge) => {
    const run = box.run(['check', line]);
    expect(run.status).toBe(status);
    expect(run.stdout).toContain(badge);
  });

  it('prints a usage error with its own exit status', () => {
    const run = box.run(['check']);
    expect(run.status).toBe(96);
    expect(run.stderr).toContain('airlock check --help');
  });

  it('--json has the documented shape', () => {
    const run = box.run(['check', '--json', "psql -c 'SELECT 1; DROP TABLE users'"]);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ decision: 'approve', effect: 'destroy' });
    expect(json.findings[0]).toMatchObject({
      rule: 'psql/drop',
      effect: 'destroy',
      command: expect.any(String),
      reason: expect.any(String),
    });
    expect(Array.isArray(json.unknowns)).toBe(true);
  });

  it('--batch answers every input line once, in order, and never stops early', () => {
    const lines = [
      '{"cmd":"ls"}',
      'not json',
      '{"other":1}',
      '',
      '{"cmd":"rm -rf /"}',
      '{"cmd":"git status","id":7}',
    ];
    const run = box.run(['check', '--batch'], { input: `${lines.join('\n')}\n` });
    expect(run.status).toBe(0);
    const out = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.decision)).toEqual(['allow', 'approve', 'approve', 'approve', 'deny', 'allow']);
    expect(out[1].error).toBeTruthy();
    expect(out[2].error).toMatch(/cmd/);
  });

  it('--cwd and --env evaluate as if run elsewhere', () => {
    const project = join(box.dir, 'project');
    mkdirSync(join(project, 'node_modules', 'x'), { recursive: true });
    mkdirSync(join(project, '.git'), { recursive: true });
    expect(box.run(['check', '--cwd', project, 'rm -rf node_modules']).status).toBe(0);
    expect(box.run(['check', '--cwd', project, 'rm -rf src']).status).toBe(91);
    expect(box.run(['check', '--env', 'DIR=node_modules', '--cwd', project, 'rm -rf $DIR']).status).toBe(0);
    expect(box.run(['check', '--cwd', project, 'rm -rf $DIR']).status).toBe(91);
  });

  it('honours NO_COLOR and FORCE_COLOR', () => {
    expect(box.run(['check', 'git status']).stdout).not.toContain('\u001b[');
    const colored = box.run(['check', 'git status'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(colored.stdout).toContain('\u001b[');
  });

  it('check runs nothing', () => {
    const victim = join(box.dir, 'victim');
    writeFileSync(victim, 'x');
    box.run(['check', `rm -f ${victim}; touch ${victim}.made`]);
    expect(box.run(['check', 'true']).status).toBe(0);
    expect(existsSync(`${victim}.made`)).toBe(false);
    expect(existsSync(victim)).toBe(true);
  });

  it('teaches in --help', () => {
    const run = box.run(['check', '--help']);
    expect(run.stdout).toContain('--batch');
    expect(run.stdout).toContain('Exit status');
    expect(box.run(['--help']).stdout).toContain('Exit status');
  });
});
