// Hostile and malformed input: evaluateLine must answer (no throw, no hang) and fail closed.
// Lines that hold, or look like they hold, a destructive command must never come out allow.

import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadPackFiles } from '../src/classify/load-packs.js';
import type { Pack } from '../src/classify/rule.js';
import { airlockPaths } from '../src/config/paths.js';
import { evaluateLine } from '../src/decide/evaluate.js';
import type { Verdict } from '../src/decide/verdict.js';
import { realFs } from '../src/tools/real-fs.js';
import { dangerousLine } from './corpus/compose.js';
import { type CorpusFixture, createCorpusFixture } from './corpus/fixture.js';

const rulesDir = new URL('../rules', import.meta.url).pathname;
const env = { HOME: '/home/dev', PATH: '/usr/bin:/bin', USER: 'dev' };
/** Far above the 200 ms target: this catches hangs and blow-ups, the benchmark measures speed. */
const generousMs = 5_000;

let fixture: CorpusFixture;
let packs: Pack[] = [];

beforeAll(() => {
  fixture = createCorpusFixture();
  const files = readdirSync(rulesDir)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => join(rulesDir, name));
  packs = loadPackFiles(files).packs;
});
afterAll(() => fixture?.remove());

function evaluate(line: string): { verdict: Verdict; ms: number } {
  const started = performance.now();
  const verdict = evaluateLine(line, {
    env: { ...env, PWD: fixture.project },
    cwd: fixture.project,
    packs,
    fs: realFs,
    airlockPaths: airlockPaths(env),
  });
  return { verdict, ms: performance.now() - started };
}

const deep = (open: string, core: string, close: string, n: number) =>
  open.repeat(n) + core + close.repeat(n);
const nestedHeredocs = (depth: number): string =>
  depth === 0 ? 'rm -rf /' : `bash <<'E${depth}'\n${nestedHeredocs(depth - 1)}\nE${depth}`;
const nestedBashC = (depth: number): string =>
  depth === 0 ? 'rm -rf ~' : `bash -c '${nestedBashC(depth - 1).replaceAll("'", "'\\''")}'`;
const MB = 1 << 20;

/**
 * `destructive`: the line holds a destructive command, or a look-alike of one. A look-alike
 * (full-width ｒｍ, Cyrillic м, zero-width or bidi characters in the name) is not the real
 * program, so bash would not run rm; but a name that only looks like a guarded program is how
 * a person reading the prompt, or a later normalising layer, gets fooled. Our view: such names
 * are flagged, never allowed silently. Where the engine does not do that yet, the test stands
 * as the requirement. Malformed lines (syntax errors, NUL) fail closed: never allow.
 */
