// Judges each extracted command with the packs and policy the guard uses at run time, and
// turns every finding that is not an allow into a file:line result.

import type { Pack } from '../classify/rule.js';
import {
  type EvaluateOptions,
  type Evaluation,
  evaluateArgvFully,
  evaluateLineFully,
} from '../decide/evaluate.js';
import type { Policy } from '../decide/policy.js';
import type { FsView } from '../tools/invocation.js';
import { lineAt, type ScanCommand, type ScanFinding } from './types.js';

export interface JudgeContext {
  env: Readonly<Record<string, string | undefined>>;
  packs: readonly Pack[];
  policy: Policy;
  fs: FsView;
  airlockPaths: string[];
  projectRoot: string;
}

/** What a Dockerfile RUN starts with in the image: Docker's default PATH, root's home. */
const imageEnv: Readonly<Record<string, string>> = {
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  HOME: '/root',
};
const noFiles: FsView = { realpath: () => undefined, stat: () => undefined, readText: () => undefined };

function evaluate(command: ScanCommand, ctx: JudgeContext): Evaluation {
  const options: EvaluateOptions =
    command.source === 'docker'
      ? // Inside the image being built: its files, its environment, none of this machine's.
        {
          env: imageEnv,
          cwd: command.cwd,
          packs: ctx.packs,
          policy: ctx.policy,
          fs: noFiles,
          airlockPaths: [],
          projectRoot: '/',
          imageBuild: true,
        }
      : {
          env: ctx.env,
          cwd: command.cwd,
          packs: ctx.packs,
          policy: ctx.policy,
          fs: ctx.fs,
          airlockPaths: ctx.airlockPaths,
          projectRoot: ctx.projectRoot,
        };
  return command.argv ? evaluateArgvFully(command.argv, options) : evaluateLineFully(command.text, options);
}

/** Continuation lines folded, so each finding prints on one line. */
function oneLine(text: string): string {
  return text
    .replace(/\s*\\\n\s*/g, ' ')
    .replace(/\s*\n\s*/g, '; ')
    .trim();
}

function fromEvaluation(command: ScanCommand, evaluation: Evaluation): ScanFinding[] {
  const { verdict } = evaluation;
  if (verdict.decision === 'allow') return [];
  const out: ScanFinding[] = [];
  for (const f of verdict.findings) {
    if (f.decision === 'allow') continue;
    out.push({
      file: command.file,
      line: command.argv ? command.lines[0]! : lineAt(command, f.span.start),
      source: command.source,
      decision: f.decision,
      rule: f.rule,
      reason: f.reason,
      why: f.why,
      command: oneLine(f.command),
    });
  }
  if (out.length === 0) {
    // Only unknowns: what airlock could not read stops for a person at run time too.
    for (const u of verdict.unknowns.length > 0
      ? verdict.unknowns
      : [{ reason: verdict.reasons[0] ?? 'unknown' }]) {
      const span = 'span' in u ? u.span : undefined;
      out.push({
        file: command.file,
        line: lineAt(command, span?.start ?? 0),
        source: command.source,
        decision: verdict.decision,
        rule: 'airlock/unknown',
        reason: u.reason,
        why: 'airlock cannot tell what this runs, so a person approves it',
        command: oneLine(
          'command' in u && typeof u.command === 'string' ? u.command : command.text.split('\n')[0]!,
        ),
      });
    }
  }
  return out;
}

/** A whole script that does not parse is judged line by line, so one bad line hides nothing else. */
function parseFailed(evaluation: Evaluation): boolean {
  return evaluation.verdict.unknowns.some((u) => u.kind === 'syntax-error' || u.kind === 'limit');
}

export function judgeCommand(command: ScanCommand, ctx: JudgeContext): ScanFinding[] {
  const evaluation = evaluate(command, ctx);
  if (command.source !== 'shell' || !parseFailed(evaluation) || command.lines.length < 2) {
    return fromEvaluation(command, evaluation);
  }
  const out: ScanFinding[] = [];
  command.text.split('\n').forEach((text, index) => {
    if (text.trim() === '' || text.trimStart().startsWith('#')) return;
    const single: ScanCommand = { ...command, text, lines: [command.lines[index]!] };
    out.push(...fromEvaluation(single, evaluate(single, ctx)));
  });
  return out;
}

/** One result per rule per line: a rule matching twice on a line says nothing new. */
export function dedupe(findings: ScanFinding[]): ScanFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.file}\0${f.line}\0${f.rule}\0${f.command}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
