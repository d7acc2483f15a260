// Time to prompt: from the call to askPerson to the first frame on the terminal, with the UI
// loaded from the built dist/ui.mjs, in a real pseudo-terminal; and, for scale, from Enter on
// a shimmed `rm -rf DIR` typed at a shell to the prompt on screen.
// Run alone with `node test/bench/prompt.mjs` (after `npm run build`), or via `npm run bench`.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { spawn } from 'node-pty';
import { airlock, median, percentile, report, root } from './lib.mjs';

const RUNS = Number(process.env.AIRLOCK_BENCH_PROMPT_RUNS ?? 15);
const marker = 'airlock: approval needed';

const view = {
  command: 'rm -rf somedir',
  cwd: '/home/ada/proj',
  verdict: {
    decision: 'approve',
    effect: 'destroy',
    findings: [],
    unknowns: [],
    environment: { name: 'local', source: 'runs on this machine' },
    reasons: ['rm/recursive: destroy needs approval'],
  },
  blastRadius: {
    measurements: [{ probe: 'rm-tree', status: 'pending', summary: '', recoverability: 'unknown' }],
  },
  rollback: 'no undo',
  actor: { kind: 'human', reason: 'bench' },
  requestedAt: new Date(0).toISOString(),
};

const driver = `const { writeFileSync } = require('node:fs');
const { askPerson } = require('./prompt-entry.cjs');
const view = JSON.parse(process.env.BENCH_VIEW);
const c0 = process.cpuUsage();
const t0 = performance.now();
let t1;
let cpu;
const onFirstFrame = () => {
  t1 = performance.now();
  const used = process.cpuUsage(c0);
  cpu = (used.user + used.system) / 1000;
};
askPerson(view, undefined, { onFirstFrame }).then((outcome) => {
  writeFileSync(process.env.BENCH_OUT, JSON.stringify({ ms: t1 - t0, cpu, outcome }));
});
`;

/** Runs a program in a pty until `text` shows, then types `answer`; resolves when it exits. */
function inPty(file, args, { env, cwd, typed, answer, text = marker }) {
  return new Promise((resolve, reject) => {
    const pty = spawn(file, args, { cols: 100, rows: 40, cwd, env });
    let output = '';
    let started;
    let seenMs;
    let answered = false;
    const timer = setTimeout(() => {
      pty.kill();
      reject(new Error(`no prompt within 10 s; output: ${JSON.stringify(output.slice(-400))}`));
    }, 10_000);
    pty.onData((data) => {
      output += data;
      if (typed !== undefined && started === undefined && output.includes(typed.ready)) {
        started = performance.now();
        pty.write(typed.line);
      }
      if (!answered && output.includes(text)) {
        answered = true;
        seenMs = started === undefined ? undefined : performance.now() - started;
        pty.write(answer);
      }
    });
    pty.onExit(() => {
      clearTimeout(timer);
      resolve({ seenMs, output });
    });
  });
}

function cleanEnv(extra) {
  const env = { ...process.env, TERM: 'xterm-256color', ...extra };
  for (const name of Object.keys(env)) {
    if (
      /^(AIRLOCK_AGENT|CLAUDECODE|CLAUDE_CODE_ENTRYPOINT|CODEX_|GEMINI_CLI|CURSOR_AGENT|OPENCODE|AGENT)/.test(
        name,
      )
    )
      delete env[name];
  }
  return env;
}

async function callToFrame(dir) {
  await build({
    entryPoints: [join(root, 'src', 'approve', 'prompt-entry.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    outfile: join(dir, 'prompt-entry.cjs'),
    define: { __AIRLOCK_VERSION__: '"bench"', 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl=require('url').pathToFileURL(__filename).href;" },
  });
  for (const file of ['ui.cjs', 'ui.mjs']) symlinkSync(join(root, 'dist', file), join(dir, file));
  writeFileSync(join(dir, 'driver.cjs'), driver);
  const out = join(dir, 'out.json');
  const samples = [];
  const cpu = [];
  for (let i = 0; i < RUNS + 2; i++) {
    rmSync(out, { force: true });
    const env = cleanEnv({ BENCH_VIEW: JSON.stringify(view), BENCH_OUT: out });
    await inPty(process.execPath, [join(dir, 'driver.cjs')], { env, cwd: dir, answer: '\u0003' });
    const result = JSON.parse(readFileSync(out, 'utf8'));
    if (result.outcome.kind !== 'denied')
      throw new Error(`unexpected outcome ${JSON.stringify(result.outcome)}`);
    if (i >= 2) {
      samples.push(result.ms);
      cpu.push(result.cpu);
    }
  }
  return { samples, cpu };
}

async function enterToPrompt(dir) {
  const home = join(dir, 'home');
  const project = join(dir, 'proj');
  mkdirSync(join(project, 'somedir'), { recursive: true });
  writeFileSync(join(project, 'somedir', 'file.txt'), 'keep me\n');
  const env = cleanEnv({ AIRLOCK_HOME: home, HOME: dir, PS1: 'ready$ ' });
  const installed = spawnSync(airlock, ['shims', 'install'], { env, encoding: 'utf8' });
  if (installed.status !== 0) throw new Error(installed.stderr);
  env.PATH = `${join(home, 'data', 'shims')}:${env.PATH}`;
  const samples = [];
  for (let i = 0; i < Math.ceil(RUNS / 2) + 1; i++) {
    const run = await inPty('/bin/bash', ['--norc', '--noprofile', '-i'], {
      env,
      cwd: project,
      typed: { ready: 'ready$ ', line: 'rm -rf somedir; exit\r' },
      answer: '\u0003',
    });
    if (run.seenMs === undefined)
      throw new Error(`the prompt did not appear: ${JSON.stringify(run.output.slice(-600))}`);
    if (i >= 1) samples.push(run.seenMs);
  }
  if (!existsSync(join(project, 'somedir', 'file.txt'))) throw new Error('a denied rm removed the directory');
  return samples;
}

export async function benchPrompt() {
  if (!existsSync(join(root, 'dist', 'ui.mjs'))) {
    report('time to prompt', 'skipped: run npm run build first');
    return;
  }
  // Outside /tmp: a directory there counts as regenerable and would not be asked about.
  const dir = mkdtempSync(join(homedir(), '.airlock-bench-prompt-'));
  try {
    const { samples: toFrame, cpu } = await callToFrame(dir);
    report(
      'time to prompt: askPerson called → first frame on the tty (median)',
      `${median(toFrame).toFixed(1)} ms`,
      '≤ 150 ms',
      median(toFrame) <= 150,
    );
    report('time to prompt, p90', `${percentile(toFrame, 90).toFixed(1)} ms`);
    // CPU spent by the process until the frame: what the wall time is on an idle machine, at most.
    report('CPU time to the first frame (median; all threads)', `${median(cpu).toFixed(1)} ms`);
    const typed = await enterToPrompt(dir);
    report(
      'Enter on a shimmed `rm -rf DIR` at a shell → prompt on screen (median)',
      `${median(typed).toFixed(1)} ms`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchPrompt();
