// The small pure pieces of the approval UI: the command tokenizer and the color switch.

import { describe, expect, it } from 'vitest';
import { colorEnabled } from '../../src/approve/ui/color.js';
import { tokenizeCommand } from '../../src/approve/ui/tokenize-command.js';

const kinds = (line: string) =>
  tokenizeCommand(line)
    .filter((t) => t.kind !== 'space')
    .map((t) => `${t.kind}:${t.text}`);

describe('tokenizeCommand', () => {
  it.each([
    ['rm -rf somedir', ['program:rm', 'flag:-rf', 'target:somedir']],
    [
      'TF_WORKSPACE=prod terraform destroy',
      ['assignment:TF_WORKSPACE=prod', 'program:terraform', 'target:destroy'],
    ],
    [
      "psql -c 'drop table users' | jq .",
      ['program:psql', 'flag:-c', "target:'drop table users'", 'operator:|', 'program:jq', 'target:.'],
    ],
    ['cd x&&rm -r "a b"', ['program:cd', 'target:x', 'operator:&&', 'program:rm', 'flag:-r', 'target:"a b"']],
    ['echo a\\ b -', ['program:echo', 'target:a\\ b', 'target:-']],
  ])('%s', (line, expected) => {
    expect(kinds(line)).toEqual(expected);
  });

  it('keeps every character, in order', () => {
    const line = `  FOO=1 git push --force origin main ; ls 'x y' "z\\"w"`;
    expect(
      tokenizeCommand(line)
        .map((t) => t.text)
        .join(''),
    ).toBe(line);
  });

  it('stays linear on long input', () => {
    const line = `rm ${'"a'.repeat(50_000)}`;
    const start = performance.now();
    expect(tokenizeCommand(line).length).toBeGreaterThan(0);
    expect(performance.now() - start).toBeLessThan(200);
  });
});

describe('colorEnabled', () => {
  it.each([
    [{}, true],
    [{ NO_COLOR: '1' }, false],
    [{ NO_COLOR: '' }, true],
    [{ TERM: 'dumb' }, false],
    [{ FORCE_COLOR: '0' }, false],
  ])('%j → %s', (env, expected) => {
    expect(colorEnabled(env)).toBe(expected);
  });
});
