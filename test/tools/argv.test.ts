import { describe, expect, it } from 'vitest';
import { type ArgvSpec, parseArgv } from '../../src/tools/argv.js';
import { words } from './helpers.js';

const spec: ArgvSpec = {
  options: {
    recursive: { short: 'rR' },
    force: { short: 'f' },
    lines: { short: 'n', value: 'required' },
    backup: { short: 'b', value: 'optional' },
    'no-clobber': { aliases: ['noclobber'] },
  },
};

const verbs: ArgvSpec = {
  optionsAfterPositionals: false,
  options: { directory: { short: 'C', value: 'required' }, force: { short: 'f' } },
  subcommands: {
    push: { options: { force: { short: 'f' }, 'dry-run': { short: 'n' } } },
    stash: { subcommands: { drop: {}, list: {} } },
  },
};

describe('parseArgv', () => {
  const cases: [string[], Partial<ReturnType<typeof parseArgv>>][] = [
    [['-rf', 'a'], { flags: { recursive: [''], force: [''] }, positionals: ['a'] }],
    [['-R', '--force', 'a', 'b'], { flags: { recursive: [''], force: [''] }, positionals: ['a', 'b'] }],
    [['-n5', 'x'], { flags: { lines: ['5'] }, positionals: ['x'] }],
    [['-n', '5', 'x'], { flags: { lines: ['5'] }, positionals: ['x'] }],
    [['-fn', '5'], { flags: { force: [''], lines: ['5'] }, positionals: [] }],
    [['--lines=7'], { flags: { lines: ['7'] } }],
    [['--lines', '7'], { flags: { lines: ['7'] } }],
    [['--backup', 'x'], { flags: { backup: [''] }, positionals: ['x'] }],
    [['--backup=numbered'], { flags: { backup: ['numbered'] } }],
    [['a', '-f'], { flags: { force: [''] }, positionals: ['a'] }],
    [['--', '-f'], { flags: {}, positionals: ['-f'], dashDashAt: 0 }],
    [['--recur', 'x'], { flags: { recursive: [''] }, positionals: ['x'] }],
    [['--noclobber'], { flags: { 'no-clobber': [''] } }],
    [['-z', '--what=1'], { flags: { z: [''], what: ['1'] }, unknownOptions: ['-z', '--what=1'] }],
    [['-'], { positionals: ['-'] }],
  ];
  it.each(cases)('%j', (argv, expected) => {
    expect(parseArgv(words(...argv), spec)).toMatchObject(expected);
  });

  it('reads a dynamic word in option position as unknown, and keeps it as a positional', () => {
    const parsed = parseArgv(words('-r', '$OPTS', 'dir'), spec);
    expect(parsed.unknownOptions).toEqual(['$OPTS']);
    expect(parsed.positionals).toEqual(['$OPTS', 'dir']);
  });

  it('separates options before the verb from the verb’s own, and follows nested verbs', () => {
    expect(parseArgv(words('-C', 'dir', 'push', '-fn', 'origin'), verbs)).toMatchObject({
      subcommand: ['push'],
      globalFlags: { directory: ['dir'] },
      flags: { force: [''], 'dry-run': [''] },
      positionals: ['origin'],
    });
    expect(parseArgv(words('stash', 'drop', 'stash@{1}'), verbs)).toMatchObject({
      subcommand: ['stash', 'drop'],
      positionals: ['stash@{1}'],
    });
  });

  it('stops at the first positional when options may not follow it', () => {
    expect(parseArgv(words('status', '-f'), verbs)).toMatchObject({
      subcommand: [],
      positionals: ['status', '-f'],
    });
  });

  it('refuses an ambiguous abbreviation', () => {
    const ambiguous: ArgvSpec = { options: { force: {}, format: { value: 'required' } } };
    expect(parseArgv(words('--f'), ambiguous).unknownOptions).toEqual(['--f']);
    expect(parseArgv(words('--fo'), ambiguous).unknownOptions).toEqual(['--fo']);
    expect(parseArgv(words('--forc'), ambiguous).flags).toEqual({ force: [''] });
  });
});
