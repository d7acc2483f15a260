// Word expansion: quoting, parameters and their operators, tilde, braces, field splitting, globs.
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are shell text, not JS templates

import { describe, expect, test } from 'vitest';
import { analyzeLine } from '../../src/parse/analyze.js';
import { expandBraces } from '../../src/parse/brace-expand.js';
import type { AnalyzeContext, ArgWord } from '../../src/parse/command.js';
import type { Item } from '../../src/parse/expand-items.js';

const ctx: AnalyzeContext = { env: { HOME: '/home/u', EMPTY: '', SP: 'a  b', STAR: '*.log' }, cwd: '/work' };

/** A word as a short string: its value, `glob:pattern`, or `<dynamic reason>`. */
function show(word: ArgWord): string {
  if (word.value !== undefined) return word.value;
  if (word.pattern !== undefined) return `glob:${word.pattern}`;
  return `<${word.dynamic}>`;
}

/** The argv of the last command the line runs. */
function lastArgv(line: string, context: AnalyzeContext = ctx): string[] {
  const analysis = analyzeLine(line, context);
  expect(analysis.error).toBeUndefined();
  const last = analysis.commands[analysis.commands.length - 1];
  return last ? last.argv.map(show) : [];
}

describe('quoting and literals', () => {
  test.each([
    [`echo a 'b c' "d e" f\\ g`, ['echo', 'a', 'b c', 'd e', 'f g']],
    [`echo $'\\x72\\x6d' $'a\\tb'`, ['echo', 'rm', 'a\tb']],
    [`echo "a"'b'c`, ['echo', 'abc']],
    [`echo "" ''`, ['echo', '', '']],
    [`echo a#b`, ['echo', 'a#b']],
    [`echo "\\$HOME" '$HOME'`, ['echo', '$HOME', '$HOME']],
    [`echo \\*`, ['echo', '*']],
  ])('%s', (line, expected) => {
    expect(lastArgv(line)).toEqual(expected);
  });
});

describe('parameters', () => {
  test.each([
    ['echo $HOME ${HOME}/x "$HOME"', ['echo', '/home/u', '/home/u/x', '/home/u']],
    ['X=/tmp; echo $X', ['echo', '/tmp']],
    ['a=r;b=m; echo $a$b', ['echo', 'rm']],
    ['X=1; X+=2; echo $X', ['echo', '12']],
    ['echo $NOPE', ['echo', '<$NOPE is not set>']],
    ['echo ${NOPE:-/d} ${NOPE-/e} ${EMPTY:-x} ${EMPTY-y}', ['echo', '/d', '/e', 'x']],
    ['echo ${HOME:+set} ${NOPE:+set}x ${#HOME} ${#NOPE}', ['echo', 'set', 'x', '7', '0']],
    ['echo ${NOPE:=/z}; echo $NOPE', ['echo', '/z']],
    ['echo ${NOPE:?missing}', ['echo', '<$NOPE is not set (the command would fail)>']],
    ['F=a.tar.gz; echo ${F%.gz} ${F#a.}', ['echo', 'a.tar', 'tar.gz']],
    ['echo ${HOME/u/v}', ['echo', '<${HOME/…} is not evaluated statically>']],
    [
      'echo $1 $@ $? $$ $RANDOM',
      [
        'echo',
        '<$1 is a positional parameter>',
        '<$@ expands to the arguments>',
        '<$? is a special parameter>',
        '<$$ is a special parameter>',
        '<$RANDOM changes at run time>',
      ],
    ],
    ['echo ${!X} ${a[1]}', ['echo', '<${!X} is an indirect expansion>', '<${a[1]} is an array element>']],
    ['echo $PWD', ['echo', '/work']],
    ['X=$(date); echo $X', ['echo', '<$X is not known statically>']],
    ['echo $((5)) $((1+2))', ['echo', '5', '<arithmetic expansion>']],
    ['echo a$(date)b', ['echo', '<command substitution>']],
    ['echo <(true)', ['echo', '<process substitution>']],
  ])('%s', (line, expected) => {
    expect(lastArgv(line)).toEqual(expected);
  });

  test('a prefix assignment reaches only that command', () => {
    const analysis = analyzeLine('X=1 env; echo $X', ctx);
    expect(analysis.commands[0]!.env.X).toBe('1');
    expect(analysis.commands[1]!.argv.map(show)).toEqual(['echo', '<$X is not set>']);
  });

  test('export makes a variable part of the environment', () => {
    const analysis = analyzeLine('export KUBECONFIG=/k; Y=2; declare -x Z=3; kubectl get pods', ctx);
    const env = analysis.commands[analysis.commands.length - 1]!.env;
    expect(env.KUBECONFIG).toBe('/k');
    expect(env.Z).toBe('3');
    expect(env.Y).toBeUndefined();
    expect('Y' in env).toBe(false);
  });

  test.each([
    ['if true; then X=/a; fi; echo $X', '<$X is not known statically>'],
    ['true && X=/a; echo $X', '<$X is not known statically>'],
    ['for i in 1; do X=/a; done; echo $X', '<$X is not known statically>'],
    ['(X=/a); echo $X', '<$X is not set>'],
    ['X=/b; (X=/a); echo $X', '/b'],
    ['X=/b; echo | X=/a; echo $X', '/b'],
    ['X=/b; f(){ X=/a; }; f; echo $X', '<$X is not known statically>'],
    ['X=/b; read X; echo $X', '<$X is not known statically>'],
    ['X=/b; unset X; echo $X', '<$X is not set>'],
    ['local X=/l; echo $X', '/l'],
    ['readonly X=/r; echo $X', '/r'],
  ])('%s', (line, expected) => {
    expect(lastArgv(line)[1]).toBe(expected);
  });

  test('a loop body sees variables it assigns as unknown from the first iteration', () => {
    const analysis = analyzeLine('X=/tmp/a; for i in 1 2; do rm -rf $X; X=/; done', ctx);
    expect(show(analysis.commands[0]!.argv[2]!)).toBe('<$X is not known statically>');
  });
});

