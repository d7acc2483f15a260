// File-system and git figures (issue: blast radius and undo): the rm measurement on 100,000
// files through `airlock check --probe`, and undo round trips (trash on one file system and
// across two, git snapshots) restored byte- and stat-identical.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { airlock, median, report, root } from './lib.mjs';

const shm = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

/** Every entry's type, mode, size, sha256 (links by target) and, with `times`, mtime. */
function digest(path, rel = '', times = true) {
  const full = join(path, rel);
  const st = lstatSync(full);
  const mtime = times ? ` ${st.mtimeMs}` : '';
  if (st.isSymbolicLink()) return [`${rel} -> ${readlinkSync(full)}`];
  if (st.isDirectory()) {
    if (rel === '.git') return [];
    const out = [`${rel}/ ${st.mode & 0o7777}${times && rel !== '' ? mtime : ''}`];
    for (const name of readdirSync(full).sort()) out.push(...digest(path, join(rel, name), times));
    return out;
  }
  const sha = createHash('sha256').update(readFileSync(full)).digest('hex');
  return [`${rel} ${st.mode & 0o7777}${mtime} ${st.size} ${sha}`];
}

function makeMixedTree(dir, seed) {
  mkdirSync(join(dir, 'sub', 'deep'), { recursive: true });
  for (let i = 0; i < 20; i++)
    writeFileSync(join(dir, 'sub', `f${i}.bin`), randomBytes(100 + seed * 37 + i * 911));
  writeFileSync(join(dir, 'run.sh'), '#!/bin/sh\n');
  chmodSync(join(dir, 'run.sh'), 0o751);
  symlinkSync('sub/f1.bin', join(dir, 'link'));
  symlinkSync('/does/not/exist', join(dir, 'dangling'));
  const t = new Date(Date.UTC(2021, 0, 1 + seed));
  for (const p of ['sub/deep', 'sub', 'run.sh', '.']) utimesSync(join(dir, p), t, t);
}

/** The undo library, bundled from source for this run. */
async function loadUndo() {
  const out = join(root, 'node_modules', '.cache', 'airlock-bench-undo.mjs');
  const entry = join(root, 'node_modules', '.cache', 'airlock-bench-undo-entry.ts');
  mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
  writeFileSync(
    entry,
    `export { moveToTrash } from '${root}/src/undo/trash.ts';
export { snapshotWorktree } from '${root}/src/undo/git-snapshot.ts';
export { writeManifest } from '${root}/src/undo/manifest.ts';
export { undoById } from '${root}/src/undo/undo.ts';\n`,
  );
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'error',
  });
  return import(pathToFileURL(out).href);
}

