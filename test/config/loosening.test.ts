import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { defaultConfig } from '../../src/config/schema.js';
import { makeSandbox } from './sandbox.js';

/** Each project file tries one way to loosen; the key the problem must name; what must stay. */
const attempts: { name: string; yaml: string; key: string; line: number; user?: string }[] = [
  {
    name: 'set a rule to allow',
    yaml: 'rules:\n  git/push-force: allow\n',
    key: 'rules.git/push-force',
    line: 2,
  },
  {
    name: 'relax a user deny to approve',
    user: 'rules: { rm/root: deny }\n',
    yaml: 'rules: { rm/root: approve }\n',
    key: 'rules.rm/root',
    line: 1,
  },
  {
    name: 'put a prod name under dev',
    yaml: 'environments:\n  dev: [prod-eu]\n',
    key: 'environments.dev',
    line: 2,
  },
  {
    name: 'add a local pattern',
    yaml: 'environments:\n  local: ["*"]\n',
    key: 'environments.local',
    line: 2,
  },
  {
    name: 'remove a default prod pattern',
    yaml: 'environments:\n  prod: ["!live"]\n',
    key: 'environments.prod',
    line: 2,
  },
  {
    name: 'remove a default staging pattern',
    yaml: 'environments:\n  staging: ["!stg"]\n',
    key: 'environments.staging',
    line: 2,
  },
  {
    name: 'remove a protected target the user set',
    user: 'protected: [/srv/data]\n',
    yaml: 'protected:\n  - "!/srv/data"\n',
    key: 'protected',
    line: 2,
  },
  { name: 'add a regenerable name', yaml: 'regenerable: [src]\n', key: 'regenerable', line: 1 },
  { name: 'turn off audit signing', yaml: 'audit:\n  key: false\n', key: 'audit.key', line: 2 },
  { name: 'turn off the trash', yaml: 'undo:\n  trash: never\n', key: 'undo.trash', line: 2 },
  {
    name: 'move the trash from always back to recursive',
    user: 'undo: { trash: always }\n',
    yaml: 'undo: { trash: recursive }\n',
    key: 'undo.trash',
    line: 1,
  },
  { name: 'shrink the trash', yaml: 'undo: { trashLimit: 1MB }\n', key: 'undo.trashLimit', line: 1 },
  {
    name: 'lengthen approval grants',
    yaml: 'approval:\n  grantTtl: 30d\n',
    key: 'approval.grantTtl',
    line: 2,
  },
  {
    name: 'drop a pack the user loads',
    user: 'packs: [/opt/packs/team.yaml]\n',
    yaml: 'packs: ["!/opt/packs/team.yaml"]\n',
    key: 'packs',
    line: 1,
  },
  {
    name: 'drop a shim the user added',
    user: 'shims: { extra: [mytool] }\n',
    yaml: 'shims: { extra: ["!mytool"] }\n',
    key: 'shims.extra',
    line: 1,
  },
];

describe('project config may only tighten', () => {
  test.each(attempts)('$name is reported with file and key, and ignored', ({ yaml, key, line, user }) => {
    const box = makeSandbox();
    if (user) box.write('airlock-home/config/config.yaml', user);
    const file = box.write('project/.airlockrc.yaml', yaml);
    const result = loadConfig({ cwd: box.project, env: box.env });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file, key, line, kind: 'loosening' });
    expect(result.problems[0]!.message).toContain('may only tighten');
    expect(result.problems[0]!.fix).toContain(box.userFile);
    // Ignored: the effective config is what it was without the project file.
    const without = makeSandbox();
    if (user) without.write('airlock-home/config/config.yaml', user);
    const baseline = loadConfig({ cwd: without.project, env: without.env }).config;
    expect(result.config).toEqual(baseline);
    expect(Object.values(result.sources)).not.toContain(file);
  });

  test('the rest of a file that also tries to loosen still applies', () => {
    const box = makeSandbox();
    box.write(
      'project/.airlockrc.yaml',
      'rules: { git/push-force: allow, git/clean: deny }\nprotected: [/srv]\n',
    );
    const result = loadConfig({ cwd: box.project, env: box.env });
    expect(result.problems.map((p) => p.key)).toEqual(['rules.git/push-force']);
    expect(result.config.rules).toEqual({ 'git/clean': 'deny' });
    expect(result.config.protected).toEqual(['/srv']);
  });

  test('repeating what is already in effect is not a loosening', () => {
    const box = makeSandbox();
    box.write('airlock-home/config/config.yaml', 'rules: { git/push-force: allow }\n');
    box.write('project/.airlockrc.yaml', 'rules: { git/push-force: allow }\nenvironments: { dev: [dev] }\n');
    const result = loadConfig({ cwd: box.project, env: box.env });
    expect(result.problems).toEqual([]);
    expect(result.sources['rules.git/push-force']).toBe(box.userFile);
  });

  test('approval.wait and probes.timeout are not safety settings: a project may lower them', () => {
    const box = makeSandbox();
    box.write('project/.airlockrc.yaml', 'approval: { wait: 0 }\nprobes: { timeout: 100 }\n');
    const result = loadConfig({ cwd: box.project, env: box.env });
    expect(result.problems).toEqual([]);
    expect(result.config.approval.wait).toBe(0);
    expect(result.config.probes.timeout).toBe(100);
  });

  test('a JS project config is held to the same limits', () => {
    const box = makeSandbox();
    const file = box.write(
      'project/airlock.config.cjs',
      "module.exports = { regenerable: ['src'], audit: { key: false } };\n",
    );
    const result = loadConfig({ cwd: box.project, env: box.env });
    expect(result.problems.map((p) => [p.file, p.key, p.kind])).toEqual([
      [file, 'regenerable', 'loosening'],
      [file, 'audit.key', 'loosening'],
    ]);
    expect(result.config).toEqual(defaultConfig());
  });
});
