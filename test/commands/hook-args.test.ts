// The hook's own reading of its arguments must agree with node's parseArgs, which it stands in
// for on the shapes harnesses configure.

import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseHookArgs } from '../../src/commands/hook.js';

function reference(args: string[]): unknown {
  try {
    const { values } = parseArgs({
      args,
      strict: true,
      options: { harness: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    return { help: values.help === true, harness: values.harness };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const cases: string[][] = [
  [],
  ['--harness', 'claude-code'],
  ['--harness=codex'],
  ['--harness='],
  ['--harness', '--help'],
  ['--harness'],
  ['-h'],
  ['--help', '--harness', 'gemini'],
  ['--harness', 'a', '--harness', 'b'],
  ['extra'],
  ['--unknown'],
];

describe('parseHookArgs agrees with parseArgs', () => {
  it.each(cases.map((c) => [JSON.stringify(c), c] as const))('%s', (_, args) => {
    expect(parseHookArgs(args)).toEqual(reference(args));
  });
});
