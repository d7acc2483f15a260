// Execute-stage figures through the real built CLI (its shims, its audit row): throughput of
// 500 MB through a shimmed `cat` against bare `cat` (start-up aside), start-up of a shim hop,
// and peak memory of a shim run.
// Run alone with `node test/bench/exec.mjs`, or as part of `npm run bench`.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeHome } from './install.mjs';
import { median, report, withCaCerts } from './lib.mjs';

const MB = 1024 * 1024;
const SIZE_MB = Number(process.env.AIRLOCK_BENCH_EXEC_MB ?? 500);
const RUNS = Number(process.env.AIRLOCK_BENCH_EXEC_RUNS ?? 15);

/** Wall time of one run with stdin from `input` and stdout to /dev/null (no shell in between). */
function timeOnce(command, input, env) {
  const inFd = openSync(input, 'r');
  const outFd = openSync('/dev/null', 'w');
  const start = process.hrtime.bigint();
  const result = spawnSync(command, [], { env, stdio: [inFd, outFd, 'inherit'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  closeSync(inFd);
  closeSync(outFd);
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} exited ${result.status ?? result.signal}`);
  return ms;
}

/** Median ms for each [command, env, input] variant over `runs` interleaved rounds, after a warm-up. */
function timeVariants(variants, runs) {
  const samples = variants.map(() => []);
  for (let round = 0; round <= runs; round++)
    variants.forEach(([command, env, input], i) => {
      const ms = timeOnce(command, input, env);
      if (round > 0) samples[i].push(ms);
    });
  return samples.map(median);
}

function peakRssKb(command, args, env) {
  const viaTime = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { env, encoding: 'utf8' });
  if (viaTime.error || viaTime.status !== 0) return undefined;
  const lines = viaTime.stderr.trim().split('\n');
  return Number(lines[lines.length - 1]);
}

export async function benchExec() {
  const install = makeHome(['cat', 'true']);
  const { dir, shims } = install;
  const env = install.shimEnv;
  try {
    const big = join(dir, 'random.bin');
    const empty = join(dir, 'empty.bin');
    writeFileSync(empty, '');
    const chunk = randomBytes(16 * MB);
    const fd = openSync(big, 'w');
    for (let written = 0; written < SIZE_MB; written += 16)
      writeFileSync(fd, chunk.subarray(0, Math.min(16, SIZE_MB - written) * MB));
    closeSync(fd);
    const bare = '/bin/cat';
    const shimmed = join(shims, 'cat');

    // Throughput: the time for SIZE_MB minus the time for an empty input is the per-byte work.
    // All four interleaved in each round, so load from other processes hits them alike.
    const [bareBig, shimBig, bareEmpty, shimEmpty] = timeVariants(
      [
        [bare, env, big],
        [shimmed, env, big],
        [bare, env, empty],
        [shimmed, env, empty],
      ],
      RUNS,
    );
    const bareRate = SIZE_MB / ((bareBig - bareEmpty) / 1000);
    const shimRate = SIZE_MB / ((shimBig - shimEmpty) / 1000);
    const ratio = shimRate / bareRate;
    report(`bare cat, ${SIZE_MB} MB file → /dev/null (median of ${RUNS})`, `${bareBig.toFixed(1)} ms`);
    report(`shimmed cat, ${SIZE_MB} MB file → /dev/null`, `${shimBig.toFixed(1)} ms`);
    report(
      'start-up: bare cat / shimmed cat, empty input',
      `${bareEmpty.toFixed(1)} / ${shimEmpty.toFixed(1)} ms`,
    );
    report(
      'throughput start-up aside, shimmed vs bare',
      `${shimRate.toFixed(0)} vs ${bareRate.toFixed(0)} MB/s (${(ratio * 100).toFixed(1)}%)`,
      '≥ 95% of bare',
      ratio >= 0.95,
    );

    // Start-up of a shim hop (execute stage only, no audit), with the caller's CA bundle set too.
    const [shimTrue, shimTrueCa, nodeFloor] = timeVariants(
      [
        [join(shims, 'true'), env, empty],
        [join(shims, 'true'), withCaCerts(env), empty],
        [process.execPath, env, empty],
      ],
      RUNS * 3,
    );
    report('shimmed `true` (judged, run, one audit row)', `${shimTrue.toFixed(1)} ms`);
    report('same with NODE_EXTRA_CA_CERTS in the caller env', `${shimTrueCa.toFixed(1)} ms`);
    report('`node` reading empty stdin, for scale', `${nodeFloor.toFixed(1)} ms`);

    const rssKb = peakRssKb(join(shims, 'cat'), [empty], env);
    if (rssKb !== undefined)
      report(
        'peak RSS of a shimmed cat run (/usr/bin/time %M)',
        `${(rssKb / 1024).toFixed(1)} MB`,
        '≤ 60 MB',
        rssKb <= 60 * 1024,
      );
  } finally {
    install.remove();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchExec();