const cases: { name: string; line: string; destructive: boolean }[] = [
  // unbalanced quotes and constructs
  { name: 'unclosed double quote', line: 'rm -rf "/', destructive: true },
  { name: 'unclosed single quote hiding a command', line: "echo 'x; rm -rf /", destructive: true },
  { name: 'unclosed substitution', line: 'rm -rf $(echo /', destructive: true },
  { name: 'unclosed parameter expansion', line: 'rm -rf ${HOME', destructive: true },
  { name: 'dangling pipe', line: 'rm -rf / |', destructive: true },
  { name: 'dangling and', line: 'rm -rf ~ &&', destructive: true },
  { name: 'unclosed if', line: 'if true; then rm -rf /', destructive: true },
  { name: 'unterminated heredoc into sh', line: 'sh <<EOF\nrm -rf /', destructive: true },
  { name: 'stray closing paren', line: 'rm -rf /)', destructive: true },
  { name: 'harmless but unbalanced', line: 'ls "unterminated', destructive: true },
  // NUL bytes
  { name: 'NUL inside the name', line: 'r\0m -rf /', destructive: true },
  { name: 'NUL after the name', line: 'rm\0 -rf /', destructive: true },
  { name: 'NUL before a second command', line: 'ls\0; rm -rf /', destructive: true },
  { name: 'NUL in harmless text', line: 'echo hi\0', destructive: true },
  // size
  { name: '1 MB harmless word', line: `echo ${'a'.repeat(MB)}`, destructive: false },
  { name: '1 MB word then rm', line: `echo ${'a'.repeat(MB)}; rm -rf /`, destructive: true },
  { name: '1 MB of commands then rm', line: `${'true;'.repeat(MB / 5)}rm -rf /`, destructive: true },
  { name: 'very long missing target', line: `rm -rf ${'a'.repeat(300_000)}`, destructive: false },
  { name: 'very long word beside src', line: `rm -rf src ${'a'.repeat(300_000)}`, destructive: true },
  { name: 'very long root path', line: `rm -rf ${'/'.repeat(100_000)}`, destructive: true },
  { name: 'very long harmless word', line: `ls ${'x'.repeat(500_000)}`, destructive: false },
  // 5,000-deep nesting
  { name: '5,000 nested $(', line: deep('$(', 'rm -rf /', ')', 5000), destructive: true },
  { name: '5,000 nested subshells', line: deep('( ', 'rm -rf /', ' )', 5000), destructive: true },
  { name: '5,000 nested groups', line: deep('{ ', 'rm -rf /', '; }', 5000), destructive: true },
  {
    name: '5,000 nested quoted substitutions',
    line: deep('"$(echo ', 'rm -rf /', ')"', 5000),
    destructive: true,
  },
  {
    name: '5,000 nested backquoted echo',
    line: deep('echo $(echo `', 'rm -rf ~', '`)', 5000),
    destructive: true,
  },
  { name: '5,000 unclosed $(', line: `${'$('.repeat(5000)}rm -rf /`, destructive: true },
  { name: '5,000 unclosed quotes', line: `${'"'.repeat(4999)}rm -rf /`, destructive: true },
  { name: '12 nested bash -c', line: nestedBashC(12), destructive: true },
  // look-alike letters
  { name: 'full-width rm', line: 'ｒｍ -rf /', destructive: true },
  { name: 'half full-width rm', line: 'ｒm -rf /', destructive: true },
  { name: 'full-width git', line: 'ｇｉｔ push --force', destructive: true },
  { name: 'full-width dd', line: 'ｄｄ if=/dev/zero of=/dev/sda', destructive: true },
  { name: 'Cyrillic em in rm', line: 'r\u043c -rf /', destructive: true },
  { name: 'Cyrillic ge and em', line: '\u0433\u043c -rf ~', destructive: true },
  { name: 'Cyrillic i in git', line: 'g\u0456t push --force', destructive: true },
  { name: 'Cyrillic komi de in dd', line: '\u0501d if=/dev/zero of=/dev/sda', destructive: true },
  { name: 'Cyrillic dze in sudo', line: '\u0455udo rm -rf /', destructive: true },
  {
    name: 'Cyrillic es in kubectl',
    line: 'kube\u0441tl delete ns payments --context prod-eu',
    destructive: true,
  },
  { name: 'Cyrillic er in psql', line: '\u0440sql -c "DROP TABLE users"', destructive: true },
  { name: 'combining mark on rm', line: 'r\u0301m -rf /', destructive: true },
  // invisible characters
  { name: 'zero-width space in rm', line: 'r\u200bm -rf /', destructive: true },
  { name: 'zero-width non-joiner in rm', line: 'r\u200cm -rf /', destructive: true },
  { name: 'zero-width joiner in rm', line: 'r\u200dm -rf /', destructive: true },
  { name: 'word joiner before rm', line: '\u2060rm -rf /', destructive: true },
  { name: 'byte order mark before rm', line: '\ufeffrm -rf /', destructive: true },
  { name: 'zero-width space after rm', line: 'rm\u200b -rf /', destructive: true },
  { name: 'zero-width joiner in git', line: 'git\u200d push --force', destructive: true },
  { name: 'zero-width space after the root', line: 'rm -rf /\u200b', destructive: true },
  { name: 'no-break spaces as separators', line: 'rm\u00a0-rf\u00a0/', destructive: true },
  { name: 'no-break space before the target', line: 'rm -rf\u00a0/', destructive: true },
  { name: 'no-break spaces in git', line: 'git\u00a0push\u00a0--force', destructive: true },
  { name: 'em space before rm', line: '\u2003rm -rf /', destructive: true },
  { name: 'en space after rm', line: 'rm\u2002-rf /', destructive: true },
  { name: 'ideographic space after the root', line: 'rm -rf /\u3000', destructive: true },
  // terminal control
  { name: 'ANSI erase before rm', line: '\u001b[2Krm -rf /', destructive: true },
  { name: 'ANSI conceal after rm', line: 'rm -rf /\u001b[8m', destructive: true },
  { name: 'ANSI reset then rm', line: 'ls \u001b[0m; rm -rf ~', destructive: true },
  { name: 'OSC title then rm', line: '\u001b]0;build\u0007rm -rf /', destructive: true },
  { name: 'C1 CSI before rm', line: '\u009b2Krm -rf /', destructive: true },
  { name: 'bare CR hiding rm', line: 'ls\rrm -rf /', destructive: true },
  { name: 'bare CR then a real rm', line: 'echo safe\r; rm -rf /', destructive: true },
  { name: 'bare CR after rm', line: 'rm\r -rf ~', destructive: true },
  { name: 'right-to-left override in rm', line: 'r\u202em -rf /', destructive: true },
  { name: 'right-to-left override then rm', line: 'ls \u202e; rm -rf ~', destructive: true },
  { name: 'bidi isolates around rm', line: '\u2066rm\u2069 -rf /', destructive: true },
  { name: 'right-to-left override in echoed data', line: 'echo "\u202e/ fr- mr"', destructive: false },
  // pipes and heredocs
  { name: '20,000 pipes into sh', line: `cat notes.txt${' | cat'.repeat(20_000)} | sh`, destructive: true },
  { name: '10,000 pipes ending in rm', line: `${'ls | '.repeat(10_000)}rm -rf /`, destructive: true },
  { name: '5,000 harmless pipes', line: `echo hi${' | tee /tmp/x'.repeat(5000)}`, destructive: false },
  { name: '100 nested heredocs into bash', line: nestedHeredocs(100), destructive: true },
  {
    name: '5,000 heredocs then rm',
    line: `${'cat <<EOF\nx\nEOF\n'.repeat(5000)}rm -rf /`,
    destructive: true,
  },
  {
    name: '1 MB heredoc into sh',
    line: `sh <<'EOF'\n${'echo ok\n'.repeat(MB / 8)}rm -rf /\nEOF`,
    destructive: true,
  },
  // invalid UTF-16
  { name: 'lone high surrogate after the root', line: 'rm -rf /\ud800', destructive: true },
  { name: 'lone low surrogate before rm', line: '\udc00rm -rf /', destructive: true },
  { name: 'lone surrogate inside rm', line: 'r\ud800m -rf /', destructive: true },
  { name: 'lone surrogate then a real rm', line: 'echo \udfff; rm -rf ~', destructive: true },
];