describe('tilde', () => {
  test.each([
    ['echo ~ ~/x a~ "~"', ['echo', '/home/u', '/home/u/x', 'a~', '~']],
    ['echo ~root/x', ['echo', '<the home directory of ~root is not known>']],
    ['P=~/a:~/b; echo $P', ['echo', '/home/u/a:/home/u/b']],
    ['echo ~+', ['echo', '/work']],
  ])('%s', (line, expected) => {
    expect(lastArgv(line)).toEqual(expected);
  });

  test('without HOME the tilde is dynamic', () => {
    expect(lastArgv('rm -rf ~/', { env: {}, cwd: '/' })).toEqual([
      'rm',
      '-rf',
      '<~ needs HOME, which is not known>',
    ]);
  });
});

describe('field splitting', () => {
  test.each([
    ['X="-rf /"; rm $X', ['rm', '-rf', '/']],
    ['X="-rf /"; rm "$X"', ['rm', '-rf /']],
    ['rm $EMPTY x', ['rm', 'x']],
    ['rm "$EMPTY" x', ['rm', '', 'x']],
    ['echo $SP', ['echo', 'a', 'b']],
    ['echo x${SP}y', ['echo', 'xa', 'by']],
    ['IFS=:; X=a:b; echo $X', ['echo', 'a', 'b']],
    ['IFS=$(x); X=a; echo $X', ['echo', '<IFS is not known statically>']],
  ])('%s', (line, expected) => {
    expect(lastArgv(line)).toEqual(expected);
  });
});

describe('globs', () => {
  test.each([
    ['rm *.txt a?c [ab]x', ['rm', 'glob:*.txt', 'glob:a?c', 'glob:[ab]x']],
    ['rm "*".txt', ['rm', '*.txt']],
    ['rm "a*"*', ['rm', 'glob:a\\**']],
    ['rm $STAR "$STAR"', ['rm', 'glob:*.log', '*.log']],
    ['[ -f x ]', ['[', '-f', 'x', ']']],
  ])('%s', (line, expected) => {
    expect(lastArgv(line)).toEqual(expected);
  });
});

describe('brace expansion', () => {
  test.each([
    ['echo {a,b}', ['echo', 'a', 'b']],
    ['echo x{a,b}y', ['echo', 'xay', 'xby']],
    ['echo {1..3}', ['echo', '1', '2', '3']],
    ['echo {3..1}', ['echo', '3', '2', '1']],
    ['echo {01..03}', ['echo', '01', '02', '03']],
    ['echo {1..10..4}', ['echo', '1', '5', '9']],
    ['echo {a..c}', ['echo', 'a', 'b', 'c']],
    ['echo {a,{b,c}}d', ['echo', 'ad', 'bd', 'cd']],
    ['echo {a,b}{1,2}', ['echo', 'a1', 'a2', 'b1', 'b2']],
    ['echo {} {a} "{a,b}" \\{a,b}', ['echo', '{}', '{a}', '{a,b}', '{a,b}']],
    ['echo {,/}', ['echo', '/']],
    ['rm -rf /{usr,etc}', ['rm', '-rf', '/usr', '/etc']],
  ])('%s', (line, expected) => {
    expect(lastArgv(line)).toEqual(expected);
  });

  test('a huge expansion is capped and dynamic', () => {
    expect(lastArgv('echo {1..9}{1..9}{1..9}{1..9}')).toEqual([
      'echo',
      '<brace expansion makes too many words>',
    ]);
    expect(lastArgv('echo {1..100000}')).toEqual(['echo', '<brace expansion makes too many words>']);
  });

  test('expandBraces works on flattened items and leaves quoted braces alone', () => {
    const chars = (text: string, quoted = false): Item[] =>
      [...text].map((c) => ({ kind: 'char', c, quoted }));
    const join = (items: Item[]) => items.map((item) => (item.kind === 'char' ? item.c : '$')).join('');
    expect(expandBraces(chars('p{x,y}s'))?.map(join)).toEqual(['pxs', 'pys']);
    expect(expandBraces(chars('{x,y}', true))?.map(join)).toEqual(['{x,y}']);
    expect(expandBraces(chars('{a,b}{c,d}{e,f}'), 4)).toBeUndefined();
  });
});

describe('bounds', () => {
  test('doubling a variable stays bounded', () => {
    const line = `X=aaaaaaaaaaaaaaaa; ${'X=$X$X$X$X; '.repeat(12)}echo $X`;
    const started = performance.now();
    expect(lastArgv(line)).toEqual(['echo', '<$X is not known statically>']);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(lastArgv(`X=${'a'.repeat(70_000)}; echo "$X"`)).toEqual(['echo', '<$X is not known statically>']);
  });
});

describe('declaration builtins', () => {
  test('export NAME=$VALUE does not split the value', () => {
    const analysis = analyzeLine('export X=$SP; echo "$X"', ctx);
    expect(analysis.commands[0]!.argv.map(show)).toEqual(['export', 'X=a  b']);
    expect(analysis.commands[1]!.argv.map(show)).toEqual(['echo', 'a  b']);
    expect(lastArgv('export P=~/bin; echo $P')).toEqual(['echo', '/home/u/bin']);
  });
});
