// CI files: GitHub Actions `run:` steps (workflows and composite actions; working-directory,
// non-shell `shell:` skipped, ${{ }} expressions made dynamic) and GitLab CI script,
// before_script and after_script entries, each with its line in the YAML file.

import { join } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, Scalar, type YAMLMap } from 'yaml';
import type { ScanCommand } from './types.js';

type Found = { commands: ScanCommand[]; problem?: string };

function load(
  text: string,
  file: string,
): { doc: ReturnType<typeof parseDocument>; counter: LineCounter } | { problem: string } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, keepSourceTokens: false });
  if (doc.errors.length > 0)
    return { problem: `${file}: not valid YAML (${doc.errors[0]!.message.split('\n')[0]})` };
  return { doc, counter };
}

/** The file lines of a string scalar's value: block scalars start on the line after the indicator. */
function scalarCommand(
  node: unknown,
  counter: LineCounter,
  base: Omit<ScanCommand, 'text' | 'lines'>,
  transform: (text: string) => string = (t) => t,
): ScanCommand | undefined {
  if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '' || !node.range)
    return undefined;
  const start = counter.linePos(node.range[0]).line;
  const block = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
  const text = transform(node.value);
  const count = text.split('\n').length;
  const first = block ? start + 1 : start;
  // Folded and multi-line flow scalars lose their line breaks: every line maps to the first.
  const exact = block ? node.type === Scalar.BLOCK_LITERAL : count === 1;
  const lines = Array.from({ length: count }, (_, i) => (exact ? first + i : first));
  return { ...base, text, lines };
}

/** `${{ expr }}` is filled in by the runner: a dynamic word to the shell parser. */
export function githubToShell(text: string): string {
  return text.replace(/\$\{\{[^}]*\}\}/g, `\${GITHUB_EXPR}`);
}

function stringAt(map: unknown, ...path: string[]): string | undefined {
  let node: unknown = map;
  for (const key of path) node = isMap(node) ? (node as YAMLMap).get(key, true) : undefined;
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

const posixShell = /^(bash|sh)(\s|$)/;

function stepsOf(
  steps: unknown,
  ctx: { file: string; root: string; counter: LineCounter; shell?: string; dir?: string },
  out: ScanCommand[],
): void {
  if (!isSeq(steps)) return;
  for (const step of steps.items) {
    if (!isMap(step)) continue;
    const shell = stringAt(step, 'shell') ?? ctx.shell;
    if (shell !== undefined && !posixShell.test(shell)) continue;
    const dir = stringAt(step, 'working-directory') ?? ctx.dir;
    const cwd = dir !== undefined && !dir.includes('${{') ? join(ctx.root, dir) : ctx.root;
    const command = scalarCommand(
      step.get('run', true),
      ctx.counter,
      { source: 'github-actions', file: ctx.file, cwd },
      githubToShell,
    );
    if (command) out.push(command);
  }
}

export function extractGithubActions(text: string, file: string, root: string): Found {
  const loaded = load(text, file);
  if ('problem' in loaded) return { commands: [], problem: loaded.problem };
  const { doc, counter } = loaded;
  const out: ScanCommand[] = [];
  const top = doc.contents;
  const shell = stringAt(top, 'defaults', 'run', 'shell');
  const dir = stringAt(top, 'defaults', 'run', 'working-directory');
  const jobs = isMap(top) ? top.get('jobs', true) : undefined;
  if (isMap(jobs)) {
    for (const pair of jobs.items) {
      const job = pair.value;
      if (!isMap(job)) continue;
      stepsOf(
        job.get('steps', true),
        {
          file,
          root,
          counter,
          shell: stringAt(job, 'defaults', 'run', 'shell') ?? shell,
          dir: stringAt(job, 'defaults', 'run', 'working-directory') ?? dir,
        },
        out,
      );
    }
  }
  // A composite action's steps.
  const runs = isMap(top) ? top.get('runs', true) : undefined;
  if (isMap(runs)) stepsOf(runs.get('steps', true), { file, root, counter }, out);
  return { commands: out };
}

const scriptKeys = ['before_script', 'script', 'after_script'];
/** Top-level GitLab keywords that are not jobs, even when they hold a `script` key. */
const notJobs = new Set(['variables', 'workflow', 'include', 'stages', 'image', 'services', 'cache', 'spec']);

function scriptItems(
  node: unknown,
  base: Omit<ScanCommand, 'text' | 'lines'>,
  counter: LineCounter,
  out: ScanCommand[],
): void {
  if (isSeq(node)) {
    for (const item of node.items) scriptItems(item, base, counter, out);
    return;
  }
  const command = scalarCommand(node as Node, counter, base);
  if (command) out.push(command);
}

export function extractGitlabCi(text: string, file: string, root: string): Found {
  const loaded = load(text, file);
  if ('problem' in loaded) return { commands: [], problem: loaded.problem };
  const { doc, counter } = loaded;
  const top = doc.contents;
  if (!isMap(top)) return { commands: [] };
  const out: ScanCommand[] = [];
  const base = { source: 'gitlab-ci' as const, file, cwd: root };
  for (const pair of top.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (scriptKeys.includes(key)) scriptItems(pair.value, base, counter, out);
    else if (isMap(pair.value) && !notJobs.has(key)) {
      for (const scriptKey of scriptKeys) scriptItems(pair.value.get(scriptKey, true), base, counter, out);
    }
  }
  return { commands: out };
}
