// Frame tests of every prompt state at 80, 40 and 200 columns, and the outcome each key resolves.

import { afterEach, describe, expect, it } from 'vitest';
import { Prompt } from '../../src/approve/prompt/Prompt.js';
import type { BlastRadius, PromptOutcome } from '../../src/approve/types.js';
import { applyColor } from '../../src/approve/ui/color.js';
import { measured, pending, prodView, rmView, timedOut } from './ui-fixtures.js';
import { flat, keys, renderAt, widest } from './ui-harness.js';

afterEach(() => applyColor(false, {}));

function renderPrompt(view = rmView, columns = 80, extra: { armMs?: number; subscribe?: never } = {}) {
  const outcomes: PromptOutcome[] = [];
  return renderAt(<Prompt view={view} onDecide={(o) => outcomes.push(o)} {...extra} />, columns).then(
    (r) => ({
      ...r,
      outcomes,
    }),
  );
}

const withMeasurements = (...measurements: BlastRadius['measurements']) => ({
  ...rmView,
  blastRadius: { measurements },
});

describe.each([80, 40, 200])('the prompt at %i columns', (columns) => {
  it('shows the command, badge, finding, a spinner while measuring, undo and keys', async () => {
    const r = await renderPrompt(rmView, columns);
    const frame = r.frame();
    expect(frame.split('\n')[0]).toContain('airlock: approval needed');
    expect(frame).toContain('$ rm -rf somedir');
    expect(frame).toContain('local');
    expect(frame).toContain('rm/recursive');
    expect(frame).toContain('destroy · approve');
    expect(frame).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] rm-tree measuring…/);
    expect(frame).toContain('Undo: no undo');
    expect(frame).toMatch(/y approve once · n deny · d details\s*· \? help/);
    expect(widest(frame)).toBeLessThanOrEqual(columns);
    r.unmount();
  });

  it('fills in a done measurement with its recoverability, and an unknown one with its reason', async () => {
    const r = await renderPrompt(withMeasurements(measured, timedOut), columns);
    const frame = r.frame();
    expect(frame).toContain('✓ rm-tree');
    expect(frame).toContain('1,204 files, 38 MB');
    expect(frame).toContain('not recoverable');
    expect(flat(frame)).toContain('? git-status unknown: timed out after 3000 ms');
    expect(frame).not.toContain('measuring');
    expect(widest(frame)).toBeLessThanOrEqual(columns);
    r.unmount();
  });

  it('opens details with d: findings in full, the parsed invocation, raw measurement output', async () => {
    const r = await renderPrompt(withMeasurements(measured), columns);
    await r.press('d');
    const frame = r.frame();
    expect(frame).toContain('Findings');
    expect(frame).toContain('pack rm');
    expect(frame).toContain('subcommand: (none)');
    expect(frame).toContain('flags: --recursive --force');
    expect(frame).toMatch(/targets: path somedir →/);
    expect(frame).toContain('walked 1204 entries');
    expect(frame).toContain('somedir/a.txt');
    expect(frame).not.toContain('Undo:');
    expect(widest(frame)).toBeLessThanOrEqual(columns);
    await r.press('d');
    expect(r.frame()).toContain('Undo: no undo');
    expect(r.outcomes).toEqual([]);
    r.unmount();
  });

  it('opens help with ? and closes it with any key, deciding nothing', async () => {
    const r = await renderPrompt(rmView, columns);
    await r.press('?');
    expect(r.frame()).toContain('Keys');
    expect(r.frame()).toMatch(/approve: the command runs\s+once/);
    await r.press('y');
    expect(r.frame()).toContain('Undo: no undo');
    expect(r.outcomes).toEqual([]);
    r.unmount();
  });

  it('asks for the typed name in production: empty, partial, then a mismatch denies', async () => {
    const r = await renderPrompt(prodView, columns);
    let frame = r.frame();
    expect(frame).toContain('PRODUCTION');
    expect(frame).toMatch(/type the namespace name\s+payments/);
    expect(frame).toContain('> ▌');
    expect(frame).not.toContain('y approve once');
    await r.press(keys.enter);
    expect(r.frame()).toContain('type the namespace name, or Esc to deny');
    await r.press('p', 'a', 'y');
    expect(r.frame()).toContain('> pay▌');
    await r.press(keys.enter);
    frame = r.frame();
    expect(flat(frame)).toContain('"pay" does not match "payments": denied, nothing was run');
    expect(r.outcomes).toEqual([{ kind: 'denied', reason: 'typed-mismatch' }]);
    expect(widest(frame)).toBeLessThanOrEqual(columns);
    r.unmount();
  });
});

