// Interposition figures through the real built CLI (issue 4 §8): an allowed command through a
// shim with its audit row, as a ratio to `node -e 0` (also with NODE_EXTRA_CA_CERTS in the
// caller's environment); `airlock sh -c LINE` against `node -e 0` plus `bash -c LINE`; 50
// concurrent airlock processes × 20 rows each; peak memory of a shim run.
// Run alone with `node test/bench/run.mjs interposition` after `npm run build`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { makeHome } from './install.mjs';
import { airlock, median, percentile, report, summary, timeCommands, withCaCerts } from './lib.mjs';

const RUNS = Number(process.env.AIRLOCK_BENCH_START_RUNS ?? 30);
const WRITERS = 50;
const ROWS = 20;

const cmd = (argv, env) => Object.assign([...argv], { env });
const ratio = (a, b) => a / b;
const ms = (v) => `${v.toFixed(1)} ms`;

function startUp(install) {
  const { shims, env, shimEnv } = install;
  const ca = withCaCerts(shimEnv);
  const [node, runTrue, shimTrue, shimGit, bareGit, shimTrueCa, runTrueCa] = timeCommands(
    [
      cmd([process.execPath, '-e', '0'], env),
      cmd([airlock, 'run', '--', 'true'], env),
      cmd([join(shims, 'true')], shimEnv),
      cmd([join(shims, 'git'), '--version'], shimEnv),
      cmd(['git', '--version'], env),
      cmd([join(shims, 'true')], ca),
      cmd([airlock, 'run', '--', 'true'], withCaCerts(env)),
    ],
    { runs: RUNS, warmup: 3 },
  );
  report('`node -e 0`, the floor', ms(node));
  report(
    'shimmed `true` (allowed, one audit row) / node -e 0',
    `${ms(shimTrue)}, ${ratio(shimTrue, node).toFixed(2)}x`,
    '≤ 1.6x',
    shimTrue / node <= 1.6,
  );
  report(
    '`airlock run -- true` (one audit row) / node -e 0',
    `${ms(runTrue)}, ${ratio(runTrue, node).toFixed(2)}x`,
    '≤ 1.6x',
    runTrue / node <= 1.6,
  );
  report(
    'shimmed `git --version` (a read, one row) / node -e 0',
    `${ms(shimGit)}, ${ratio(shimGit, node).toFixed(2)}x (bare git ${ms(bareGit)})`,
    '≤ 1.6x',
    shimGit / node <= 1.6,
  );
  report(
    '  same shimmed `true` with NODE_EXTRA_CA_CERTS in the caller env',
    `${ms(shimTrueCa)}, ${ratio(shimTrueCa, node).toFixed(2)}x`,
    '≤ 1.6x',
    shimTrueCa / node <= 1.6,
  );
  report(
    '  `airlock run -- true` with NODE_EXTRA_CA_CERTS',
    `${ms(runTrueCa)}, ${ratio(runTrueCa, node).toFixed(2)}x`,
    '≤ 1.6x',
    runTrueCa / node <= 1.6,
  );
}

function guardedShell(install) {
  const { dir, env, shimEnv } = install;
  const repo = join(dir, 'repo');
  mkdirSync(repo);
  spawnSync('git', ['init', '-q', repo]);
  for (let i = 0; i < 20; i++) spawnSync('sh', ['-c', `echo ${i} > ${join(repo, `f${i}.txt`)}`]);
  const line = 'git status && ls | wc -l';
  const inRepo = (e) => ({ ...e, GIT_DIR: join(repo, '.git'), GIT_WORK_TREE: repo });
  // timeCommands has no cwd option: git reads GIT_DIR/GIT_WORK_TREE, ls is given the directory.
  const lsLine = `git status && ls ${repo} | wc -l`;
  const noShims = makeHome([], { install: false });
  try {
    const [node, bash, shPlain, shShimmed] = timeCommands(
      [
        cmd([process.execPath, '-e', '0'], env),
        cmd(['bash', '-c', lsLine], inRepo(env)),
        cmd([airlock, 'sh', '-c', lsLine], inRepo({ ...noShims.env })),
        cmd([airlock, 'sh', '-c', lsLine], inRepo(shimEnv)),
      ],
      { runs: RUNS, warmup: 3 },
    );
    report(`\`bash -c '${line}'\``, ms(bash));
    report(
      `airlock sh -c (line judged, one row) / (node -e 0 + bash -c)`,
      `${ms(shPlain)}, ${ratio(shPlain, node + bash).toFixed(2)}x`,
      '≤ 1.8x',
      shPlain / (node + bash) <= 1.8,
    );
    report(
      '  same with the shims installed (git inside meets its shim too)',
      `${ms(shShimmed)}, ${ratio(shShimmed, node + bash).toFixed(2)}x`,
      '≤ 1.8x',
      shShimmed / (node + bash) <= 1.8,
    );
  } finally {
    noShims.remove();
  }
}

