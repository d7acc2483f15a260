// check's own reading of its arguments must agree with node's parseArgs, which it stands in
// for on the common shapes: same values and positionals, same errors.

import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkOptions, parseCheckArgs } from '../../src/commands/check.js';

function reference(args: string[]): unknown {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: checkOptions,
    });
    return { values: { ...values }, positionals };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function ours(args: string[]): unknown {
  try {
    const { values, positionals } = parseCheckArgs(args);
    return { values: { ...values }, positionals };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const cases: string[][] = [
  [],
  ['git status'],
  ['git', 'status'],
  ['--json', 'rm -rf /'],
  ['rm -rf /', '--json'],
  ['--probe', '--json', 'x'],
  ['--batch'],
  ['-h'],
  ['--help'],
  ['--cwd', '/tmp', 'ls'],
  ['--cwd=/tmp', 'ls'],
  ['--cwd=', 'ls'],
  ['--cwd', '/a', '--cwd', '/b', 'ls'],
  ['--env', 'A=1', '--env=B=2', 'echo $A'],
  ['--env', 'A=1', '--env', 'A=2', 'x'],
  ['--', '--json', '-h'],
  ['ls', '--', 'x'],
  ['-'],
  ['--cwd'],
  ['--env'],
  ['--cwd', '--json'],
  ['--env', '-x'],
  ['--json=1'],
  ['--unknown'],
  ['-x'],
  ['-hj'],
  ['-1'],
  ['--cwdx', 'y'],
  ['--JSON'],
  ['--batch', 'line'],
];

describe('check argument reading', () => {
  it.each(cases.map((c) => [JSON.stringify(c), c] as const))('%s reads as parseArgs reads it', (_, args) => {
    expect(ours(args)).toEqual(reference(args));
  });
});
