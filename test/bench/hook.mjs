// Hook figures: response time of `airlock hook` (one Claude Code payload on stdin, audit row
// included) as a ratio to `node -e 0` in the same run, with and without NODE_EXTRA_CA_CERTS
// in the caller's environment (the launcher keeps it out of airlock's own start-up).
// Run alone with `node test/bench/hook.mjs` (after `npm run build`), or in `npm run bench`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { airlock, report, summary, timeCommands, withCaCerts, withoutCaCerts } from './lib.mjs';

const RUNS = Number(process.env.AIRLOCK_BENCH_HOOK_RUNS ?? 40);
const TARGET = 1.6;

function payload(tool, input, cwd) {
  return JSON.stringify({
    session_id: 'bench',
    transcript_path: '/tmp/bench.jsonl',
    cwd,
    hook_event_name: 'PreToolUse',
    tool_name: tool,
    tool_input: input,
    tool_use_id: 'toolu_bench',
  });
}

export async function benchHook() {
  const home = mkdtempSync(join(tmpdir(), 'airlock-bench-hook-'));
  try {
    const cwd = process.cwd();
    const cases = [
      ['allowed line (git status)', payload('Bash', { command: 'git status' }, cwd)],
      ['non-shell tool (Read)', payload('Read', { file_path: '/etc/hostname' }, cwd)],
      ['approve → ask (git push --force)', payload('Bash', { command: 'git push --force origin main' }, cwd)],
    ];
    for (const [caCerts, base] of [
      ['NODE_EXTRA_CA_CERTS unset', withoutCaCerts()],
      ['NODE_EXTRA_CA_CERTS set', withCaCerts()],
    ]) {
      const env = { ...base, AIRLOCK_HOME: home, AIRLOCK_NOTIFY: '0' };
      for (const [label, input] of cases) {
        // Both read the same stdin, interleaved, so machine noise hits them alike.
        const [node, hook] = timeCommands(
          [
            ['node', '-e', '0'],
            [airlock, 'hook', '--harness', 'claude-code'],
          ],
          { env, runs: RUNS, input },
        );
        const ratio = hook / node;
        report(
          `hook ${label} vs node -e 0 (${caCerts})`,
          `${hook.toFixed(1)} / ${node.toFixed(1)} ms = ${ratio.toFixed(2)}x`,
          `≤ ${TARGET}x`,
          ratio <= TARGET,
        );
      }
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchHook();
  summary();
}
