import { expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { configShowJson, renderConfigProblems, renderConfigShow } from '../../src/config/show.js';
import { makeSandbox } from './sandbox.js';

function lineWith(text: string, start: string): string {
  return text.split('\n').find((line) => line.trimStart().startsWith(start)) ?? '';
}

test('config show: each value with its source, files and problems', () => {
  const box = makeSandbox();
  box.write('airlock-home/config/config.yaml', 'approval: { wait: 30 }\nrules: { git/clean: allow }\n');
  const project = box.write(
    'project/.airlockrc.yaml',
    'environments: { prod: [acme-main] }\naudit: { key: false }\n',
  );
  const text = renderConfigShow(loadConfig({ cwd: box.project, env: box.env }));
  expect(text).toContain(`# user config: ${box.userFile}\n`);
  expect(text).toContain(`# project config: ${project}\n`);
  expect(lineWith(text, 'wait:')).toMatch(new RegExp(`^  wait: 30 +# user ${box.userFile}$`));
  expect(lineWith(text, 'grantTtl:')).toMatch(/^ {2}grantTtl: 15m +# default$/);
  expect(lineWith(text, 'git/clean:')).toMatch(new RegExp(`^  git/clean: allow +# user ${box.userFile}$`));
  expect(lineWith(text, '- acme-main')).toMatch(new RegExp(`^    - acme-main +# project ${project}$`));
  expect(lineWith(text, '- "::1"')).toMatch(/# default$/);
  expect(lineWith(text, 'key:')).toMatch(/^ {2}key: true +# default$/);
  expect(text).toContain('# 1 problem(s):');
  expect(text).toContain(`${project}:2: audit.key: project config may only tighten`);
  // Source comments line up in one column.
  const columns = new Set(
    text
      .split('\n')
      .filter((line) => !line.startsWith('#') && line.includes('# '))
      .map((line) => line.indexOf('# ')),
  );
  expect(columns.size).toBe(1);
});

test('config show with defaults only says so', () => {
  const box = makeSandbox();
  const text = renderConfigShow(loadConfig({ cwd: box.project, env: box.env }));
  expect(text.startsWith('# user config: none\n# project config: none\n')).toBe(true);
  expect(text).toContain('protected: []\n');
  expect(text).toContain('rules: {}\n');
  expect(text).not.toContain('problem');
});

test('--json data: config, sorted sources, files, problems; JSON round-trips', () => {
  const box = makeSandbox();
  box.write('project/.airlockrc.yaml', 'protected: [/srv]\nundo: { trash: never }\n');
  const data = configShowJson(loadConfig({ cwd: box.project, env: box.env }));
  expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  const keys = Object.keys(data.sources);
  expect(keys).toEqual([...keys].sort());
  expect(data.config.protected).toEqual(['/srv']);
  expect(data.problems).toHaveLength(1);
  expect(renderConfigProblems(data.problems)).toMatch(/\.airlockrc\.yaml:2: undo\.trash: .*\n$/);
});
