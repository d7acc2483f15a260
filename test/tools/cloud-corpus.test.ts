// The infrastructure corpus lines for terraform and aws, judged in the shared corpus
// fixture with the real file system: `pass` must be allowed, `stop` must not be.

import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { builtInPacks } from '../../src/commands/packs.js';
import { evaluateLine } from '../../src/decide/evaluate.js';
import { realFs } from '../../src/tools/real-fs.js';
import { createCorpusFixture, expandPlaceholders } from '../corpus/fixture.js';

interface CorpusLine {
  cmd: string;
  expect: 'pass' | 'stop';
  note?: string;
  cwd?: string;
  env?: Record<string, string>;
}

const families = ['terraform', 'aws'];
const fixture = createCorpusFixture();
afterAll(() => fixture.remove());

describe.each(families)('corpus %s', (family) => {
  const lines = readFileSync(new URL(`../corpus/infra/${family}.jsonl`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as CorpusLine);
  it.each(lines.map((l, i) => [`${i + 1} ${l.expect} ${l.cmd}${l.note ? ` (${l.note})` : ''}`, l] as const))(
    '%s',
    (_name, line) => {
      const env: Record<string, string> = { HOME: fixture.root, PATH: '/usr/bin:/bin', USER: 'dev' };
      for (const [k, v] of Object.entries(line.env ?? {})) env[k] = expandPlaceholders(v, fixture);
      const cwd = line.cwd === undefined ? fixture.project : expandPlaceholders(line.cwd, fixture);
      const verdict = evaluateLine(line.cmd, { env, cwd, fs: realFs, packs: builtInPacks() });
      const got = verdict.decision === 'allow' ? 'pass' : 'stop';
      expect(`${got}: ${verdict.reasons.join('; ')}`).toMatch(new RegExp(`^${line.expect}`));
    },
  );
});
