// Word parts, quoting, expansions, heredocs and span accuracy of the parsed tree.
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are shell text, where ${…} is parameter expansion

import { describe, expect, it } from 'vitest';
import type { ParamPart, Redirect, Script, SimpleCommandNode, Word, WordPart } from '../../src/parse/ast.js';
import { parseScript } from '../../src/parse/parser.js';

function parsed(text: string): Script {
  const outcome = parseScript(text);
  if (!outcome.ok) throw new Error(`expected ${JSON.stringify(text)} to parse: ${outcome.error.message}`);
  return outcome.script;
}

function firstSimple(text: string): SimpleCommandNode {
  const command = parsed(text).body.items[0]?.command;
  if (command?.type !== 'Simple') throw new Error(`not a simple command: ${text}`);
  return command;
}

/** The parts of the second word of `echo WORD`, reduced to type and value. */
function partsOf(word: string): unknown[] {
  const w = firstSimple(`echo ${word}`).words[1] as Word;
  return w.parts.map((part) => brief(part));
}

function brief(part: WordPart): unknown {
  switch (part.type) {
    case 'Literal':
      return ['Lit', part.value, part.raw];
    case 'QuotedLiteral':
    case 'SingleQuoted':
    case 'AnsiC':
      return [part.type, part.value];
    case 'DoubleQuoted':
      return ['DQ', part.parts.map(brief)];
    case 'Param':
      return [
        'Param',
        part.name,
        part.op ?? '',
        part.arg?.text ?? '',
        part.index ?? '',
        !!part.length,
        !!part.indirect,
      ];
    case 'CommandSub':
      return ['Sub', part.backtick];
    case 'Arith':
      return ['Arith', part.expr, part.parts.length];
    case 'ProcessSub':
      return ['Proc', part.op];
  }
}

const wordCases: [string, unknown[]][] = [
  ['plain', [['Lit', 'plain', 'plain']]],
  ['a\\ b\\*', [['Lit', 'a b*', 'a\\ b\\*']]],
  ['~/x*.{a,b}', [['Lit', '~/x*.{a,b}', '~/x*.{a,b}']]],
  [
    "'a b'c",
    [
      ['SingleQuoted', 'a b'],
      ['Lit', 'c', 'c'],
    ],
  ],
  ['"a\\$b\\q"', [['DQ', [['QuotedLiteral', 'a$b\\q']]]]],
  [
    '"x$y"',
    [
      [
        'DQ',
        [
          ['QuotedLiteral', 'x'],
          ['Param', 'y', '', '', '', false, false],
        ],
      ],
    ],
  ],
  ["$'a\\nb\\t\\x41\\u00e9\\U0001F600\\101\\cA\\e\\''", [['AnsiC', "a\nb\tAé😀A\x01\x1b'"]]],
  [
    '$"hi $x"',
    [
      [
        'DQ',
        [
          ['QuotedLiteral', 'hi '],
          ['Param', 'x', '', '', '', false, false],
        ],
      ],
    ],
  ],
  [
    '$1$@$*$#$?$$$!$-$0',
    ['1', '@', '*', '#', '?', '$', '!', '-', '0'].map((n) => ['Param', n, '', '', '', false, false]),
  ],
  ['${x:-a b}', [['Param', 'x', ':-', 'a b', '', false, false]]],
  ['${x#*/}', [['Param', 'x', '#', '*/', '', false, false]]],
  ['${x//a/b}', [['Param', 'x', '//', 'a/b', '', false, false]]],
  ['${x:1:2}', [['Param', 'x', ':', '1:2', '', false, false]]],
  ['${x@Q}', [['Param', 'x', '@', 'Q', '', false, false]]],
  ['${#x}', [['Param', 'x', '', '', '', true, false]]],
  ['${#}', [['Param', '#', '', '', '', false, false]]],
  ['${!x}', [['Param', 'x', '', '', '', false, true]]],
  ['${a[1]}', [['Param', 'a', '', '', '1', false, false]]],
  ['${a[@]:-z}', [['Param', 'a', ':-', 'z', '@', false, false]]],
  ['${10}', [['Param', '10', '', '', '', false, false]]],
  [
    '$x$',
    [
      ['Param', 'x', '', '', '', false, false],
      ['Lit', '$', '$'],
    ],
  ],
  [
    '$(ls)`pwd`',
    [
      ['Sub', false],
      ['Sub', true],
    ],
  ],
  ['$((1 + $(a) + ${b}))', [['Arith', '1 + $(a) + ${b}', 2]]],
  ['$[1+2]', [['Arith', '1+2', 0]]],
  ['<(a)', [['Proc', '<']]],
  [
    'a>(b)',
    [
      ['Lit', 'a', 'a'],
      ['Proc', '>'],
    ],
  ],
  ['a\\\nb', [['Lit', 'ab', 'ab']]],
  ['a\u00a0b', [['Lit', 'a\u00a0b', 'a\u00a0b']]],
  ['a\rb', [['Lit', 'a\rb', 'a\rb']]],
  ['héllo', [['Lit', 'héllo', 'héllo']]],
];

