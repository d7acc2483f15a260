import { describe, expect, test } from 'vitest';
import { checkConfigFiles, loadConfig } from '../../src/config/load.js';
import { makeSandbox } from './sandbox.js';

describe('checkConfigFiles', () => {
  test('clean files: no problems', () => {
    const box = makeSandbox();
    box.write('airlock-home/config/config.yaml', 'approval: { wait: 60 }\n');
    box.write('project/.airlockrc.yaml', 'protected: [/srv]\n');
    expect(checkConfigFiles({ cwd: box.project, env: box.env })).toEqual([]);
  });

  test('malformed YAML reports the line, and the file is ignored', () => {
    const box = makeSandbox();
    const file = box.write('airlock-home/config/config.yaml', 'approval:\n  wait: 30\nrules: [\n  oops: {\n');
    const problems = checkConfigFiles({ cwd: box.project, env: box.env });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ file, kind: 'syntax', key: '' });
    expect(problems[0]!.line).toBeGreaterThanOrEqual(3);
    expect(loadConfig({ cwd: box.project, env: box.env }).config.approval.wait).toBe(120);
  });

  test('a duplicate YAML key is a syntax problem on its line', () => {
    const box = makeSandbox();
    const file = box.write('project/.airlockrc.yaml', 'protected: [/a]\nprotected: [/b]\n');
    const problems = checkConfigFiles({ cwd: box.project, env: box.env });
    expect(problems).toEqual([expect.objectContaining({ file, kind: 'syntax', line: 2 })]);
  });

  test('malformed JSON reports the line', () => {
    const box = makeSandbox();
    const file = box.write('project/.airlockrc.json', '{\n  "protected": ["/a"],\n}\n');
    const problems = checkConfigFiles({ cwd: box.project, env: box.env });
    expect(problems).toEqual([expect.objectContaining({ file, kind: 'syntax', line: 3 })]);
  });

  test('a JS config that throws is reported, not thrown', () => {
    const box = makeSandbox();
    const file = box.write('project/airlock.config.cjs', "throw new Error('broken config');\n");
    const problems = checkConfigFiles({ cwd: box.project, env: box.env });
    expect(problems).toEqual([expect.objectContaining({ file, kind: 'syntax' })]);
    expect(problems[0]!.message).toContain('broken config');
  });

  test('unknown keys are reported with their line and a did-you-mean', () => {
    const box = makeSandbox();
    const file = box.write(
      'airlock-home/config/config.yaml',
      'protcted: [/srv]\napproval:\n  wiat: 10\nenvironments:\n  production: [x]\n  unknown: [y]\n',
    );
    const problems = checkConfigFiles({ cwd: box.project, env: box.env });
    expect(problems.map((p) => [p.key, p.kind, p.line])).toEqual([
      ['protcted', 'unknown-key', 1],
      ['approval.wiat', 'unknown-key', 3],
      ['environments.production', 'unknown-key', 5],
      ['environments.unknown', 'unknown-key', 6],
    ]);
    expect(problems.map((p) => p.file)).toEqual([file, file, file, file]);
    expect(problems[0]!.fix).toContain('did you mean "protected"');
    expect(problems[1]!.fix).toContain('did you mean "wait"');
    expect(problems[2]!.fix).toContain('did you mean "prod"');
    expect(problems[3]!.fix).toContain('no pattern matches');
  });

  const wrongTypes: [string, string, string][] = [
    ['approval: { wait: soon }', 'approval.wait', 'seconds'],
    ['approval: { wait: -5 }', 'approval.wait', 'seconds'],
    ['approval: { grantTtl: 15 }', 'approval.grantTtl', 'duration'],
    ['approval: { grantTtl: 15 minutes }', 'approval.grantTtl', 'duration'],
    ['probes: { timeout: 0 }', 'probes.timeout', 'milliseconds'],
    ['audit: { key: "yes" }', 'audit.key', 'true or false'],
    ['undo: { trash: sometimes }', 'undo.trash', 'recursive, always or never'],
    ['undo: { trashLimit: lots }', 'undo.trashLimit', 'size'],
    ['rules: { git/push-force: aprove }', 'rules.git/push-force', 'allow, approve or deny'],
    ['rules: [git/push-force]', 'rules', 'mapping'],
    ['protected: /srv/data', 'protected', 'list'],
    ['regenerable: [1, tmp]', 'regenerable', 'non-empty string'],
    ['shims: { extra: [/usr/bin/tool] }', 'shims.extra', 'program name'],
    ['approval: 5', 'approval', 'mapping'],
    ['- just\n- a list', '', 'mapping'],
  ];

  test.each(wrongTypes)('wrong type %j is reported at %s', (yaml, key, expected) => {
    const box = makeSandbox();
    const file = box.write('airlock-home/config/config.yaml', `${yaml}\n`);
    const problems = checkConfigFiles({ cwd: box.project, env: box.env });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file, key, kind: 'type' });
    expect(problems[0]!.message).toContain(expected);
  });

  test('a misspelled choice gets a did-you-mean', () => {
    const box = makeSandbox();
    box.write('airlock-home/config/config.yaml', 'rules: { git/push-force: aprove }\n');
    const [problem] = checkConfigFiles({ cwd: box.project, env: box.env });
    expect(problem!.fix).toContain('did you mean "approve"');
    expect(problem!.line).toBe(1);
  });

  test('loosening attempts are part of the check', () => {
    const box = makeSandbox();
    const file = box.write('project/.airlockrc.yaml', 'regenerable: [src]\n');
    expect(checkConfigFiles({ cwd: box.project, env: box.env })).toEqual([
      expect.objectContaining({ file, key: 'regenerable', kind: 'loosening', line: 1 }),
    ]);
  });

  test('TypeScript and ES-module-only config files are reported as unsupported', () => {
    const box = makeSandbox();
    const ts = box.write('project/airlock.config.ts', 'export default {};\n');
    const mjs = box.write('project/.airlockrc.mjs', 'export default {};\n');
    const problems = checkConfigFiles({ cwd: box.project, env: box.env });
    expect(problems.map((p) => [p.file, p.kind]).sort()).toEqual(
      [
        [mjs, 'unsupported'],
        [ts, 'unsupported'],
      ].sort(),
    );
  });
});
