// Audit store figures: 50 concurrent writer processes × 20 rows (rows lost, write latency,
// bytes per row) and the cost of one row in a fresh process. Builds src/audit with esbuild
// itself, so `node test/bench/audit.mjs` works on its own as well as from run.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { median, percentile, report, root, summary } from './lib.mjs';

const WRITERS = 50;
const ROWS = 20;

function buildModule() {
  // Under node_modules/.cache so better-sqlite3 resolves from the repo, as from an install.
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'airlock-audit-bench-'));
  const outfile = join(dir, 'audit.mjs');
  buildSync({
    entryPoints: [join(root, 'src', 'audit', 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    outfile,
  });
  return { dir, url: pathToFileURL(outfile).href };
}

function runWriter(url, stateDir, label, goFile, onReady) {
  const writer = join(root, 'test', 'fixtures', 'audit', 'writer.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, url, stateDir, String(ROWS), label, goFile]);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
      if (err === 'ready\n') onReady();
    });
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${label}: ${err}`)),
    );
  });
}

async function concurrentWriters(url, work) {
  const stateDir = join(work, 'state');
  const goFile = join(work, 'go');
  let ready = 0;
  let allReady;
  const readyAll = new Promise((resolve) => {
    allReady = resolve;
  });
  const writers = Array.from({ length: WRITERS }, (_, i) =>
    runWriter(url, stateDir, `w${i}`, goFile, () => {
      if (++ready === WRITERS) allReady();
    }),
  );
  await readyAll;
  const start = performance.now();
  writeFileSync(goFile, 'go');
  const reports = await Promise.all(writers);
  const wall = performance.now() - start;

  const audit = await import(url);
  const verified = audit.verifyStore(stateDir);
  const store = audit.openStore(stateDir);
  const stored = audit.queryAudit(store).length;
  audit.closeStore(store);
  // Fold the WAL into the main file so the size is what the rows really take.
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(join(stateDir, 'audit.db'));
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pageBytes = db.pragma('page_size', { simple: true }) * db.pragma('page_count', { simple: true });
  const freeBytes = db.pragma('page_size', { simple: true }) * db.pragma('freelist_count', { simple: true });
  db.close();
  const fileBytes = statSync(join(stateDir, 'audit.db')).size;

  const latencies = reports.flatMap((r) => r.latencies);
  const failures = reports.flatMap((r) => r.failures);
  const lost = WRITERS * ROWS - stored;
  report(
    `${WRITERS} writers × ${ROWS} rows: rows lost`,
    `${lost} (${failures.length} failed)`,
    'target 0',
    lost === 0,
  );
  report(
    '  chain verifies after the run',
    verified.ok ? `yes, ${verified.rows} rows` : verified.kind,
    'yes',
    verified.ok,
  );
  report(
    '  write latency p50 (open + append + close, under contention)',
    `${median(latencies).toFixed(1)} ms`,
  );
  report('  write latency p99', `${percentile(latencies, 99).toFixed(1)} ms`);
  report('  write latency max', `${Math.max(...latencies).toFixed(1)} ms`);
  report('  wall time for all rows', `${wall.toFixed(0)} ms`);
  report(
    '  bytes per row (after checkpoint)',
    `${Math.round((pageBytes - freeBytes) / stored)} B (file ${fileBytes} B)`,
  );
}

/** One row written by a fresh process into an existing store, as a shim would. */
function singleRow(url, work) {
  const stateDir = join(work, 'single');
  const script = `
    const t0 = performance.now();
    const audit = await import(${JSON.stringify(url)});
    const t1 = performance.now();
    const store = audit.openStore(${JSON.stringify(stateDir)});
    const r = audit.appendAudit(store, { actorKind: 'human', entry: 'shim', argv: ['git', 'status'], step: 'allowed' });
    const t2 = performance.now();
    audit.appendAudit(store, { actorKind: 'human', entry: 'shim', argv: ['git', 'status'], step: 'exited', exitStatus: 0 });
    const t3 = performance.now();
    audit.closeStore(store);
    const t4 = performance.now();
    if (!r.ok) throw new Error(r.message);
    console.log(JSON.stringify({ load: t1 - t0, first: t2 - t1, second: t3 - t2, close: t4 - t3 }));`;
  const samples = [];
  for (let i = 0; i < 25; i++) {
    const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    if (out.status !== 0) throw new Error(out.stderr);
    if (i >= 3) samples.push(JSON.parse(out.stdout));
  }
  const med = (key) => median(samples.map((s) => s[key])).toFixed(2);
  report('one row, fresh process: import src/audit bundle', `${med('load')} ms`);
  report('  first row (driver load + open + migrate check + key + tx)', `${med('first')} ms`, 'a few ms');
  report('  second row on the open store (one IMMEDIATE tx)', `${med('second')} ms`, '~1.3 ms');
  report('  close', `${med('close')} ms`);
}

export async function benchAudit() {
  const built = buildModule();
  const work = mkdtempSync(join(tmpdir(), 'airlock-audit-bench-'));
  try {
    await concurrentWriters(built.url, work);
    singleRow(built.url, work);
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(built.dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await benchAudit();
  summary();
}
