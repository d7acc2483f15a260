// Core figures (issue: airlock check): batch throughput on the corpus, start-up of
// `airlock check 'git status'` against `node -e 0`, and the worst-case inputs.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { airlock, report, root, timeCommands, withCaCerts, withoutCaCerts } from './lib.mjs';

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

function batchThroughput(lines, label) {
  const input = `${lines.join('\n')}\n`;
  // Repeat the corpus so the run lasts long enough to measure throughput, not start-up.
  const repeats = Math.max(1, Math.ceil(20000 / lines.length));
  const big = input.repeat(repeats);
  const best = [];
  for (let i = 0; i < 3; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(airlock, ['check', '--batch'], {
      input: big,
      env: withoutCaCerts(),
      maxBuffer: 1 << 30,
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const answered = result.stdout.toString().split('\n').filter(Boolean).length;
    if (answered !== lines.length * repeats)
      throw new Error(`batch answered ${answered} of ${lines.length * repeats}`);
    best.push((lines.length * repeats) / seconds);
  }
  const rate = Math.max(...best);
  report(
    `check --batch throughput, ${label} (${lines.length} lines ×${repeats})`,
    `${Math.round(rate)} lines/s`,
    '≥ 20000 lines/s',
    rate >= 20000,
  );
}

export function benchCore() {
  const all = corpusLines(join(root, 'test', 'corpus'));
  const isSql = (l) => /"cmd":\s*"[^"]*\b(psql|mysql|mariadb|sqlite3)\b/.test(l);
  batchThroughput(all, 'whole corpus');
  const sql = all.filter(isSql);
  if (sql.length > 0) batchThroughput(sql, 'SQL lines only');
  batchThroughput(
    all.filter((l) => !isSql(l)),
    'without SQL lines',
  );

  for (const [label, env] of [
    ['NODE_EXTRA_CA_CERTS unset', withoutCaCerts()],
    ['NODE_EXTRA_CA_CERTS set', withCaCerts()],
  ]) {
    const [node, check] = timeCommands(
      [
        ['node', '-e', '0'],
        [airlock, 'check', 'git status'],
      ],
      { env, runs: 40 },
    );
    const ratio = check / node;
    report(
      `check 'git status' vs node -e 0 (${label})`,
      `${check.toFixed(1)} / ${node.toFixed(1)} ms = ${ratio.toFixed(2)}x`,
      '≤ 1.5x',
      ratio <= 1.5,
    );
  }

  const huge = `echo ${'a'.repeat(1024 * 1024)}`;
  const deep = `${'$('.repeat(5000)}true${')'.repeat(5000)}`;
  for (const [label, line] of [
    ['1 MB line', huge],
    ['5,000-deep nesting', deep],
  ]) {
    const input = `${JSON.stringify({ cmd: line })}\n`;
    const env = withoutCaCerts();
    const startup = timeCommands([[airlock, 'check', '--batch']], { runs: 5, input: '', env })[0];
    const rounds = [];
    let decision;
    for (let i = 0; i < 3; i++) {
      const start = process.hrtime.bigint();
      const timed = spawnSync(airlock, ['check', '--batch'], { input, env });
      rounds.push(Number(process.hrtime.bigint() - start) / 1e6 - startup);
      decision = JSON.parse(timed.stdout.toString().split('\n')[0]).decision;
    }
    const per = Math.min(...rounds);
    report(
      `worst case: ${label} answered (decision ${decision})`,
      `${per.toFixed(1)} ms`,
      '≤ 200 ms',
      per <= 200,
    );
  }
}