describe('prompt keys', () => {
  it.each([
    ['y', { kind: 'approved' }],
    ['n', { kind: 'denied', reason: 'key' }],
    [keys.escape, { kind: 'denied', reason: 'escape' }],
    [keys.ctrlC, { kind: 'denied', reason: 'interrupt' }],
  ])('%j resolves %j, once', async (key, expected) => {
    const r = await renderPrompt();
    await r.press(key, 'y', 'n');
    expect(r.outcomes).toEqual([expected]);
    expect(r.frame()).toMatch(/^airlock: (approved once|denied)/);
    r.unmount();
  });

  it('approves a typed confirmation only on the exact name, with backspace to correct', async () => {
    const r = await renderPrompt(prodView);
    await r.press(...'paymentz', keys.backspace, 's', keys.enter);
    expect(r.outcomes).toEqual([{ kind: 'approved', typed: 'payments' }]);
    r.unmount();
  });

  it('types y and n into the name field instead of deciding, and Tab shows details', async () => {
    const r = await renderPrompt(prodView);
    await r.press('y', 'n');
    expect(r.frame()).toContain('> yn');
    await r.press(keys.tab);
    expect(r.frame()).toContain('subcommand: delete namespace');
    expect(r.frame()).toContain('env hints: kube-context prod-eu from --context flag');
    await r.press(keys.escape);
    expect(r.frame()).toContain('Undo: no undo');
    expect(r.outcomes).toEqual([]);
    r.unmount();
  });

  it('ignores an approving key typed before the prompt could be read, but not a denial', async () => {
    const r = await renderPrompt(rmView, 80, { armMs: 400 });
    await r.press('y');
    expect(r.outcomes).toEqual([]);
    await r.press(keys.ctrlC);
    expect(r.outcomes).toEqual([{ kind: 'denied', reason: 'interrupt' }]);
    r.unmount();
  });
});

describe('prompt rendering', () => {
  it('fills in measurements as they arrive through subscribe', async () => {
    let push: (b: BlastRadius) => void = () => {};
    let unsubscribed = false;
    const subscribe = (listener: (b: BlastRadius) => void) => {
      push = listener;
      return () => {
        unsubscribed = true;
      };
    };
    const r = await renderAt(
      <Prompt view={withMeasurements(pending)} subscribe={subscribe} onDecide={() => {}} />,
      80,
    );
    expect(r.frame()).toContain('measuring…');
    push({ measurements: [measured] });
    await r.settle();
    expect(r.frame()).toContain('1,204 files, 38 MB');
    expect(r.frame()).not.toContain('measuring…');
    r.unmount();
    expect(unsubscribed).toBe(true);
  });

  it('lays out again when the terminal is resized', async () => {
    const r = await renderPrompt(withMeasurements(measured), 120);
    expect(r.frame()).toMatch(/1,204 files, 38 MB \(12 untracked\) +not recoverable/);
    await r.resize(40);
    expect(widest(r.frame())).toBeLessThanOrEqual(40);
    expect(r.frame()).toMatch(/untracked\)\n +not recoverable/);
    r.unmount();
  });

  it('uses color on a color terminal and none at all with NO_COLOR', async () => {
    applyColor(true, { TERM: 'xterm' });
    const colored = await renderPrompt(prodView);
    expect(colored.frame()).toContain('\u001b[');
    colored.unmount();
    applyColor(false, { NO_COLOR: '1' });
    const plain = await renderPrompt(prodView);
    expect(plain.frame()).not.toContain('\u001b');
    expect(plain.frame()).toContain('PRODUCTION');
    plain.unmount();
  });
});
