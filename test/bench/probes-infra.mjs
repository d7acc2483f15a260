// Measurement latency per infrastructure family, each against its real component started
// here: psql against PostgreSQL 15, terraform plan with terraform_data, kubectl against the
// local Kubernetes API stand-in, aws s3 against the local S3 protocol server. Builds the
// TypeScript probes and test servers with esbuild, so it also runs on its own.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { median, percentile, report, root, summary } from './lib.mjs';

const RUNS = 10;
/** The default per-probe deadline (config probes.timeout). */
const DEADLINE_MS = 3000;

function build() {
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'airlock-probes-bench-'));
  const outfile = join(dir, 'probes.mjs');
  const helpers = join(root, 'test', 'helpers');
  buildSync({
    stdin: {
      contents: [
        `export { startPostgres } from ${JSON.stringify(join(helpers, 'postgres.ts'))};`,
        `export { startKubeApi } from ${JSON.stringify(join(helpers, 'kube-api.ts'))};`,
        `export { startS3 } from ${JSON.stringify(join(helpers, 's3.ts'))};`,
        `export { measureLine } from ${JSON.stringify(join(helpers, 'probe-context.ts'))};`,
        `export { loadPostgresParser } from ${JSON.stringify(join(root, 'src', 'tools', 'sql', 'postgres.ts'))};`,
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'error',
    // The sources load some packages lazily with require().
    banner: {
      js: "import { createRequire as airlockRequire } from 'node:module'; const require = airlockRequire(import.meta.url);",
    },
    // probe-context finds rules/ relative to its own file.
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(helpers, 'probe-context.ts')).href) },
    outfile,
  });
  return { dir, url: pathToFileURL(outfile).href };
}

async function time(label, run) {
  const samples = [];
  let last;
  for (let i = 0; i < RUNS + 1; i++) {
    const start = performance.now();
    last = await run();
    if (i > 0) samples.push(performance.now() - start);
  }
  if (last.measurement.status !== 'done') throw new Error(`${label}: ${last.measurement.reason}`);
  const p50 = median(samples);
  const p90 = percentile(samples, 90);
  report(
    `${label} (median, p90 of ${RUNS})`,
    `${p50.toFixed(0)} ms, ${p90.toFixed(0)} ms`,
    `< ${DEADLINE_MS} ms`,
    p90 < DEADLINE_MS,
  );
}

async function psqlFamily(m) {
  await m.loadPostgresParser();
  const pg = await m.startPostgres();
  try {
    pg.sql(
      "CREATE TABLE users (id int PRIMARY KEY); CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users ON DELETE CASCADE, status text); INSERT INTO users SELECT g FROM generate_series(1, 10000) g; INSERT INTO orders SELECT g, 1 + g % 10000, CASE WHEN g % 3 = 0 THEN 'old' END FROM generate_series(1, 100000) g; ANALYZE;",
    );
    const env = { PATH: process.env.PATH, HOME: tmpdir() };
    const conn = `-h ${pg.host} -p ${pg.port} -U airlock -d postgres`;
    await time('psql DELETE … WHERE, 100,000-row table', () =>
      m.measureLine(
        `psql ${conn} -c "DELETE FROM orders WHERE status = 'old'"`,
        'psql',
        'psql-count',
        env,
        tmpdir(),
      ),
    );
    await time('psql TRUNCATE … CASCADE', () =>
      m.measureLine(`psql ${conn} -c "TRUNCATE users CASCADE"`, 'psql', 'psql-tables', env, tmpdir()),
    );
  } finally {
    pg.stop();
  }
}

async function terraformFamily(m) {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-tf-bench-'));
  try {
    writeFileSync(
      join(dir, 'main.tf'),
      'resource "terraform_data" "item" {\n  count = 20\n  input = count.index\n}\n',
    );
    const env = { PATH: process.env.PATH, HOME: dir };
    execFileSync('terraform', ['init', '-input=false', '-no-color'], { cwd: dir, env, stdio: 'ignore' });
    execFileSync('terraform', ['apply', '-auto-approve', '-input=false', '-no-color'], {
      cwd: dir,
      env,
      stdio: 'ignore',
    });
    await time('terraform destroy: plan -out + show -json, 20 resources', () =>
      m.measureLine('terraform destroy', 'terraform', 'terraform-plan', env, dir),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function kubectlFamily(m) {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-kube-bench-'));
  const api = await m.startKubeApi(dir);
  try {
    api.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    for (let i = 0; i < 50; i++)
      api.put({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `web-${i}`, namespace: 'shop', labels: { app: 'web' } },
        spec: {},
      });
    api.put({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'db', namespace: 'shop' },
      spec: {},
    });
    const env = { PATH: process.env.PATH, HOME: dir, KUBECONFIG: api.kubeconfig };
    await time('kubectl delete pods -l (stand-in API server)', () =>
      m.measureLine('kubectl delete pods -l app=web -n shop', 'kubectl', 'kubectl-objects', env, dir),
    );
    await time('kubectl delete namespace (stand-in API server)', () =>
      m.measureLine('kubectl delete namespace shop', 'kubectl', 'kubectl-namespace', env, dir),
    );
  } finally {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function s3Family(m) {
  const s3 = await m.startS3();
  const dir = mkdtempSync(join(tmpdir(), 'airlock-s3-bench-'));
  try {
    s3.createBucket('data');
    for (let i = 0; i < 1000; i++) s3.putObject('data', `logs/${i}.log`, 'x'.repeat(100));
    const env = { PATH: process.env.PATH, HOME: dir, ...s3.env };
    await time('aws s3 rm --recursive, 1,000 objects (local S3 server)', () =>
      m.measureLine(
        `aws s3 rm s3://data/logs --recursive --endpoint-url ${s3.endpoint}`,
        'aws',
        'aws-s3-objects',
        env,
        dir,
      ),
    );
  } finally {
    await s3.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchProbesInfra() {
  const built = build();
  try {
    const m = await import(built.url);
    await psqlFamily(m);
    await terraformFamily(m);
    await kubectlFamily(m);
    await s3Family(m);
  } finally {
    rmSync(built.dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchProbesInfra();
  summary();
}
