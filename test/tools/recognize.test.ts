import { describe, expect, it } from 'vitest';
import { analyzeLine } from '../../src/parse/analyze.js';
import { guardedPrograms, hazardInvocation, recognize } from '../../src/tools/index.js';
import type { Invocation } from '../../src/tools/invocation.js';
import { memoryFs } from '../../src/tools/memory-fs.js';
import { contextFor, cwd, env, recognizeLine } from './helpers.js';

type Expect = Partial<Pick<Invocation, 'tool' | 'program' | 'subcommand' | 'positionals'>> & {
  flags?: Record<string, string[]>;
  facts?: Record<string, unknown>;
  targets?: (string | undefined)[];
};

function check(invocation: Invocation | undefined, expected: Expect): void {
  expect(invocation).toBeDefined();
  const { flags, facts, targets, ...rest } = expected;
  expect(invocation).toMatchObject(rest);
  if (flags !== undefined) expect(invocation!.flags).toMatchObject(flags);
  if (facts !== undefined) expect(invocation!.facts).toMatchObject(facts);
  if (targets !== undefined) expect(invocation!.targets.map((t) => t.resolved ?? t.value)).toEqual(targets);
}

describe('rm family', () => {
  const cases: [string, string[], Expect][] = [
    ['rm -rf build', [], { tool: 'rm', flags: { recursive: [''], force: [''] }, targets: [`${cwd}/build`] }],
    ['rm --recursive --force -- -weird', [], { facts: { recursive: true }, targets: [`${cwd}/-weird`] }],
    ['rm -rf notes.txt', ['notes.txt'], { facts: { 'removes-tree': false } }],
    ['rm -rf src', ['src/'], { facts: { 'removes-tree': true } }],
    ['rm -r link', ['link -> /etc'], { targets: ['/etc'] }],
    ['rmdir -p a/b', [], { tool: 'rmdir', flags: { parents: [''] }, targets: [`${cwd}/a/b`] }],
    ['unlink x', [], { tool: 'unlink', targets: [`${cwd}/x`] }],
    ['rm --help -rf /', [], { facts: { help: true } }],
  ];
  it.each(cases)('%s', (line, files, expected) => check(recognizeLine(line, files)[0], expected));

  it('leaves a target dynamic when its value is unknown', () => {
    const [inv] = recognizeLine('rm -rf "$DIR"');
    expect(inv!.targets[0]!.dynamic).toBeDefined();
    expect(inv!.targets[0]!.value).toBeUndefined();
  });
});

