// Lines that must fail closed (syntax errors like `bash -n`), and the input, depth and node limits.
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are shell text, where ${…} is parameter expansion

import { describe, expect, it } from 'vitest';
import { parseScript } from '../../src/parse/parser.js';

const syntaxErrors: string[] = [
  "echo 'a",
  'echo "a',
  'echo `a',
  'echo $(a',
  'echo ${a',
  'echo $[1',
  "echo $'a",
  'if a; then b',
  'if a; then b; fi fi',
  'if; then a; fi',
  'if a; then fi',
  'while a; do done',
  'for x in a b c',
  'case x in a) b',
  'case x in a b) ;; esac',
  ')',
  'a )',
  ';;',
  'a;;',
  ';',
  '| x',
  '&& x',
  'a && && b',
  'a |',
  'a & ;',
  'a & &',
  '}',
  ']]',
  '{ a }',
  '{a; }',
  '( )',
  '{ a; } b',
  '[[ a ]] b',
  '(( a )) b',
  'a | ! b',
  'echo a >',
  'cat <<',
  'cat <<<',
  'echo <&',
  'f() echo',
  'function f',
  'echo a=(1)',
  'a=(1 (2))',
  'echo @(a|b)',
  '[[ a b ]]',
  '[[ -f ]]',
  '[[ a == b',
  'coproc',
  'echo a\0b',
  'echo $(echo "$(a)"',
  'x=$(case a in a) b;; esac',
  'echo `echo )`',
];

describe('syntax errors fail closed', () => {
  it.each(syntaxErrors)('%j', (text) => {
    const outcome = parseScript(text);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.kind).toBe('syntax');
      expect(outcome.error.offset).toBeGreaterThanOrEqual(0);
      expect(outcome.error.offset).toBeLessThanOrEqual(text.length);
    }
  });
});

function kindOf(text: string, limits?: Parameters<typeof parseScript>[1]): string {
  const outcome = parseScript(text, limits);
  return outcome.ok ? 'ok' : outcome.error.kind;
}

describe('limits', () => {
  it('refuses input over maxInput', () => {
    expect(kindOf('echo hi', { maxInput: 3 })).toBe('limit');
    expect(kindOf('x'.repeat(1024 * 1024 + 1))).toBe('limit');
  });
  it.each([
    ['$(', ')'],
    ['(', ')'],
    ['((', '))'],
    ['"$(echo ', ')"'],
    ['${x:-', '}'],
    ['$((', '))'],
    ['{ ', '; }'],
    ['if a; then ', '; fi'],
    ['<(', ')'],
  ])('stops 5,000-deep nesting of %j at the depth limit', (open, close) => {
    const text = `${open.repeat(5000)}x${close.repeat(5000)}`;
    expect(kindOf(text)).toBe('limit');
  });
  it('stops 5,000 negations inside [[ ]] at the depth limit', () => {
    expect(kindOf(`[[ ${'! '.repeat(5000)}x ]]`)).toBe('limit');
    expect(kindOf(`[[ ${'( '.repeat(5000)}x${' )'.repeat(5000)} ]]`)).toBe('limit');
  });
  it('stops at maxDepth', () => {
    const nested = (n: number): string => `${'$('.repeat(n)}x${')'.repeat(n)}`;
    expect(kindOf(nested(10), { maxDepth: 40 })).toBe('ok');
    expect(kindOf(nested(50), { maxDepth: 40 })).toBe('limit');
  });
  it('stops at maxNodes', () => {
    expect(kindOf('a b c d e f', { maxNodes: 5 })).toBe('limit');
    expect(kindOf('a;'.repeat(300_000))).toBe('limit');
  });
  it('parses a 1 MB line', () => {
    const line = `echo "${'x'.repeat(1_000_000)}" ${'y'.repeat(1000)}`;
    expect(kindOf(line)).toBe('ok');
  });
});
