// Shared helpers for the benchmark scripts: wall-clock timing of whole commands,
// interleaved so that machine noise hits every variant alike, and a result table.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const airlock = join(root, 'bin', 'airlock');

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs each command `runs` times, interleaved, after `warmup` rounds; returns median ms per command. */
export function timeCommands(commands, { runs = 30, warmup = 3, env = process.env, input } = {}) {
  const samples = commands.map(() => []);
  for (let round = 0; round < warmup + runs; round++) {
    commands.forEach((cmd, i) => {
      const start = process.hrtime.bigint();
      const result = spawnSync(cmd[0], cmd.slice(1), {
        env: cmd.env ?? env,
        input,
        stdio: ['pipe', 'ignore', 'pipe'],
      });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (result.error) throw result.error;
      if (round >= warmup) samples[i].push(ms);
    });
  }
  return samples.map(median);
}

export function withoutCaCerts(env = process.env) {
  const copy = { ...env };
  delete copy.NODE_EXTRA_CA_CERTS;
  return copy;
}

export function withCaCerts(env = process.env) {
  return { ...env, NODE_EXTRA_CA_CERTS: env.NODE_EXTRA_CA_CERTS ?? '/etc/ssl/certs/ca-certificates.crt' };
}

const rows = [];
export function report(figure, value, target, ok) {
  rows.push({ figure, value, target, ok });
  const mark = ok === undefined ? ' ' : ok ? '✓' : '✗';
  console.log(`${mark} ${figure.padEnd(64)} ${String(value).padEnd(22)} ${target ?? ''}`);
}

export function summary() {
  const failed = rows.filter((r) => r.ok === false);
  console.log(`\n${rows.length} figures, ${failed.length} off target`);
  return rows;
}
