import { describe, expect, it } from 'vitest';
import { parseShellArgs } from '../../src/commands/sh-args.js';

describe('parseShellArgs', () => {
  it.each([
    [['-c', 'ls'], [], { kind: 'command', line: 'ls', args: [] }],
    [['-lc', 'git status'], ['-l'], { kind: 'command', line: 'git status' }],
    [['-l', '-c', 'ls'], ['-l'], { kind: 'command', line: 'ls' }],
    [['-i', '-c', 'ls'], ['-i'], { kind: 'command', line: 'ls' }],
    [['-l', '-i', '-c', 'ls'], ['-l', '-i'], { kind: 'command', line: 'ls' }],
    [['-e', '-c', 'ls'], ['-e'], { kind: 'command', line: 'ls' }],
    [['-o', 'pipefail', '-c', 'a | b'], ['-o', 'pipefail'], { kind: 'command', line: 'a | b' }],
    [['-euo', 'pipefail', '-c', 'x'], ['-eu', '-o', 'pipefail'], { kind: 'command', line: 'x' }],
    [
      ['-x', '-c', 'ls', 'name', 'a1', 'a2'],
      ['-x'],
      { kind: 'command', line: 'ls', name: 'name', args: ['a1', 'a2'] },
    ],
    [['script.sh', 'arg'], [], { kind: 'file', path: 'script.sh', args: ['arg'] }],
    [['-e', 'script.sh'], ['-e'], { kind: 'file', path: 'script.sh', args: [] }],
    [[], [], { kind: 'stdin', args: [] }],
    [['-s', 'a', 'b'], [], { kind: 'stdin', args: ['a', 'b'] }],
    [['--login', '-c', 'ls'], ['--login'], { kind: 'command', line: 'ls' }],
    [['+x', '-c', 'ls'], ['+x'], { kind: 'command', line: 'ls' }],
  ] as const)('%j', (argv, options, input) => {
    const result = parseShellArgs(argv);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.args.options).toEqual(options);
    expect(result.args.input).toMatchObject(input);
  });

  it('knows login and interactive shells', () => {
    const result = parseShellArgs(['-l', '-i', '-c', 'ls']);
    expect(result.ok && result.args.login && result.args.interactive).toBe(true);
  });

  it.each([[['-c']], [['-Z', '-c', 'x']], [['--bogus']]])('rejects %j with a message', (argv) => {
    const result = parseShellArgs(argv);
    expect(result.ok).toBe(false);
  });
});