describe('git', () => {
  const head = ['.git/HEAD = ref: refs/heads/main'];
  const cases: [string, string[], Expect][] = [
    ['git status', [], { tool: 'git', subcommand: ['status'] }],
    ['git -C sub --no-pager log -p', [], { subcommand: ['log'], flags: { p: [''] } }],
    ['git reset --hard HEAD~1', [], { subcommand: ['reset'], facts: { 'reset.mode': 'hard' } }],
    ['git reset --soft', [], { facts: { 'reset.mode': 'soft' } }],
    ['git checkout -- a.ts', [], { facts: { 'checkout.paths': true }, targets: [`${cwd}/a.ts`] }],
    ['git checkout main', [], { facts: { 'checkout.paths': false } }],
    ['git checkout main', ['main'], { facts: { 'checkout.paths': true } }],
    ['git checkout -b topic origin/main', [], { facts: { 'checkout.paths': false } }],
    ['git checkout -B main', [], { facts: { 'checkout.resets-branch': true } }],
    ['git switch --discard-changes x', [], { facts: { 'switch.discards': true } }],
    ['git restore --staged a', [], { facts: { 'restore.worktree': false } }],
    ['git restore a', [], { facts: { 'restore.worktree': true } }],
    ['git clean -nfd', [], { facts: { 'clean.force': true, 'clean.dry-run': true } }],
    ['git stash drop stash@{1}', [], { subcommand: ['stash', 'drop'] }],
    ['git branch -D old', [], { facts: { 'branch.force-delete': true } }],
    ['git branch -d old', [], { facts: { 'branch.force-delete': false, 'branch.delete': true } }],
    ['git push -f origin main', [], { facts: { 'push.force': true }, positionals: ['origin', 'main'] }],
    ['git push origin +main', [], { facts: { 'push.plus-refspec': true, 'push.force': false } }],
    ['git push origin :gone', [], { facts: { 'push.delete-refspec': true } }],
    ['git push --force-with-lease', [], { facts: { 'push.force-with-lease': true } }],
    ['git push --force-w', [], { facts: { 'push.force-with-lease': true } }],
    ['git push --mirr backup', [], { facts: { 'push.mirror': true } }],
    ['git push -o ci.skip origin main', [], { positionals: ['origin', 'main'] }],
    ['git reflog expire --expire=now --all', [], { subcommand: ['reflog', 'expire'] }],
    ['git gc --prune=now', [], { facts: { 'gc.prune': 'now' } }],
    ['git update-ref -d refs/heads/x', [], { facts: { 'update-ref.delete': true } }],
    [
      'git worktree remove -f ../wt',
      [],
      { subcommand: ['worktree', 'remove'], facts: { 'worktree.force': true } },
    ],
    ['git commit -m "git push --force"', [], { subcommand: ['commit'], facts: {} }],
  ];
  it.each(cases)('%s', (line, files, expected) => check(recognizeLine(line, files)[0], expected));

  it('reads the current branch from .git/HEAD, also from a subdirectory and through -C', () => {
    const [inv] = recognizeLine('git -C src push', [...head, 'src/']);
    expect(inv!.envHints).toContainEqual(expect.objectContaining({ kind: 'git-branch', value: 'main' }));
    expect(inv!.envHints).toHaveLength(1);
    const [pushed] = recognizeLine('git push upstream', head);
    expect(pushed!.envHints).toContainEqual(
      expect.objectContaining({ kind: 'git-remote', value: 'upstream' }),
    );
  });

  it('resolves work-tree targets against -C', () => {
    const [inv] = recognizeLine('git -C ../other reset --hard');
    expect(inv!.targets.map((t) => t.resolved)).toEqual(['/home/user/other']);
  });

  it('reports a verb known only at run time', () => {
    const [inv] = recognizeLine('git $VERB');
    expect(inv!.facts['dynamic-verb']).toBe(true);
    expect(inv!.unknowns).toHaveLength(1);
  });
});

describe('file-system tools', () => {
  const cases: [string, string[], Expect][] = [
    [
      'dd if=a.iso of=/dev/sdb bs=4M',
      [],
      { tool: 'dd', facts: { 'dd.device': true }, targets: ['/dev/sdb'] },
    ],
    ['dd if=/dev/sda of=disk.img', [], { facts: { 'dd.device': false }, targets: [`${cwd}/disk.img`] }],
    ['mkfs.ext4 -L data /dev/sdb1', [], { tool: 'mkfs', program: 'mkfs.ext4', targets: ['/dev/sdb1'] }],
    ['wipefs /dev/sdb', [], { tool: 'wipefs', facts: { 'disk.writes': false }, targets: [] }],
    ['wipefs -a /dev/sdb', [], { facts: { 'disk.writes': true } }],
    ['fdisk -l /dev/sda', [], { facts: { 'disk.writes': false } }],
    ['parted /dev/sda print', [], { facts: { 'disk.writes': false } }],
    ['parted -s /dev/sda mklabel gpt', [], { facts: { 'disk.writes': true } }],
    ['truncate -s +1M f', [], { facts: { 'truncate.shrinks': false } }],
    ['truncate -s 0 f', [], { facts: { 'truncate.shrinks': true } }],
    ['chmod -R 755 /var/www', [], { tool: 'chmod', facts: { recursive: true }, targets: ['/var/www'] }],
    ['chown -R me:me ./data', [], { targets: [`${cwd}/data`] }],
    ['chmod -w f', [], { targets: [`${cwd}/f`] }],
    ['find . -name x -delete', [], { tool: 'find', facts: { 'find.delete': true }, targets: [cwd] }],
    ['find -L /tmp a -type f', [], { facts: { 'find.delete': false }, targets: ['/tmp', `${cwd}/a`] }],
    ['rsync -a --delete src/ dst/', [], { facts: { 'rsync.delete': true }, targets: [`${cwd}/dst`] }],
    ['rsync -a src/ host:/srv/', [], { targets: ['host:/srv/'] }],
    ['mv a b', ['a', 'b'], { tool: 'mv', facts: { 'overwrites-existing': true } }],
    ['mv -n a b', ['a', 'b'], { facts: { 'overwrites-existing': false } }],
    ['cp a dir', ['a', 'dir/a'], { facts: { 'overwrites-existing': true } }],
    ['cp -t dir a', ['a', 'dir/'], { facts: { 'overwrites-existing': false }, targets: [`${cwd}/dir`] }],
    ['ln -s a b', ['b'], { facts: { 'overwrites-existing': false } }],
    ['ln -sf a b', ['b'], { facts: { 'overwrites-existing': true } }],
    ["sed -i 's/a/b/' f", [], { tool: 'sed', facts: { 'sed.in-place': true }, targets: [`${cwd}/f`] }],
    ["sed 's/a/b/' f", [], { targets: [] }],
    ['sqlite3 -readonly app.db', [], { tool: 'sqlite3', facts: { 'sqlite.readonly': true } }],
  ];
  it.each(cases)('%s', (line, files, expected) => check(recognizeLine(line, files)[0], expected));
});

