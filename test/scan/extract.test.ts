// The extractors on their own: which text becomes a command, and the line of each of its lines.

import { describe, expect, test } from 'vitest';
import { extractGithubActions, extractGitlabCi } from '../../src/scan/extract-ci.js';
import { extractDockerfile } from '../../src/scan/extract-docker.js';
import { extractMake, makeToShell } from '../../src/scan/extract-make.js';
import { extractPackageScripts } from '../../src/scan/extract-simple.js';

const brief = (commands: { text: string; lines: number[]; argv?: string[]; cwd: string }[]) =>
  commands.map((c) => ({ text: c.text, lines: c.lines, ...(c.argv ? { argv: c.argv } : {}) }));

describe('Makefile', () => {
  test.each([
    ['$$HOME', '$HOME'],
    [`$(DB) and \${OUT}`, `\${MAKE_DB} and \${MAKE_OUT}`],
    ['$(shell git rev-parse HEAD)', '$(git rev-parse HEAD)'],
    ['$@ $< $(patsubst %.c,%.o,$(SRC))', `\${MAKE_AUTO} \${MAKE_AUTO} \${MAKE_EXPR}`],
  ])('make variables: %s', (make, shell) => {
    expect(makeToShell(make)).toBe(shell);
  });

  test('recipes only, prefixes stripped, continuations kept with their lines, inline recipes', () => {
    const text = [
      'X := a:b', // 1 assignment, not a rule
      'all: build ; @echo inline', // 2
      '\t-@rm -rf out \\', // 3
      '\t  tmp', // 4
      '', // 5
      '# comment', // 6
      'ifeq ($(CI),1)', // 7
      '\t+kubectl apply -f x.yaml', // 8
      'endif', // 9
      'Y = 1', // 10 ends the recipe
      '\tnot a recipe', // 11
    ].join('\n');
    expect(brief(extractMake(text, 'Makefile', '/r'))).toEqual([
      { text: 'echo inline', lines: [2] },
      { text: 'rm -rf out \\\n  tmp', lines: [3, 4] },
      { text: 'kubectl apply -f x.yaml', lines: [8] },
    ]);
  });
});

describe('Dockerfile', () => {
  test('continuations without comment lines, exec form, heredoc, flags', () => {
    const text = [
      'FROM x', // 1
      'RUN --mount=type=cache,target=/c apt-get update && \\', // 2
      '  # note', // 3
      '  rm -rf /var/cache/apt', // 4
      'RUN ["rm", "-rf", "/data"]', // 5
      'RUN <<EOF', // 6
      'set -e', // 7
      'dropdb x', // 8
      'EOF', // 9
      'run echo lower', // 10
    ].join('\n');
    expect(brief(extractDockerfile(text, 'Dockerfile'))).toEqual([
      { text: 'apt-get update && \\\n  rm -rf /var/cache/apt', lines: [2, 4] },
      { text: 'rm -rf /data', lines: [5], argv: ['rm', '-rf', '/data'] },
      { text: 'set -e\ndropdb x', lines: [7, 8] },
      { text: 'echo lower', lines: [10] },
    ]);
  });

  test('each RUN runs in the directory the last WORKDIR names, as Docker resolves it', () => {
    const text = [
      'FROM x',
      'RUN pwd',
      'WORKDIR /srv/app',
      'RUN ls',
      'WORKDIR sub/../build',
      'RUN make',
      'WORKDIR $HOME',
      'RUN make install',
    ].join('\n');
    expect(extractDockerfile(text, 'Dockerfile').map((c) => `${c.cwd} ${c.text}`)).toEqual([
      '/ pwd',
      '/srv/app ls',
      '/srv/app/build make',
      // A variable is not known here: the directory stays what it was.
      '/srv/app/build make install',
    ]);
  });

  test('escape directive and a non-POSIX SHELL', () => {
    const text = [
      '# escape=`',
      'FROM x',
      'RUN echo a `',
      '  b',
      'SHELL ["pwsh", "-c"]',
      'RUN Remove-Item x',
    ].join('\n');
    expect(brief(extractDockerfile(text, 'Dockerfile'))).toEqual([{ text: 'echo a \\\n  b', lines: [3, 4] }]);
  });
});

describe('CI files', () => {
  test('GitHub Actions: literal blocks keep their lines, working-directory, expressions dynamic', () => {
    const text = [
      'jobs:', // 1
      '  a:', // 2
      '    defaults:', // 3
      '      run:', // 4
      '        working-directory: app', // 5
      '    steps:', // 6
      `      - run: make \${{ matrix.target }}`, // 7
      '      - run: |', // 8
      '          echo one', // 9
      '          echo two', // 10
      '        working-directory: other', // 11
      '      - run: python x.py', // 12
      '        shell: python', // 13
    ].join('\n');
    const { commands } = extractGithubActions(text, 'w.yml', '/r');
    expect(commands.map((c) => [c.text, c.lines, c.cwd])).toEqual([
      [`make \${GITHUB_EXPR}`, [7], '/r/app'],
      ['echo one\necho two\n', [9, 10, 11], '/r/other'],
    ]);
  });

  test('GitLab CI: script lists (nested too), before/after scripts, top-level defaults', () => {
    const text = [
      'before_script:', // 1
      '  - echo top', // 2
      'job:', // 3
      '  script:', // 4
      '    - echo a', // 5
      '    - - echo nested', // 6
      '  after_script: echo after', // 7
      'variables:', // 8
      '  script: not-a-job', // 9
    ].join('\n');
    const { commands } = extractGitlabCi(text, '.gitlab-ci.yml', '/r');
    expect(commands.map((c) => [c.text, c.lines])).toEqual([
      ['echo top', [2]],
      ['echo a', [5]],
      ['echo nested', [6]],
      ['echo after', [7]],
    ]);
  });

  test('package.json: each script with the line of its key; invalid JSON is a problem', () => {
    const text =
      '{\n  "build": "x",\n  "scripts": {\n    "build": "tsc",\n    "clean": "rm -rf dist"\n  }\n}\n';
    expect(extractPackageScripts(text, 'package.json', '/r').commands.map((c) => [c.text, c.lines])).toEqual([
      ['tsc', [4]],
      ['rm -rf dist', [5]],
    ]);
    expect(extractPackageScripts('{', 'package.json', '/r').problem).toMatch(/^package.json: not valid JSON/);
  });
});
