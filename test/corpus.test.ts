// The whole-line corpus: every line of test/corpus/*.jsonl (and enabled infra families) runs
// through evaluateLine in a real git project, and its decision must match the label.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadPackFiles } from '../src/classify/load-packs.js';
import type { Pack, PackProblem } from '../src/classify/rule.js';
import { airlockPaths } from '../src/config/paths.js';
import { evaluateLine } from '../src/decide/evaluate.js';
import type { Verdict } from '../src/decide/verdict.js';
import { realFs } from '../src/tools/real-fs.js';
import { prepareSqlParsers, sqlPrograms } from '../src/tools/sql/index.js';
import { type CorpusFixture, createCorpusFixture, expandPlaceholders } from './corpus/fixture.js';
import { type CorpusLine, readCorpus } from './corpus/load-corpus.js';

const repoRoot = new URL('..', import.meta.url).pathname;
const corpusDir = join(repoRoot, 'test/corpus');
const rulesDir = join(repoRoot, 'rules');

/** The machine every line is judged on, unless the line says otherwise. */
const defaultEnv = { HOME: '/home/dev', PATH: '/usr/bin:/bin', USER: 'dev' };

const corpus = readCorpus(corpusDir, process.env);

let fixture: CorpusFixture;
let packs: Pack[] = [];
let packProblems: PackProblem[] = [];
const tally = new Map<string, { total: number; matched: number }>();

beforeAll(async () => {
  await prepareSqlParsers(sqlPrograms);
  fixture = createCorpusFixture();
  const files = readdirSync(rulesDir)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .map((name) => join(rulesDir, name));
  ({ packs, problems: packProblems } = loadPackFiles(files));
});

afterAll(() => {
  fixture?.remove();
  const rows = [...tally.entries()].map(([family, t]) => `  ${family.padEnd(24)} ${t.matched}/${t.total}`);
  const pending = corpus.pending.length;
  console.log(
    `corpus: lines matching their label per family\n${rows.join('\n')}\n  (${pending} infra lines pending)`,
  );
});

function evaluate(line: CorpusLine): Verdict {
  const cwd = line.cwd === undefined ? fixture.project : expandPlaceholders(line.cwd, fixture);
  const lineEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(line.env ?? {}))
    lineEnv[key] = expandPlaceholders(value, fixture);
  // A shell keeps PWD in step with its directory; lines may rely on "$PWD".
  const env = { ...defaultEnv, PWD: cwd, ...lineEnv };
  return evaluateLine(line.cmd, { env, cwd, packs, fs: realFs, airlockPaths: airlockPaths(env) });
}

function matches(expectation: CorpusLine['expect'], verdict: Verdict): boolean {
  if (expectation === 'pass') return verdict.decision === 'allow';
  if (expectation === 'deny') return verdict.decision === 'deny';
  return verdict.decision !== 'allow';
}

function explain(line: CorpusLine, verdict: Verdict): string {
  const findings = verdict.findings.map(
    (f) => `${f.rule} → ${f.decision} (${f.effect}, ${f.environment.name}) in ${JSON.stringify(f.command)}`,
  );
  const unknowns = verdict.unknowns.map((u) => `${u.kind}: ${u.reason}`);
  return [
    `${line.file}:${line.lineNo} ${JSON.stringify(line.cmd)}`,
    `  expected: ${line.expect}${line.note ? ` (${line.note})` : ''}`,
    `  actual:   ${verdict.decision} (effect ${verdict.effect})`,
    `  findings: ${findings.length > 0 ? findings.join('; ') : 'none'}`,
    `  unknowns: ${unknowns.length > 0 ? unknowns.join('; ') : 'none'}`,
  ].join('\n');
}

function title(line: CorpusLine): string {
  const cmd = JSON.stringify(line.cmd);
  return `${line.family}:${line.lineNo} [${line.expect}] ${cmd.length > 100 ? `${cmd.slice(0, 100)}…` : cmd}`;
}

describe('corpus files', () => {
  test('every entry is well formed', () => {
    expect(corpus.problems).toEqual([]);
  });
  test('infra/ENABLED names only families that have a file', () => {
    expect(corpus.unknownEnabled).toEqual([]);
  });
  test('the corpus holds at least 700 core lines', () => {
    expect(corpus.active.filter((line) => !line.file.startsWith('infra/')).length).toBeGreaterThanOrEqual(
      700,
    );
  });
  test('the rule packs load without problems', () => {
    expect(packProblems).toEqual([]);
    expect(packs.length).toBeGreaterThan(0);
  });
});

describe('corpus lines', () => {
  test.each(corpus.active.map((line) => [title(line), line] as const))('%s', (_title, line) => {
    const counts = tally.get(line.family) ?? { total: 0, matched: 0 };
    tally.set(line.family, counts);
    counts.total++;
    const verdict = evaluate(line);
    const ok = matches(line.expect, verdict);
    if (ok) counts.matched++;
    expect(ok, explain(line, verdict)).toBe(true);
  });
});
