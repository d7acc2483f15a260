import { describe, expect, it } from 'vitest';
import { withCallHazards } from '../../../src/tools/sql/my-calls.js';
import type { MyNode } from '../../../src/tools/sql/mysql.js';
import type { SqlStatement } from '../../../src/tools/sql/types.js';

const select: SqlStatement = { kind: 'select', effect: 'read', objects: [], text: 'SELECT …', facts: {} };
const call = (name: string): MyNode => ({
  type: 'function',
  name: { name: [{ type: 'default', value: name }] },
});
const selecting = (...calls: MyNode[]): MyNode => ({
  type: 'select',
  columns: calls.map((expr) => ({ expr })),
});

describe('withCallHazards', () => {
  it.each([
    [selecting(call('count')), 'select', 'read'],
    [selecting(call('WRITEFILE')), 'call-writefile', 'destroy'],
    [selecting(call('writefile'), call('load_extension')), 'call-load-extension', 'unknown'],
    [selecting({ type: 'function', name: 'sys_eval' }), 'call-sys-eval', 'unknown'],
    [selecting({ type: 'single_quote_string', value: 'writefile(x)' }), 'select', 'read'],
  ])('%j → %s', (node, kind, effect) => {
    const judged = withCallHazards(select, node);
    expect([judged.kind, judged.effect]).toEqual([kind, effect]);
  });

  it('keeps a statement that is already as strict as its calls', () => {
    const wipe: SqlStatement = { ...select, kind: 'delete', effect: 'destroy' };
    expect(withCallHazards(wipe, selecting(call('writefile')))).toBe(wipe);
  });

  it('calls a tree larger than its bound unknown instead of walking on', () => {
    const wide = selecting(...Array.from({ length: 50 }, () => call('abs')));
    expect(withCallHazards(select, wide, 40).kind).toBe('too-large');
    expect(withCallHazards(select, wide, 1000).kind).toBe('select');
  });
});
