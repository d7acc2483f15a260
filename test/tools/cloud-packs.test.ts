// Every example of the infrastructure packs (terraform, aws, gcloud, az, redis, mongo,
// storage) through the whole pipeline, one test per example.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPackFiles } from '../../src/classify/load-packs.js';
import { testRules } from '../../src/classify/rule-tester.js';
import { evaluateLine } from '../../src/decide/evaluate.js';

const rulesDir = new URL('../../rules/', import.meta.url).pathname;
const ours = ['terraform', 'aws', 'gcloud', 'az', 'redis', 'mongo', 'storage'];
const all = loadPackFiles(
  readdirSync(rulesDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(rulesDir, f)),
);

describe('infrastructure packs', () => {
  it('load without problems', () => {
    expect(all.problems).toEqual([]);
  });
  const results = testRules(
    all.packs,
    (run) =>
      evaluateLine(run.line, {
        env: run.env,
        cwd: run.cwd,
        fs: run.fs,
        packs: all.packs,
        airlockPaths: run.airlockPaths,
      }),
    (rule) => ours.includes(rule.pack),
  );
  it.each(results.map((r) => [`${r.rule} ${r.kind}: ${r.example}`, r] as const))('%s', (_name, result) => {
    expect(result.message ?? 'ok').toBe('ok');
  });
});