describe('word parts', () => {
  it.each(wordCases)('%j', (word, expected) => {
    expect(partsOf(word)).toEqual(expected);
  });
});

describe('assignments', () => {
  it('splits name, index, append and value', () => {
    const [a, b, c] = firstSimple('a=x"$y" b[$i]+=z c=(1 "2 3")').assignments;
    expect([a?.name, a?.value?.text, a?.value?.parts.length]).toEqual(['a', 'x"$y"', 2]);
    expect([b?.name, b?.index, b?.append, b?.value?.text]).toEqual(['b', '$i', true, 'z']);
    expect(c?.array?.map((w) => w.text)).toEqual(['1', '"2 3"']);
  });
});

function heredocOf(text: string, n = 0): NonNullable<Redirect['heredoc']> {
  const redirect = firstSimple(text).redirects[n];
  if (redirect?.heredoc === undefined) throw new Error('no heredoc');
  return redirect.heredoc;
}

describe('heredocs', () => {
  it('reads an unquoted body with expansions', () => {
    const h = heredocOf('cat <<EOF\nhi $USER \\$x $(id)\nEOF\necho after');
    expect([h.delimiter, h.quoted, h.body.text]).toEqual(['EOF', false, 'hi $USER \\$x $(id)\n']);
    expect(h.body.parts.map(brief)).toEqual([
      ['QuotedLiteral', 'hi '],
      ['Param', 'USER', '', '', '', false, false],
      ['QuotedLiteral', ' $x '],
      ['Sub', false],
      ['QuotedLiteral', '\n'],
    ]);
    expect(parsed('cat <<EOF\nx\nEOF\necho after').body.items).toHaveLength(2);
  });
  it.each([["'EOF'"], ['"EOF"'], ['E\\OF'], ["E'O'F"]])('quoted delimiter %s keeps the body literal', (d) => {
    const h = heredocOf(`cat <<${d}\n$(rm x)\nEOF\n`);
    expect([h.delimiter, h.quoted, h.body.parts.map(brief)]).toEqual([
      'EOF',
      true,
      [['QuotedLiteral', '$(rm x)\n']],
    ]);
  });
  it('strips leading tabs with <<-', () => {
    const h = heredocOf("cat <<-'E'\n\t\ta\n\tb\n\tE\n");
    expect(h.body.parts.map(brief)).toEqual([['QuotedLiteral', 'a\nb\n']]);
  });
  it('reads several bodies in order after the line', () => {
    const c = firstSimple('cat <<A <<-B; echo x\na\nA\n\tb\n\tB\n');
    expect(c.redirects.map((r) => r.heredoc?.body.text)).toEqual(['a\n', '\tb\n']);
  });
  it('accepts a body delimited by end of input', () => {
    expect(heredocOf('cat <<EOF\nno end').body.text).toBe('no end');
    expect(heredocOf('cat <<EOF').body.text).toBe('');
  });
  it('reads a heredoc inside a command substitution', () => {
    const names = parsed('x=$(cat <<EOF\n$(rm y)\nEOF\n); echo "$x"');
    expect(names.body.items).toHaveLength(2);
  });
});

/** Every span in the tree lies inside the text, and every Word's text is its exact slice. */
function checkSpans(text: string, node: unknown): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) checkSpans(text, item);
    return;
  }
  const record = node as Record<string, unknown>;
  const span = record.span as { start: number; end: number } | undefined;
  if (span !== undefined) {
    expect(span.start).toBeGreaterThanOrEqual(0);
    expect(span.end).toBeGreaterThanOrEqual(span.start);
    expect(span.end).toBeLessThanOrEqual(text.length);
  }
  if (record.type === 'Word' && span !== undefined)
    expect(record.text).toBe(text.slice(span.start, span.end));
  for (const [key, value] of Object.entries(record)) if (key !== 'span') checkSpans(text, value);
}

const spanLines = [
  'echo "a $(b "c" `d \\`e\\``) f" ${g:-$(h)} && i <<E | j\nbody $(k)\nE\n',
  'x=`echo \\$HOME \\`pwd\\``; y=$((1+$(z)))',
  'for i in $(seq 3); do [[ $i == 2 ]] && (( i++ )); done > out',
  'case "$1" in (a|b) $\'x\' ;; esac',
];

describe('spans', () => {
  it.each(spanLines)('are exact for %j', (text) => {
    checkSpans(text, parsed(text));
  });
  it('places nested commands in top-level coordinates', () => {
    const text = 'echo `ls \\`pwd\\``';
    const word = firstSimple(text).words[1] as Word;
    const sub = word.parts[0];
    if (sub?.type !== 'CommandSub') throw new Error('no substitution');
    const inner = sub.body.body.items[0]?.command as SimpleCommandNode;
    expect(inner.words.map((w) => [w.text, w.span.start])).toEqual([
      ['ls', 6],
      ['\\`pwd\\`', 9],
    ]);
  });
  it('gives ${} operands their own span', () => {
    const text = 'echo ${x:-abc}';
    const p = (firstSimple(text).words[1] as Word).parts[0] as ParamPart;
    expect(p.arg?.span).toEqual({ start: 10, end: 13 });
  });
});