describe('hostile input', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { verdict, ms } = evaluate(c.line);
    expect(['allow', 'approve', 'deny']).toContain(verdict.decision);
    expect(ms).toBeLessThan(generousMs);
    if (c.destructive) {
      const why = verdict.reasons.join('; ') || 'no reasons';
      expect(verdict.decision, `${c.name} came out allow (${why})`).not.toBe('allow');
    }
  });
});

describe('long pipelines stay linear', () => {
  // Copying the earlier commands for every pipe made 20,000 pipes take seconds.
  test.each([
    ['20,000 pipes into sh', `cat notes.txt${' | cat'.repeat(20_000)} | sh`],
    ['5,000 tees', `echo hi${' | tee /tmp/x'.repeat(5000)}`],
  ])('%s answers within a second', (_name, line) => {
    evaluate('echo warm');
    const { ms } = evaluate(line);
    expect(ms).toBeLessThan(1000);
  });
});

describe('generated dangerous lines', () => {
  test('the generator writes valid bash', () => {
    const samples = fc.sample(dangerousLine, { numRuns: 60, seed: 7 });
    const invalid = samples.filter((line) => spawnSync('bash', ['-n', '-c', line]).status !== 0);
    expect(invalid).toEqual([]);
  });

  test('wrapped, nested and quoted dangerous commands never come out allow', () => {
    fc.assert(
      fc.property(dangerousLine, (line) => {
        const { verdict } = evaluate(line);
        return verdict.decision !== 'allow';
      }),
      { numRuns: 400 },
    );
  });
});