function benchMeasurement() {
  const dir = mkdtempSync(join(shm, 'airlock-bench-tree-'));
  try {
    for (let d = 0; d < 100; d++) {
      mkdirSync(join(dir, 'tree', `d${d}`), { recursive: true });
      for (let f = 0; f < 1000; f++) closeSync(openSync(join(dir, 'tree', `d${d}`, `f${f}`), 'w'));
    }
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const probeMs = [];
    const wallMs = [];
    let files = 0;
    for (let run = 0; run < 5; run++) {
      const start = process.hrtime.bigint();
      const r = spawnSync(airlock, ['check', '--probe', '--json', 'rm -rf tree'], {
        cwd: dir,
        encoding: 'utf8',
      });
      wallMs.push(Number(process.hrtime.bigint() - start) / 1e6);
      const m = JSON.parse(r.stdout).blastRadius.measurements[0];
      files = m.counts?.files ?? 0;
      probeMs.push(m.elapsedMs);
    }
    const ms = median(probeMs);
    report(
      'rm measurement, 100,000 files (+100 dirs, git split), probe time',
      `${ms.toFixed(0)} ms`,
      '≤ 1,500 ms',
      ms <= 1500 && files === 100_000,
    );
    report(
      '  whole airlock check --probe, wall clock',
      `${median(wallMs).toFixed(0)} ms`,
      `counted ${files.toLocaleString('en-US')} files`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchRoundTrips() {
  const undo = await loadUndo();
  const home = mkdtempSync(join(tmpdir(), 'airlock-bench-home-'));
  const trashDir = join(home, 'trash');
  let identical = 0;
  let total = 0;
  let bytes = 0;
  try {
    for (const base of [tmpdir(), shm]) {
      for (let i = 0; i < 10; i++) {
        const work = mkdtempSync(join(base, 'airlock-bench-rt-'));
        makeMixedTree(join(work, 't'), i);
        const before = digest(work, 't');
        const moved = await undo.moveToTrash({
          trashDir,
          paths: [join(work, 't')],
          command: 'rm -rf t',
          cwd: work,
          limitBytes: 1e10,
        });
        bytes += moved.ok ? moved.manifest.bytes : 0;
        const restored =
          moved.ok && undo.undoById({ trashDir, env: process.env, git: 'git' }, moved.manifest.id);
        total++;
        if (restored?.ok && JSON.stringify(digest(work, 't')) === JSON.stringify(before)) identical++;
        rmSync(work, { recursive: true, force: true });
      }
    }
    report(
      'trash round trips (rm → airlock undo), 10 on one fs + 10 across',
      `${identical}/${total} identical`,
      '100%',
      identical === total,
    );
    report('  bytes moved and restored', `${bytes.toLocaleString('en-US')} B`);
    let gitOk = 0;
    const gitTotal = 10;
    const env = {
      ...process.env,
      GIT_AUTHOR_NAME: 'b',
      GIT_AUTHOR_EMAIL: 'b@x',
      GIT_COMMITTER_NAME: 'b',
      GIT_COMMITTER_EMAIL: 'b@x',
    };
    for (let i = 0; i < gitTotal; i++) {
      const repo = mkdtempSync(join(tmpdir(), 'airlock-bench-git-'));
      const g = (...args) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' });
      g('init', '-q');
      writeFileSync(join(repo, 'a.txt'), 'a\n');
      writeFileSync(join(repo, '.gitignore'), '*.log\n');
      g('add', '-A');
      g('commit', '-q', '-m', 'one');
      writeFileSync(join(repo, 'a.txt'), `changed ${i}\n`);
      writeFileSync(join(repo, 'b.txt'), 'staged\n');
      g('add', 'b.txt');
      writeFileSync(join(repo, 'new.txt'), randomBytes(1000 + i));
      writeFileSync(join(repo, 'x.log'), 'ignored');
      // git writes restored files anew: content and modes must match, times need not.
      const state = () =>
        g('status', '--porcelain', '--ignored', '-uall') +
        g('ls-files', '-s') +
        digest(repo, '', false).join('\n');
      const before = state();
      const command = i % 2 === 0 ? ['reset', '-q', '--hard'] : ['clean', '-q', '-fdx'];
      undo.writeManifest(
        trashDir,
        undo.snapshotWorktree({
          git: 'git',
          cwd: repo,
          env,
          id: `g${i}`,
          command: command.join(' '),
          includeIgnored: i % 2 === 1,
        }),
      );
      g(...command);
      const result = undo.undoById({ trashDir, env, git: 'git' }, `g${i}`);
      if (result.ok && state() === before) gitOk++;
      rmSync(repo, { recursive: true, force: true });
    }
    report(
      'git snapshot round trips (reset --hard, clean -fdx → airlock undo)',
      `${gitOk}/${gitTotal} identical`,
      '100%',
      gitOk === gitTotal,
    );
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** The git family: probe time for a hard reset and a clean in a repository of 2,000 files. */
function benchGitMeasurements() {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-bench-gitm-'));
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'b',
    GIT_AUTHOR_EMAIL: 'b@x',
    GIT_COMMITTER_NAME: 'b',
    GIT_COMMITTER_EMAIL: 'b@x',
  };
  const g = (...args) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' });
  try {
    g('init', '-q');
    for (let d = 0; d < 20; d++) {
      mkdirSync(join(dir, `src${d}`));
      for (let f = 0; f < 100; f++)
        writeFileSync(join(dir, `src${d}`, `f${f}.txt`), `line ${f}\n`.repeat(20));
    }
    g('add', '-A');
    g('commit', '-q', '-m', 'base');
    for (let c = 0; c < 5; c++) {
      writeFileSync(join(dir, `c${c}.txt`), 'c');
      g('add', '-A');
      g('commit', '-q', '-m', `c${c}`);
    }
    for (let f = 0; f < 500; f++) writeFileSync(join(dir, `src${f % 20}`, `f${f % 100}.txt`), 'changed\n');
    mkdirSync(join(dir, 'scratch'));
    for (let f = 0; f < 1000; f++) writeFileSync(join(dir, 'scratch', `u${f}`), 'u');
    for (const [line, figure] of [
      ['git reset --hard HEAD~5', 'git reset --hard measurement (500 changed files, 5 commits)'],
      ['git clean -fdx', 'git clean -fdx measurement (1,000 untracked files)'],
      ['rm -rf src0 src1 scratch', 'rm measurement in a repository (1,200 files, git split)'],
    ]) {
      const times = [];
      let summary = '';
      for (let run = 0; run < 5; run++) {
        const r = spawnSync(airlock, ['check', '--probe', '--json', line], {
          cwd: dir,
          encoding: 'utf8',
          env,
        });
        const m = JSON.parse(r.stdout).blastRadius.measurements[0];
        times.push(m.elapsedMs);
        summary = m.summary;
      }
      const ms = median(times);
      report(figure, `${ms.toFixed(0)} ms`, '≤ 500 ms', ms <= 500);
      report(`  ${summary.slice(0, 60)}`, '');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchProbesFs() {
  benchMeasurement();
  benchGitMeasurements();
  await benchRoundTrips();
}
