import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { defaultConfig } from '../../src/config/schema.js';
import { defaultPolicy } from '../../src/decide/policy.js';
import { makeSandbox } from './sandbox.js';

describe('loadConfig', () => {
  test('no files: the built-in defaults, every value from default', () => {
    const box = makeSandbox();
    const result = loadConfig({ cwd: box.project, env: box.env });
    expect(result.problems).toEqual([]);
    expect(result.files).toEqual({ project: [] });
    expect(result.config).toEqual(defaultConfig());
    expect(result.config.environments).toEqual(defaultPolicy.environments);
    expect(result.config.approval).toEqual({ wait: 120, grantTtl: '15m' });
    expect(result.config.undo).toEqual({ trash: 'recursive', trashLimit: '5GB' });
    expect(new Set(Object.values(result.sources))).toEqual(new Set(['default']));
    expect(result.sources['approval.wait']).toBe('default');
    expect(result.sources['environments.prod[live]']).toBe('default');
  });

  test('callers may mutate the result without changing the next one', () => {
    const box = makeSandbox();
    const first = loadConfig({ cwd: box.project, env: box.env });
    first.config.environments.prod.length = 0;
    first.config.regenerable.push('src');
    const second = loadConfig({ cwd: box.project, env: box.env });
    expect(second.config.environments.prod).toContain('prod');
    expect(second.config.regenerable).not.toContain('src');
  });

  test('user config may loosen, and is recorded as the source', () => {
    const box = makeSandbox();
    box.write(
      'airlock-home/config/config.yaml',
      [
        'rules:',
        '  git/push-force: allow',
        'environments:',
        '  prod: ["!live"]',
        '  dev: [qa]',
        'regenerable: ["!out", vendor]',
        'audit: { key: false }',
        'undo: { trash: never, trashLimit: 1GB }',
        'approval: { wait: 30, grantTtl: 1h }',
        '',
      ].join('\n'),
    );
    const result = loadConfig({ cwd: box.project, env: box.env });
    expect(result.problems).toEqual([]);
    expect(result.files.user).toBe(box.userFile);
    const { config, sources } = result;
    expect(config.rules['git/push-force']).toBe('allow');
    expect(config.environments.prod).not.toContain('live');
    expect(config.environments.dev).toContain('qa');
    expect(config.regenerable).not.toContain('out');
    expect(config.regenerable).toContain('vendor');
    expect(config.audit.key).toBe(false);
    expect(config.undo).toEqual({ trash: 'never', trashLimit: '1GB' });
    expect(config.approval).toEqual({ wait: 30, grantTtl: '1h' });
    expect(sources['rules.git/push-force']).toBe(box.userFile);
    expect(sources['environments.dev[qa]']).toBe(box.userFile);
    expect(sources['environments.dev[dev]']).toBe('default');
    expect(sources['environments.prod[live]']).toBeUndefined();
    expect(sources['approval.grantTtl']).toBe(box.userFile);
    expect(sources['probes.timeout']).toBe('default');
  });

  test('project config tightens: prod names, protected targets, stricter rules, packs', () => {
    const box = makeSandbox();
    const file = box.write(
      'project/.airlockrc.yaml',
      [
        'environments:',
        '  prod: [acme-main]',
        '  staging: [acme-qa]',
        '  dev: ["!test"]',
        'protected: [/srv/data]',
        'regenerable: ["!dist"]',
        'rules:',
        '  git/push-force: deny',
        '  rm/recursive: approve',
        'packs: [rules/team.yaml]',
        'shims: { extra: [mytool] }',
        'audit: { key: true }',
        'undo: { trash: always, trashLimit: 20GB }',
        'approval: { wait: 10, grantTtl: 5m }',
        'probes: { timeout: 500 }',
        '',
      ].join('\n'),
    );
    const result = loadConfig({ cwd: box.project, env: box.env });
    expect(result.problems).toEqual([]);
    expect(result.files).toEqual({ project: [file] });
    const { config, sources } = result;
    expect(config.environments.prod).toEqual([...defaultPolicy.environments.prod, 'acme-main']);
    expect(config.environments.staging).toContain('acme-qa');
    expect(config.environments.dev).not.toContain('test');
    expect(config.protected).toEqual(['/srv/data']);
    expect(config.regenerable).not.toContain('dist');
    expect(config.rules).toEqual({ 'git/push-force': 'deny', 'rm/recursive': 'approve' });
    expect(config.packs).toEqual([join(box.project, 'rules/team.yaml')]);
    expect(config.shims.extra).toEqual(['mytool']);
    expect(config.undo).toEqual({ trash: 'always', trashLimit: '20GB' });
    expect(config.approval).toEqual({ wait: 10, grantTtl: '5m' });
    expect(config.probes.timeout).toBe(500);
    expect(sources['environments.prod[acme-main]']).toBe(file);
    expect(sources['rules.git/push-force']).toBe(file);
    expect(sources['protected[/srv/data]']).toBe(file);
    expect(sources['approval.wait']).toBe(file);
    // Equal to the default: nothing changed, so the default stays the source.
    expect(sources['audit.key']).toBe('default');
  });

  test('project config tightens what the user loosened', () => {
    const box = makeSandbox();
    box.write('airlock-home/config/config.yaml', 'rules: { git/push-force: allow }\n');
    const file = box.write('project/.airlockrc.yaml', 'rules: { git/push-force: approve }\n');
    const result = loadConfig({ cwd: box.project, env: box.env });
    expect(result.problems).toEqual([]);
    expect(result.config.rules['git/push-force']).toBe('approve');
    expect(result.sources['rules.git/push-force']).toBe(file);
  });

  test('project config is found from a nested subdirectory', () => {
    const box = makeSandbox();
    const file = box.write('project/.airlockrc.yaml', 'protected: [billing-db]\n');
    const nested = box.mkdir('project/src/deep/er');
    const result = loadConfig({ cwd: nested, env: box.env });
    expect(result.files.project).toEqual([file]);
    expect(result.config.protected).toEqual(['billing-db']);
  });

  test('a nested config does not hide a stricter one above it', () => {
    const box = makeSandbox();
    const outer = box.write('project/.airlockrc.yaml', 'environments: { prod: [acme-main] }\n');
    const inner = box.write('project/service/.airlockrc.json', '{"protected": ["/srv/x"]}\n');
    const result = loadConfig({ cwd: join(box.project, 'service'), env: box.env });
    expect(result.files.project).toEqual([outer, inner]);
    expect(result.config.environments.prod).toContain('acme-main');
    expect(result.config.protected).toEqual(['/srv/x']);
  });

  test('an empty config file and a package.json without an airlock key are not config', () => {
    const box = makeSandbox();
    box.write('project/.airlockrc.yaml', '# nothing yet\n');
    box.write('project/package.json', '{"name": "airlock-demo", "dependencies": {"airlock": "^1"}}\n');
    const result = loadConfig({ cwd: box.project, env: box.env });
    expect(result.files).toEqual({ project: [] });
    expect(result.problems).toEqual([]);
    expect(result.config).toEqual(defaultConfig());
  });
});