function runOnce(env) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(airlock, ['run', '--', 'true'], { env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, ms: performance.now() - start }));
  });
}

async function concurrentCli() {
  const install = makeHome([], { install: false });
  try {
    const latencies = [];
    let failed = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        for (let i = 0; i < ROWS; i++) {
          const r = await runOnce(install.env);
          if (r.status !== 0) failed++;
          latencies.push(r.ms);
        }
      }),
    );
    const wall = performance.now() - start;
    const exported = spawnSync(airlock, ['export'], {
      env: install.env,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    const stored = exported.stdout.split('\n').filter(Boolean).length;
    const verified = spawnSync(airlock, ['verify', '--json'], { env: install.env, encoding: 'utf8' });
    const verify = JSON.parse(verified.stdout);
    const db = new Database(join(install.home, 'state', 'audit.db'));
    db.pragma('wal_checkpoint(TRUNCATE)');
    const page = db.pragma('page_size', { simple: true });
    const used =
      page * (db.pragma('page_count', { simple: true }) - db.pragma('freelist_count', { simple: true }));
    db.close();
    const lost = WRITERS * ROWS - stored;
    report(
      `${WRITERS} processes × ${ROWS} \`airlock run -- true\` each: rows lost`,
      `${lost} (${failed} runs failed)`,
      'target 0',
      lost === 0 && failed === 0,
    );
    report('  chain verifies', verify.ok ? `yes, ${verify.rows} rows` : verify.kind, 'yes', verify.ok);
    report(
      '  whole-command latency p50 / p99 under contention',
      `${ms(median(latencies))} / ${ms(percentile(latencies, 99))}`,
    );
    report('  wall time for all rows', `${(wall / 1000).toFixed(1)} s`);
    report(
      '  bytes per row (after checkpoint)',
      `${Math.round(used / stored)} B (file ${statSync(join(install.home, 'state', 'audit.db')).size} B)`,
    );
  } finally {
    install.remove();
  }
}

function peakRss(install) {
  const { shims, shimEnv } = install;
  const viaTime = (argv) => {
    if (!existsSync('/usr/bin/time')) return undefined;
    const r = spawnSync('/usr/bin/time', ['-f', '%M', ...argv], { env: shimEnv, encoding: 'utf8' });
    return r.status === 0 ? Number(r.stderr.trim().split('\n').at(-1)) : undefined;
  };
  // Without GNU time: the child reads airlock's own high-water mark (its parent) from /proc.
  const viaProc = () => {
    const r = spawnSync(join(shims, 'sh'), ['-c', 'grep VmHWM /proc/$PPID/status'], {
      env: shimEnv,
      encoding: 'utf8',
    });
    const m = /VmHWM:\s+(\d+)/.exec(r.stdout);
    return m ? Number(m[1]) : undefined;
  };
  const figures = [
    ['peak RSS, shimmed `git --version` (/usr/bin/time %M)', viaTime([join(shims, 'git'), '--version'])],
    ['peak RSS, shimmed `true` (/usr/bin/time %M)', viaTime([join(shims, 'true')])],
    ['peak RSS of airlock while its child runs (/proc VmHWM)', viaProc()],
  ];
  for (const [label, kb] of figures)
    if (kb !== undefined) report(label, `${(kb / 1024).toFixed(1)} MB`, '≤ 60 MB', kb <= 60 * 1024);
}

export async function benchInterposition() {
  const install = makeHome(['true', 'sh']);
  try {
    startUp(install);
    guardedShell(install);
    peakRss(install);
  } finally {
    install.remove();
  }
  await concurrentCli();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchInterposition();
  summary();
}
