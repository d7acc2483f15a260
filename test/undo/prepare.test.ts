import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allPacks } from '../../src/commands/packs.js';
import { evaluateArgvFully } from '../../src/decide/evaluate.js';
import { realFs } from '../../src/tools/real-fs.js';
import { planUndo, rollbackLine } from '../../src/undo/plan.js';
import { prepareUndo } from '../../src/undo/prepare.js';
import { fastTempDir, gitEnv, removeDir, tempDir, writeFiles } from '../probes/fs-fixture.js';

let work: string;
let trash: string;
beforeEach(() => {
  work = tempDir('airlock-prep-');
  trash = join(tempDir('airlock-prep-home-'), 'trash');
});
afterEach(() => {
  removeDir(work);
  removeDir(join(trash, '..'));
});

const evaluate = (argv: string[], cwd = work) =>
  evaluateArgvFully(argv, { env: gitEnv, cwd, packs: allPacks([]).packs, fs: realFs });

describe('planUndo', () => {
  it.each([
    [['rm', 'a'], 'recursive', false, undefined],
    [['rm', 'a'], 'recursive', true, 'trash'],
    [['rm', '-rf', 'd'], 'recursive', false, 'trash'],
    [['rm', 'a'], 'always', false, 'trash'],
    [['rm', '-rf', 'd'], 'never', true, undefined],
    [['rm', '--help'], 'always', true, undefined],
    [['git', 'reset', '--hard'], 'never', true, 'git-snapshot'],
    [['git', 'clean', '-fdx'], 'recursive', true, 'git-snapshot'],
    [['git', 'clean', '-n'], 'recursive', true, undefined],
    [['git', 'stash', 'drop'], 'recursive', true, 'git-stash'],
    [['git', 'branch', '-D', 'x'], 'recursive', true, 'git-branch'],
    [['git', 'status'], 'recursive', true, undefined],
  ] as const)('%j with undo.trash %s (approved: %s) → %s', (argv, trashMode, approved, kind) => {
    const plan = planUndo(evaluate([...argv]), { trash: trashMode, argv: [...argv], approved });
    expect(plan?.kind).toBe(kind);
    if (plan) expect(rollbackLine(plan)).toMatch(new RegExp(`undo: airlock undo ${plan.id}$`));
  });
});

describe('prepareUndo for rm', () => {
  const run = (argv: string[], approved: boolean, cwd = work, limitBytes = 1e9) => {
    const evaluation = evaluate(argv, cwd);
    const plan = planUndo(evaluation, { trash: 'always', argv, approved });
    if (plan === undefined) throw new Error('no plan');
    let stderr = '';
    const prepared = prepareUndo({
      plan,
      evaluation,
      args: argv.slice(1),
      command: argv.join(' '),
      cwd,
      env: gitEnv,
      trashDir: trash,
      shimDirs: [],
      limitBytes,
      approved,
      stderr: (t) => {
        stderr += t;
      },
    });
    return Promise.resolve(prepared).then((p) => ({ prepared: p, stderr }));
  };

  it('moves to the trash on the same file system and names the undo id', async () => {
    writeFiles(work, { 'd/f': 'f' });
    const { prepared } = await run(['rm', '-r', 'd'], false);
    expect(prepared).toMatchObject({ kind: 'ran', exitCode: 0 });
    expect(prepared.note).toMatch(/^moved to airlock's trash; undo: airlock undo \w+$/);
    expect(existsSync(join(work, 'd'))).toBe(false);
  });

  it('leaves an allowed delete on another file system to the real rm', async () => {
    const other = fastTempDir('airlock-prep-other-');
    writeFiles(other, { 'd/f': 'f' });
    try {
      const { prepared } = await run(['rm', '-r', 'd'], false, other);
      // Skip the claim when /dev/shm is the same file system as the trash (no tmpfs here).
      if (other.startsWith('/dev/shm'))
        expect(prepared).toMatchObject({ kind: 'prepared', note: 'no undo: not on the trash file system' });
      expect(existsSync(join(other, 'd/f'))).toBe(true);
    } finally {
      removeDir(other);
    }
  });

  it('refuses an approved delete the trash has no room for, deleting nothing', async () => {
    writeFileSync(join(work, 'big'), Buffer.alloc(10_000));
    const { prepared, stderr } = await run(['rm', 'big'], true, work, 5_000);
    expect(prepared.kind).toBe('refused');
    expect(stderr).toMatch(/not run: .*over its limit/);
    expect(existsSync(join(work, 'big'))).toBe(true);
  });
});
