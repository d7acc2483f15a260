// Real directories and git repositories for the file-system and git probe tests, and a
// helper that measures a command line exactly as `airlock check --probe` does.

import { execFileSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { allPacks } from '../../src/commands/packs.js';
import { evaluateLineFully } from '../../src/decide/evaluate.js';
import type { DecidedFinding } from '../../src/decide/verdict.js';
import { measureBlastRadius } from '../../src/probes/measure.js';
import type { Measurement } from '../../src/probes/types.js';
import { realFs } from '../../src/tools/real-fs.js';

export const gitEnv: Record<string, string> = {
  ...(process.env as Record<string, string>),
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

export function tempDir(prefix = 'airlock-probe-'): string {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}

/** A directory on tmpfs when there is one: creating 100,000 files on some disks takes a minute. */
export function fastTempDir(prefix = 'airlock-big-'): string {
  try {
    if (existsSync('/dev/shm')) return realpathSync(mkdtempSync(join('/dev/shm', prefix)));
  } catch {
    // Not writable: fall back to the ordinary temporary directory.
  }
  return tempDir(prefix);
}

/** 100 directories of 1,000 empty files each. */
export function makeBigTree(dir: string, dirs = 100, perDir = 1000): void {
  for (let d = 0; d < dirs; d++) {
    mkdirSync(join(dir, `t${d}`));
    for (let f = 0; f < perDir; f++) closeSync(openSync(join(dir, `t${d}`, `f${f}`), 'w'));
  }
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: gitEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function sh(cwd: string, script: string): string {
  return execFileSync('sh', ['-c', script], { cwd, env: gitEnv, encoding: 'utf8' });
}

/** Writes files (path → content) under dir, creating parents. */
export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** A repository with one commit of the given files. */
export function makeRepo(dir: string, files: Record<string, string>): void {
  git(dir, 'init', '-q', '-b', 'main');
  writeFiles(dir, files);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'initial');
}

/**
 * Measures every finding of a line that names a probe, as `check --probe` does. With `probe`,
 * a line no rule stops (`rm a.txt`) is measured by that probe too, as if a rule named it.
 */
export async function measureLine(
  line: string,
  cwd: string,
  timeoutMs = 5000,
  probe?: string,
): Promise<Measurement[]> {
  const options = { env: gitEnv, cwd, packs: allPacks([]).packs, fs: realFs };
  const evaluation = evaluateLineFully(line, options);
  const findings = evaluation.verdict.findings;
  const invocation = evaluation.invocations[0];
  if (probe !== undefined && invocation !== undefined && !findings.some((f) => f.probe === probe)) {
    findings.push({
      rule: 'test/probe',
      pack: 'test',
      effect: 'destroy',
      reason: 'measured for the test',
      alternatives: [],
      probe,
      catastrophic: false,
      regenerableExempt: false,
      command: line,
      span: { start: 0, end: line.length },
      invocationIndex: 0,
      invocation: { ...invocation, origin: [] } as unknown as DecidedFinding['invocation'],
      decision: 'approve',
      environment: { name: 'local', source: 'test' },
      why: 'test',
    });
  }
  const run = measureBlastRadius(evaluation, {
    env: gitEnv,
    cwd,
    projectRoot: cwd,
    timeoutMs,
    shimDirs: [],
    all: true,
  });
  return (await run.done).measurements;
}

/** The one measurement a probe made for a line. */
export async function measureOne(
  line: string,
  cwd: string,
  probe: string,
  timeoutMs?: number,
): Promise<Measurement> {
  const all = await measureLine(line, cwd, timeoutMs, probe);
  const found = all.find((m) => m.probe === probe);
  if (found === undefined) throw new Error(`no ${probe} measurement for ${line}: ${JSON.stringify(all)}`);
  return found;
}
