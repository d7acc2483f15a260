// The SQL packs' examples through the whole pipeline, with the SQL parsers loaded first
// as the orchestrator does before recognizing a line that runs a SQL client.

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPackFiles } from '../../../src/classify/load-packs.js';
import { checkExample, type EvaluateExample } from '../../../src/classify/rule-tester.js';
import { evaluateLine } from '../../../src/decide/evaluate.js';
import { prepareSqlParsers, sqlPrograms } from '../../../src/tools/sql/index.js';

const rules = new URL('../../../rules/', import.meta.url).pathname;
const { packs, problems } = loadPackFiles(
  ['psql.yaml', 'mysql.yaml', 'sqlite.yaml'].map((f) => join(rules, f)),
);
const evaluate: EvaluateExample = (run) =>
  evaluateLine(run.line, { env: run.env, cwd: run.cwd, packs, fs: run.fs, airlockPaths: run.airlockPaths });

beforeAll(async () => {
  await prepareSqlParsers(sqlPrograms);
});

it('the SQL packs load without problems', () => {
  expect(problems).toEqual([]);
  expect(packs.map((p) => p.name)).toEqual(['psql', 'mysql', 'sqlite']);
});

for (const pack of packs) {
  describe(pack.name, () => {
    for (const rule of pack.rules) {
      it(`${rule.id} has stop and pass examples`, () => {
        expect(rule.examples.stop.length).toBeGreaterThan(0);
        expect(rule.examples.pass.length).toBeGreaterThan(0);
      });
      for (const kind of ['stop', 'pass'] as const) {
        for (const example of rule.examples[kind]) {
          it(`${rule.id} ${kind}: ${typeof example === 'string' ? example : example.line}`, () => {
            expect(checkExample(rule, kind, example, evaluate).message ?? 'ok').toBe('ok');
          });
        }
      }
    }
  });
}
