// Shapes of the parsed tree for every construct, as compact outlines, plus errors that must fail closed.
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are shell text, where ${…} is parameter expansion

import { describe, expect, it } from 'vitest';
import type { Script } from '../../src/parse/ast.js';
import { parseScript } from '../../src/parse/parser.js';
import { commandNames, outlineScript } from '../../src/parse/parser-outline.js';

function parsed(text: string): Script {
  const outcome = parseScript(text);
  if (!outcome.ok) throw new Error(`expected ${JSON.stringify(text)} to parse: ${outcome.error.message}`);
  return outcome.script;
}

const shapes: [string, string][] = [
  ['echo hi', 'cmd(echo hi)'],
  ['echo if then fi', 'cmd(echo if then fi)'],
  ['a | b |& c', 'cmd(a) | cmd(b) |& cmd(c)'],
  ['! a | b', '! cmd(a) | cmd(b)'],
  ['time -p a', 'time cmd(a)'],
  ['time', 'time '],
  ['a && b || c', '((cmd(a) && cmd(b)) || cmd(c))'],
  ['a; b & c', 'cmd(a); cmd(b)& cmd(c)'],
  ['a\nb', 'cmd(a) ⏎ cmd(b)'],
  ['a &&\n b', '(cmd(a) && cmd(b))'],
  ['a |\n b', 'cmd(a) | cmd(b)'],
  ['echo a#b #c', 'cmd(echo a#b)'],
  ['echo a;#c\nb', 'cmd(echo a); cmd(b)'],
  ['echo a\\\nb', 'cmd(echo a\\\nb)'],
  ['X=1 cmd', 'cmd(X=1 cmd)'],
  ['X=1', 'cmd(X=1)'],
  ['a=(1 2 3) b+=x c[2]=y', 'cmd(a=(1 2 3) b+=x c[2]=y)'],
  ['a=(1\n2) cmd', 'cmd(a=(1 2) cmd)'],
  ['export X=1 Y', 'cmd(export X=1 Y)'],
  ['declare -a a=(1 2)', 'cmd(declare -a a=(1 2))'],
  ['echo x=1', 'cmd(echo x=1)'],
  ['(a; b) > f', 'sub(cmd(a); cmd(b)) >f'],
  ['{ a; b; } 2>&1', 'group(cmd(a); cmd(b);) 2>&1'],
  ['f() { a; }', 'fn f(group(cmd(a);))'],
  ['f () ( a )', 'fn f(sub(cmd(a)))'],
  ['function f { a; }', 'fn f(group(cmd(a);))'],
  ['function f() if a; then b; fi', 'fn f(if(cmd(a); then cmd(b);))'],
  ['f() { a; } > log', 'fn f(group(cmd(a);)) >log'],
  [
    'if a; then b; elif c; then d; else e; fi',
    'if(cmd(a); then cmd(b); elif cmd(c); then cmd(d); else cmd(e);)',
  ],
  ['for x in a b; do c; done', 'for x in(a b) do(cmd(c);)'],
  ['for x; do c; done', 'for x do(cmd(c);)'],
  ['for x do c; done', 'for x do(cmd(c);)'],
  ['for x in; do c; done', 'for x in() do(cmd(c);)'],
  ['for x in a; { c; }', 'for x in(a) do(cmd(c);)'],
  ['for ((i=0;i<3;i++)); do c; done', 'for((i=0;i<3;i++)) do(cmd(c);)'],
  ['while a; do b; done', 'while(cmd(a);) do(cmd(b);)'],
  ['until a; do b; done', 'until(cmd(a);) do(cmd(b);)'],
  ['select x in a b; do c; done', 'select x in(a b) do(cmd(c);)'],
  ['case $x in a|b) c;; (d) e;& *) f;;& esac', 'case $x(a b) cmd(c);; d) cmd(e);& *) cmd(f);;&)'],
  ['case x in a) b; esac', 'case x(a) cmd(b);)'],
  ['case x in esac', 'case x()'],
  ['[[ -f x && $y =~ ^(a|b)$ ]]', '[[-f x && $y =~ ^(a|b)$]]'],
  ['[[ a < b ]]', '[[a < b]]'],
  ['(( i++ ))', '(( i++ ))'],
  ['((a) )', 'sub(sub(cmd(a)))'],
  ['coproc ls', 'coproc(cmd(ls))'],
  ['coproc w { ls; }', 'coproc w(group(cmd(ls);))'],
  [
    'echo a >f 2>>g &>h &>>i >|j <k <>l 3<&0 4>&- {fd}>m',
    'cmd(echo a >f 2>>g &>h &>>i >|j <k <>l 3<&0 4>&- {fd}>m)',
  ],
  ['cat <<<"$x"', 'cmd(cat <<<"$x")'],
  ['2>&1 >f echo', 'cmd(echo 2>&1 >f)'],
  ['echo {a}x>f', 'cmd(echo {a}x >f)'],
  ['echo a<(b) <(c)x', 'cmd(echo a<(b) <(c)x)'],
  ['echo $((1+2)) $[3]', 'cmd(echo $((1+2)) $[3])'],
];

describe('parseScript shapes', () => {
  it.each(shapes)('%j', (text, outline) => {
    expect(outlineScript(parsed(text))).toBe(outline);
  });
});

const nameCases: [string, string[]][] = [
  ['echo $(rm -rf x) `ls` "$(pwd)"', ['echo', 'rm', 'ls', 'pwd']],
  ['echo "$(echo "$(id)")"', ['echo', 'echo', 'id']],
  ['x=$(a) y', ['a', 'y']],
  ['echo ${x:-$(b)}', ['echo', 'b']],
  ['echo $(( $(c) + 1 ))', ['echo', 'c']],
  ['for ((i=$(d);;)); do :; done', ['d', ':']],
  ['(( $(e) ))', ['e']],
  ['echo `echo \\`inner\\``', ['echo', 'echo', 'inner']],
  ['echo "`a \\"b\\"`"', ['echo', 'a']],
  ['cat <<EOF\n$(rm x) `y`\nEOF', ['cat', 'rm', 'y']],
  ["cat <<'EOF'\n$(rm x)\nEOF", ['cat']],
  ['diff <(a) >(b)', ['diff', 'a', 'b']],
  ['echo $( (sub) )', ['echo', 'sub']],
  ['echo $((sub) )', ['echo', 'sub']],
  ['[[ $(f) == x ]]', ['f']],
  ['case $(g) in a) h;; esac', ['g', 'h']],
  ['echo $(case x in a) i;; esac)', ['echo', 'i']],
  ['a=(x $(j))', ['j']],
  ['echo $(cat <<EOF\n$(k)\nEOF\n)', ['echo', 'cat', 'k']],
  ['echo $(cat <<EOF\nhi\nEOF)', ['echo', 'cat']],
];

describe('commands nested in words', () => {
  it.each(nameCases)('%j', (text, names) => {
    expect(commandNames(parsed(text))).toEqual(names);
  });
});
