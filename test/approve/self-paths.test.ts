// A guarded program called by absolute path, or with PATH or the environment changed in
// front of it, is judged exactly as when it is called by name.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtInPacks } from '../../src/commands/packs.js';
import { evaluateLine } from '../../src/decide/evaluate.js';
import { realFs } from '../../src/tools/real-fs.js';

const work = mkdtempSync('/var/tmp/airlock-self-paths-');
mkdirSync(join(work, 'data'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function judged(line: string) {
  const verdict = evaluateLine(line, {
    env: { HOME: '/home/ana', PATH: '/usr/local/bin:/usr/bin:/bin' },
    cwd: work,
    packs: builtInPacks(),
    fs: realFs,
    airlockPaths: ['/home/ana/.config/airlock', '/home/ana/.local/state/airlock'],
  });
  return { decision: verdict.decision, rules: verdict.findings.map((f) => f.rule).sort() };
}

const cases: [byName: string, disguised: string[]][] = [
  [
    'rm -rf data',
    [
      '/usr/bin/rm -rf data',
      '/bin/rm -rf data',
      'PATH=/usr/bin rm -rf data',
      'PATH=/usr/bin:/bin /usr/bin/rm -rf data',
      'env -i rm -rf data',
      'env -i PATH=/usr/bin rm -rf data',
      'env PATH=/bin rm -rf data',
      'command rm -rf data',
      '\\rm -rf data',
      'exec /usr/bin/rm -rf data',
      'sudo /usr/bin/rm -rf data',
      'nice -n 5 /bin/rm -rf data',
    ],
  ],
  [
    'git push --force origin main',
    [
      '/usr/bin/git push --force origin main',
      'PATH=/usr/bin git push --force origin main',
      'env -i git push --force origin main',
    ],
  ],
  [
    'rm /home/ana/.local/state/airlock/audit.db',
    [
      '/bin/rm /home/ana/.local/state/airlock/audit.db',
      'env -i PATH=/bin rm /home/ana/.local/state/airlock/audit.db',
    ],
  ],
];

describe.each(cases)('%s', (byName, disguised) => {
  const expected = judged(byName);
  it('is guarded by name', () => {
    expect(expected.decision).not.toBe('allow');
  });
  it.each(disguised)('%s is judged the same', (line) => {
    expect(judged(line)).toEqual(expected);
  });
});
