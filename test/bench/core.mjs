// Core figures (issue 2 §7, issue 3 §3): `check --batch` throughput on the whole corpus
// (SQL lines reported apart), start-up of `airlock check 'git status'` and of a psql line
// with SQL against `node -e 0`, and the worst-case inputs. Run alone with
// `node test/bench/run.mjs core` after `npm run build`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { airlock, median, report, root, timeCommands, withCaCerts, withoutCaCerts } from './lib.mjs';

const BATCH_ROUNDS = Number(process.env.AIRLOCK_BENCH_BATCH_ROUNDS ?? 3);
const START_RUNS = Number(process.env.AIRLOCK_BENCH_START_RUNS ?? 40);
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function corpusLines(dir) {
  const lines = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) lines.push(...corpusLines(path));
    else if (entry.name.endsWith('.jsonl')) {
      for (const line of readFileSync(path, 'utf8').split('\n')) if (line.trim()) lines.push(line);
    }
  }
  return lines;
}

/** One `check --batch` run: wall seconds, and CPU seconds (user+sys) when GNU time is there. */
function batchOnce(input, expected) {
  const env = withoutCaCerts();
  const command = gnuTime ? [gnuTime, '-f', '@@cpu %U %S', airlock] : [airlock];
  const start = process.hrtime.bigint();
  const result = spawnSync(command[0], [...command.slice(1), 'check', '--batch'], {
    input,
    env,
    maxBuffer: 1 << 30,
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const answered = result.stdout.toString().split('\n').filter(Boolean).length;
  if (answered !== expected) throw new Error(`batch answered ${answered} of ${expected}`);
  const cpuLine = result.stderr
    .toString()
    .split('\n')
    .find((l) => l.startsWith('@@cpu '));
  const cpu = cpuLine
    ? cpuLine
        .split(' ')
        .slice(1)
        .map(Number)
        .reduce((a, b) => a + b, 0)
    : undefined;
  return { wall, cpu };
}

function batchThroughput(lines, label, target) {
  // Repeat the lines so the run lasts long enough to measure throughput, not start-up.
  const repeats = Math.max(1, Math.ceil(20000 / lines.length));
  const input = `${lines.join('\n')}\n`.repeat(repeats);
  const total = lines.length * repeats;
  const walls = [];
  const cpus = [];
  for (let i = 0; i < BATCH_ROUNDS; i++) {
    const { wall, cpu } = batchOnce(input, total);
    walls.push(total / wall);
    if (cpu !== undefined && cpu > 0) cpus.push(total / cpu);
  }
  const rate = median(walls);
  const cpuText = cpus.length > 0 ? `, ${Math.round(median(cpus))}/s of CPU` : '';
  report(
    `check --batch, ${label} (${lines.length} lines ×${repeats})`,
    `${Math.round(rate)} lines/s${cpuText}`,
    target === undefined ? '(reported apart)' : `≥ ${target} lines/s`,
    target === undefined ? undefined : rate >= target,
  );
}

function startRatio(label, args, target, env) {
  const [node, check] = timeCommands(
    [
      ['node', '-e', '0'],
      [airlock, ...args],
    ],
    { env, runs: START_RUNS },
  );
  const ratio = check / node;
  report(
    `${label} vs node -e 0`,
    `${check.toFixed(1)} / ${node.toFixed(1)} ms = ${ratio.toFixed(2)}x`,
    `≤ ${target}x`,
    ratio <= target,
  );
}

/** Time to answer one line in `check --batch`, start-up (an empty batch) subtracted. */
function worstCase(label, line) {
  const input = `${JSON.stringify({ cmd: line })}\n`;
  const env = withoutCaCerts();
  const startup = timeCommands([[airlock, 'check', '--batch']], { runs: 5, input: '', env })[0];
  const rounds = [];
  let decision;
  for (let i = 0; i < 5; i++) {
    const start = process.hrtime.bigint();
    const timed = spawnSync(airlock, ['check', '--batch'], { input, env, maxBuffer: 1 << 28 });
    rounds.push(Number(process.hrtime.bigint() - start) / 1e6 - startup);
    decision = JSON.parse(timed.stdout.toString().split('\n')[0]).decision;
  }
  const per = Math.max(0, median(rounds));
  report(`worst case: ${label} (decision ${decision})`, `${per.toFixed(1)} ms`, '≤ 200 ms', per <= 200);
}

export function benchCore() {
  const all = corpusLines(join(root, 'test', 'corpus'));
  const isSql = (l) => /"cmd":\s*"[^"]*\b(psql|mysql|mariadb|sqlite3)\b/.test(l);
  const sql = all.filter(isSql);
  batchThroughput(all, 'whole corpus', 20000);
  batchThroughput(
    all.filter((l) => !isSql(l)),
    'without SQL lines',
    20000,
  );
  if (sql.length > 0) batchThroughput(sql, 'SQL lines only', undefined);

  for (const [label, env] of [
    ['NODE_EXTRA_CA_CERTS unset', withoutCaCerts()],
    ['NODE_EXTRA_CA_CERTS set', withCaCerts()],
  ]) {
    startRatio(`check 'git status' (${label})`, ['check', 'git status'], 1.5, env);
  }
  startRatio(
    "check psql -c 'DELETE …' (SQL parsed)",
    ['check', "psql -d shop_dev -c 'DELETE FROM orders WHERE id = 42'"],
    3,
    withoutCaCerts(),
  );

  worstCase('1 MB line', `echo ${'a'.repeat(1024 * 1024)}`);
  worstCase('5,000-deep $( ) nesting', `${'$('.repeat(5000)}true${')'.repeat(5000)}`);
  worstCase('5,000-deep ( ) nesting', `${'('.repeat(5000)}true${')'.repeat(5000)}`);
  worstCase('20,000-command pipeline', Array.from({ length: 20000 }, (_, i) => `cat f${i}`).join(' | '));
  worstCase('20,000 commands in a list', Array.from({ length: 20000 }, () => 'true').join('; '));
}
