import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPackFiles, loadPackTexts } from '../../src/classify/load-packs.js';

const good = `pack: demo
description: A demo pack.
programs: [demo]
rules:
  - id: demo/wipe
    effect: destroy
    reason: Wipes things.
    match: { tool: demo, flag: wipe }
    examples:
      stop: ["demo --wipe"]
      pass: ["demo"]
`;

function problemsOf(text: string) {
  return loadPackTexts([{ file: 'rules/demo.yaml', text }]).problems;
}

describe('loadPackTexts', () => {
  it('loads a valid pack with defaults and the rule’s line', () => {
    const { packs, problems } = loadPackTexts([{ file: 'rules/demo.yaml', text: good }]);
    expect(problems).toEqual([]);
    expect(packs[0]!.rules[0]).toMatchObject({
      id: 'demo/wipe',
      pack: 'demo',
      catastrophic: false,
      regenerableExempt: false,
      alternatives: [],
      source: { file: 'rules/demo.yaml', line: 5 },
    });
  });

  const broken: [string, string, { rule?: string; line?: number; message: RegExp }][] = [
    [
      'unknown rule key',
      good.replace('    reason:', '    reasn: x\n    reason:'),
      { rule: 'demo/wipe', line: 7, message: /unknown key "reasn"/ },
    ],
    [
      'invalid effect',
      good.replace('effect: destroy', 'effect: delete'),
      { rule: 'demo/wipe', line: 6, message: /effect must be/ },
    ],
    [
      'id without the pack prefix',
      good.replace('id: demo/wipe', 'id: other/wipe'),
      { rule: 'other/wipe', line: 5, message: /not prefixed/ },
    ],
    [
      'missing examples',
      good.replace(/ {4}examples:[\s\S]*$/, ''),
      { rule: 'demo/wipe', line: 5, message: /needs `examples`/ },
    ],
    [
      'no pass example',
      good.replace('      pass: ["demo"]\n', ''),
      { rule: 'demo/wipe', line: 9, message: /at least one `stop` and one `pass`/ },
    ],
    [
      'wrong type',
      good.replace('flag: wipe', 'flag: [1]'),
      { rule: 'demo/wipe', line: 8, message: /match.flag: must be/ },
    ],
    [
      'unknown trait',
      good.replace('flag: wipe', 'target: { traits: [huge] }'),
      { rule: 'demo/wipe', message: /unknown value "huge"/ },
    ],
    [
      'unknown matcher key',
      good.replace('flag: wipe', 'flagz: wipe'),
      { rule: 'demo/wipe', line: 8, message: /unknown key "flagz"/ },
    ],
    [
      'empty matcher',
      good.replace('match: { tool: demo, flag: wipe }', 'match: {}'),
      { rule: 'demo/wipe', message: /would match every command/ },
    ],
    ['yaml syntax', good.replace('rules:', 'rules: [\n'), { message: /YAML syntax/ }],
    ['unknown top-level key', `${good}extra: 1\n`, { line: 12, message: /unknown key "extra"/ }],
  ];
  it.each(broken)('reports %s with file, rule, line and a fix', (_name, text, expected) => {
    const problems = problemsOf(text);
    expect(problems.length).toBeGreaterThan(0);
    const problem = problems.find((p) => expected.message.test(p.message));
    expect(problem, JSON.stringify(problems)).toBeDefined();
    expect(problem!.file).toBe('rules/demo.yaml');
    expect(problem!.fix.length).toBeGreaterThan(0);
    if (expected.rule !== undefined) expect(problem!.rule).toBe(expected.rule);
    if (expected.line !== undefined) expect(problem!.line).toBe(expected.line);
  });

  it('reports duplicate ids across packs and keeps the first', () => {
    const other = good.replace('pack: demo', 'pack: demo2').replace('id: demo/wipe', 'id: demo2/wipe');
    const { packs, problems } = loadPackTexts([
      { file: 'a.yaml', text: good },
      { file: 'b.yaml', text: other },
      {
        file: 'c.yaml',
        text: good.replace('pack: demo', 'pack: demo3').replace('id: demo/wipe', 'id: demo3/wipe'),
      },
    ]);
    expect(problems).toEqual([]);
    expect(packs).toHaveLength(3);
    const dup = loadPackTexts([
      { file: 'a.yaml', text: good },
      { file: 'b.yaml', text: good },
    ]);
    expect(dup.problems[0]).toMatchObject({
      file: 'b.yaml',
      message: expect.stringMatching(/already defined/),
    });
  });

  it('reads pack files from disk and reports unreadable ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'airlock-packs-'));
    try {
      writeFileSync(join(dir, 'demo.yaml'), good);
      const { packs, problems } = loadPackFiles([join(dir, 'demo.yaml'), join(dir, 'missing.yaml')]);
      expect(packs).toHaveLength(1);
      expect(problems).toEqual([expect.objectContaining({ file: join(dir, 'missing.yaml') })]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
