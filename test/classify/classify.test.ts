import { describe, expect, it } from 'vitest';
import { classify } from '../../src/classify/classify.js';
import { describeCondition, explainRule, listRules } from '../../src/classify/explain.js';
import { loadPackTexts } from '../../src/classify/load-packs.js';
import { conditionMatches, wildcardMatch } from '../../src/classify/match.js';
import type { Condition } from '../../src/classify/rule.js';
import { defaultPolicy } from '../../src/decide/policy.js';
import { memoryFs } from '../../src/tools/memory-fs.js';
import { contextFor, recognizeLine } from '../tools/helpers.js';

const subjectOf = (line: string, files: string[] = []) => {
  const [invocation] = recognizeLine(line, files);
  return { invocation: invocation!, traitsOf: () => [] };
};

describe('conditionMatches', () => {
  const cases: [Condition, string, boolean][] = [
    [{ tool: 'git', subcommand: 'stash drop' }, 'git stash drop', true],
    [{ tool: 'git', subcommand: 'stash' }, 'git stash drop', true],
    [{ tool: 'git', subcommand: 'stash drop' }, 'git stash list', false],
    [{ tool: ['rm', 'unlink'], flag: 'recursive' }, 'rm -r x', true],
    [{ flags: ['recursive', 'force'] }, 'rm -r x', false],
    [{ flagValue: { prune: ['now'] } }, 'git gc --prune=now', true],
    [{ facts: { 'reset.mode': ['hard', 'merge'] } }, 'git reset --merge', true],
    [{ fact: 'push.force' }, 'git push', false],
    [{ positional: 'origin' }, 'git push origin', true],
    [{ positionals: { min: 2, max: 2 } }, 'rm a b', true],
    [{ any: [{ fact: 'push.force' }, { fact: 'push.mirror' }] }, 'git push --mirror', true],
    [{ all: [{ tool: 'git' }, { not: { subcommand: 'push' } }] }, 'git push', false],
    [{ program: 'rmdir' }, 'rmdir x', true],
  ];
  it.each(cases)('%j on %s → %s', (condition, line, expected) => {
    expect(conditionMatches(condition, subjectOf(line))).toBe(expected);
  });

  it('matches target kinds, traits and names', () => {
    const [inv] = recognizeLine('echo > data.csv', ['data.csv']).filter((i) => i.tool === 'redirect');
    const subject = { invocation: inv!, traitsOf: (i: number) => (i === 0 ? (['exists'] as const) : []) };
    expect(conditionMatches({ target: { name: ['*.csv'], traits: ['exists'] } }, subject)).toBe(true);
    expect(conditionMatches({ target: { name: '*.db' } }, subject)).toBe(false);
    expect(conditionMatches({ allTargets: { notTraits: ['exists'] } }, subject)).toBe(false);
    expect(conditionMatches({ target: { kind: 'device' } }, subject)).toBe(false);
  });

  it.each([
    ['*.db', 'app.db', true],
    ['.env.*', '.env.local', true],
    ['a?c', 'abc', true],
    ['*.db', 'app.dbx', false],
  ])('wildcard %s on %s → %s', (pattern, text, expected) => {
    expect(wildcardMatch(pattern, text)).toBe(expected);
  });
});

const pack = `pack: demo
description: demo
rules:
  - id: demo/recursive
    effect: destroy
    regenerableExempt: true
    reason: Deletes a tree.
    alternatives: [mv it to /tmp]
    probe: rm-tree
    match:
      tool: rm
      fact: recursive
      target: { traits: [inside-project] }
    unless:
      fact: help
    examples: { stop: ["rm -r src"], pass: ["rm a"] }
`;

describe('classify', () => {
  const { packs } = loadPackTexts([{ file: 'demo.yaml', text: pack }]);
  const ctx = { ...contextFor(memoryFs(['/home/user/project/'])), regenerable: defaultPolicy.regenerable };

  it('returns a finding with the rule’s data and the invocation’s view', () => {
    const [inv] = recognizeLine('rm -r node_modules');
    const [finding] = classify(inv!, packs, ctx);
    expect(finding).toMatchObject({
      rule: 'demo/recursive',
      pack: 'demo',
      effect: 'destroy',
      probe: 'rm-tree',
      regenerableExempt: true,
      command: 'rm -r node_modules',
      invocation: {
        tool: 'rm',
        targets: [{ traits: expect.arrayContaining(['regenerable', 'inside-project']) }],
      },
    });
  });

  it('finds nothing for other tools, help, or when the matcher fails', () => {
    for (const line of ['git status', 'rm --help -r src', 'rm -r /etc']) {
      expect(classify(recognizeLine(line)[0]!, packs, ctx)).toEqual([]);
    }
  });

  it('explains rules as data', () => {
    expect(listRules(packs)).toEqual([
      {
        id: 'demo/recursive',
        pack: 'demo',
        effect: 'destroy',
        reason: 'Deletes a tree.',
        catastrophic: false,
      },
    ]);
    const explanation = explainRule(packs, 'demo/recursive');
    expect(explanation?.matches).toEqual([
      'tool is rm',
      'fact recursive holds',
      'some target: inside-project',
    ]);
    expect(explanation?.examples).toEqual({ stop: ['rm -r src'], pass: ['rm a'] });
    expect(explainRule(packs, 'demo/none')).toBeUndefined();
    expect(describeCondition({ any: [{ tool: 'a' }, { tool: 'b' }] })).toEqual([
      'any of:',
      '  - tool is a',
      '  - tool is b',
    ]);
  });
});