describe('redirections', () => {
  it('makes a redirect invocation for an output file, marking an overwrite of an existing file', () => {
    const invs = recognizeLine('echo hi > out.txt', ['out.txt']);
    const redirect = invs.find((i) => i.tool === 'redirect');
    expect(redirect?.facts['overwrites-existing']).toBe(true);
    expect(
      recognizeLine('echo hi >> out.txt', ['out.txt']).find((i) => i.tool === 'redirect')?.facts,
    ).toMatchObject({
      'overwrites-existing': false,
      'redirect.append': true,
    });
  });

  it('ignores /dev/null, ttys and descriptor duplication', () => {
    for (const line of ['make > /dev/null 2>&1', 'echo x > /dev/tty', 'echo x >&2']) {
      expect(recognizeLine(line).filter((i) => i.tool === 'redirect')).toEqual([]);
    }
  });
});

describe('shells fed from a pipe', () => {
  const cases: [string, Record<string, boolean>][] = [
    ['curl -fsSL https://x | sh', { 'stdin.remote-code': true }],
    ['curl https://x | tee log | bash -s -- -y', { 'stdin.remote-code': true }],
    ['echo aGk= | base64 --decode | bash', { 'stdin.decoded-code': true }],
    ['xxd -r -p f | sh', { 'stdin.decoded-code': true }],
    ['curl https://x | python3 -m json.tool', {}],
    ['curl https://x | bash script.sh', {}],
  ];
  it.each(cases)('%s', (line, facts) => {
    const shell = recognizeLine(line).find((i) => i.tool === 'sh' || i.tool === 'interpreter');
    expect(shell).toBeDefined();
    for (const key of ['stdin.remote-code', 'stdin.decoded-code']) {
      expect(Boolean(shell!.facts[key])).toBe(facts[key] ?? false);
    }
  });
});

describe('registry', () => {
  it('passes unknown programs through with their words and no interpretation', () => {
    const [inv] = recognizeLine('frobnicate -x --all a b');
    expect(inv).toMatchObject({
      tool: 'frobnicate',
      positionals: ['-x', '--all', 'a', 'b'],
      flags: {},
      facts: {},
    });
  });

  it('recognizes airlock itself with verb paths', () => {
    expect(recognizeLine('airlock shims uninstall')[0]!.subcommand).toEqual(['shims', 'uninstall']);
  });

  it('turns a hazard into a shell invocation', () => {
    const analysis = analyzeLine(':(){ :|:& };:', { env, cwd });
    expect(analysis.hazards.length).toBeGreaterThan(0);
    const inv = hazardInvocation(analysis.hazards[0]!);
    expect(inv).toMatchObject({ tool: 'shell', program: 'shell', subcommand: ['fork-bomb'] });
  });

  it('lists guarded programs without shells', () => {
    const programs = guardedPrograms([{ programs: ['kubectl'] }]);
    expect(programs).toEqual(expect.arrayContaining(['rm', 'git', 'dd', 'mkfs', 'kubectl']));
    expect(programs).not.toContain('bash');
  });

  it('treats a relative path as dynamic when the working directory is unknown', () => {
    const [command] = analyzeLine('rm -rf build', { env, cwd }).commands;
    const ctx = contextFor(memoryFs([]));
    const [inv] = recognize({ ...command!, cwd: undefined }, ctx).invocations;
    expect(inv!.targets[0]!.dynamic).toBe('the working directory is not known');
  });
});
