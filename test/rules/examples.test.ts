// One test per example of every rule in rules/*.yaml, run through the whole pipeline.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPackFiles } from '../../src/classify/load-packs.js';
import { checkExample, type EvaluateExample } from '../../src/classify/rule-tester.js';
import { evaluateLine } from '../../src/decide/evaluate.js';
import { prepareSqlParsers, sqlPrograms } from '../../src/tools/sql/index.js';

const rulesDir = join(new URL('../../rules/', import.meta.url).pathname);
const files = readdirSync(rulesDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => join(rulesDir, f));
const { packs, problems } = loadPackFiles(files);

// The SQL parsers load asynchronously; the pipeline itself is synchronous.
beforeAll(() => prepareSqlParsers(sqlPrograms));

const evaluate: EvaluateExample = (run) =>
  evaluateLine(run.line, { env: run.env, cwd: run.cwd, packs, fs: run.fs, airlockPaths: run.airlockPaths });

const text = (e: string | { line: string }) => (typeof e === 'string' ? e : e.line);

it('the built-in packs load without problems', () => {
  expect(problems).toEqual([]);
  expect(packs.map((p) => p.name)).toEqual(expect.arrayContaining(['fs', 'git', 'rm', 'self', 'shell']));
});

for (const pack of packs) {
  describe(pack.name, () => {
    for (const rule of pack.rules) {
      describe(rule.id, () => {
        for (const kind of ['stop', 'pass'] as const) {
          for (const example of rule.examples[kind]) {
            it(`${kind}: ${text(example)}`, () => {
              const result = checkExample(rule, kind, example, evaluate);
              expect(result.message ?? 'ok').toBe('ok');
            });
          }
        }
      });
    }
  });
}