describe('project config formats', () => {
  const body = { protected: ['/srv/data'], environments: { prod: ['acme-main'] } };
  const formats: [string, string][] = [
    ['.airlockrc', JSON.stringify(body)],
    ['.airlockrc', 'protected: [/srv/data]\nenvironments:\n  prod: [acme-main]\n'],
    ['.airlockrc.json', JSON.stringify(body, null, 2)],
    ['.airlockrc.yaml', 'protected: [/srv/data]\nenvironments:\n  prod: [acme-main]\n'],
    ['.airlockrc.yml', 'protected:\n  - /srv/data\nenvironments: { prod: [acme-main] }\n'],
    ['.airlockrc.js', `module.exports = ${JSON.stringify(body)};\n`],
    ['.airlockrc.cjs', `module.exports = ${JSON.stringify(body)};\n`],
    ['.config/airlockrc.yaml', 'protected: [/srv/data]\nenvironments: { prod: [acme-main] }\n'],
    ['.config/airlockrc.json', JSON.stringify(body)],
    ['airlock.config.js', `module.exports = ${JSON.stringify(body)};\n`],
    [
      'airlock.config.cjs',
      `exports.protected = ['/srv/data'];\nexports.environments = { prod: ['acme-main'] };\n`,
    ],
    ['package.json', JSON.stringify({ name: 'demo', airlock: body })],
  ];

  test.each(formats)('%s', (name, text) => {
    const box = makeSandbox();
    const file = box.write(`project/${name}`, text);
    const result = loadConfig({ cwd: box.project, env: box.env });
    expect(result.problems).toEqual([]);
    expect(result.files.project).toEqual([file]);
    expect(result.config.protected).toEqual(['/srv/data']);
    expect(result.config.environments.prod).toContain('acme-main');
    expect(result.sources['protected[/srv/data]']).toBe(file);
  });

  test('airlock.config.js as an ES module (default export)', () => {
    const box = makeSandbox();
    box.write('project/package.json', '{"type": "module"}\n');
    const file = box.write('project/airlock.config.js', 'export default { protected: ["/srv/esm"] };\n');
    const result = loadConfig({ cwd: box.project, env: box.env });
    expect(result.problems).toEqual([]);
    expect(result.files.project).toEqual([file]);
    expect(result.config.protected).toEqual(['/srv/esm']);
  });

  test('several files in one directory all apply, and the duplication is reported', () => {
    const box = makeSandbox();
    const pkg = box.write('project/package.json', JSON.stringify({ airlock: { protected: ['/a'] } }));
    const yaml = box.write('project/.airlockrc.yaml', 'protected: [/b]\n');
    const js = box.write('project/airlock.config.js', "module.exports = { protected: ['/c'] };\n");
    const result = loadConfig({ cwd: box.project, env: box.env });
    expect(result.files.project).toEqual([js, yaml, pkg]);
    expect(result.config.protected).toEqual(['/c', '/b', '/a']);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ kind: 'duplicate', file: pkg });
  });
});
