// Must-not-crash: random shell-ish text never makes the analysis fail internally.
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are shell text, not JS templates

import fc from 'fast-check';
import { expect, test } from 'vitest';
import { analyzeArgv, analyzeLine } from '../../src/parse/analyze.js';
import type { AnalyzeContext } from '../../src/parse/command.js';

const ctx: AnalyzeContext = {
  env: { HOME: '/home/u', X: 'a b' },
  cwd: '/work',
  readFile: () => 'rm -rf "$1"; cd /x\n',
};

const pieces = [
  'rm',
  ' ',
  '-rf',
  '/',
  ';',
  '&&',
  '||',
  '|',
  '&',
  '\n',
  '(',
  ')',
  '{',
  '}',
  '$',
  '$(',
  '`',
  '"',
  "'",
  '\\',
  '$X',
  '${X:-',
  '${#X}',
  '~',
  '*',
  '?',
  '[',
  ']',
  ',',
  '..',
  '1',
  'a',
  '=',
  'X=',
  '<',
  '>',
  '<<',
  '<<<',
  'EOF',
  '#',
  'sudo',
  'env',
  '-i',
  'xargs',
  'find',
  '-exec',
  '{}',
  '+',
  'sh',
  '-c',
  'bash',
  'eval',
  'ssh',
  'source',
  '.',
  'cd',
  'if',
  'then',
  'fi',
  'for',
  'in',
  'do',
  'done',
  'case',
  'esac',
  ';;',
  'f()',
  'watch',
  'timeout',
  '5',
  'export',
  '$((',
  '))',
  '<(',
  'trap',
  'alias',
  'parallel',
  ':::',
  'su',
  '-',
  'flock',
  '$@',
  '$1',
];

test('random lines never fail internally', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
      const line = parts.join('');
      const analysis = analyzeLine(line, ctx);
      expect(analysis.unknowns.filter((unknown) => unknown.kind === 'unsupported')).toEqual([]);
    }),
    { numRuns: 3000 },
  );
});

const words = [
  'rm',
  '-rf',
  '/',
  ';',
  '&&',
  '||',
  '|',
  '&',
  '\n',
  '"$X"',
  "'a b'",
  '$(rm x)',
  '`ls`',
  '{a,b}',
  '{1..3}',
  '~/x',
  '*.txt',
  'cd /t',
  'cd ..',
  'sudo -u r',
  'env -i Y=1',
  'xargs -I{}',
  'find . -exec',
  '{}',
  '\\;',
  'sh -c',
  'bash -c',
  "'rm -rf /'",
  'eval',
  'ssh h',
  'source f',
  '. ./f',
  'X=1',
  'X=$X$X',
  'export X=~',
  '( ls )',
  '{ ls; }',
  'f(){ f|f& }',
  'f',
  '<<<',
  '"x"',
  '> out',
  '< in',
  '2>&1',
  'if true; then ls; fi',
  'for i in a; do rm $i; done',
  'case x in x) ls;; esac',
  'watch',
  'timeout 5',
  '${X:-/d}',
  '${X:=$(id)}',
  '$1',
  '"$@"',
  '$((1))',
  '<(ls)',
  'trap "rm x" EXIT',
  'alias l=ls',
  'nice -n5',
  'nohup',
];

test('random well-formed lines never fail internally', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words), { maxLength: 30 }), (parts) => {
      const analysis = analyzeLine(parts.join(' '), ctx);
      expect(analysis.unknowns.filter((unknown) => unknown.kind === 'unsupported')).toEqual([]);
    }),
    { numRuns: 3000 },
  );
});

test('random argv never fails internally', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (argv) => {
      const analysis = analyzeArgv(argv, ctx);
      expect(analysis.unknowns.filter((unknown) => unknown.kind === 'unsupported')).toEqual([]);
    }),
    { numRuns: 2000 },
  );
});
