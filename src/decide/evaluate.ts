// The pure pipeline for one line or argv: parse → recognize → classify → decide.
// Every entry (check, shim, sh, hook) calls this; none has its own copy of the flow.

import { dirname, join } from 'node:path';
import { type ClassifyContext, classify } from '../classify/classify.js';
import type { Finding } from '../classify/finding.js';
import type { Pack } from '../classify/rule.js';
import { analyzeArgv, analyzeLine } from '../parse/analyze.js';
import type { AnalyzeContext, LineAnalysis, SimpleCommand, Unknown } from '../parse/command.js';
import { hazardInvocation, recognize } from '../tools/index.js';
import type { FsView, Invocation, RecognizeContext } from '../tools/invocation.js';
import { prepareSqlParsers } from '../tools/sql/index.js';
import { decide } from './decide.js';
import { defaultPolicy, type Policy } from './policy.js';
import type { Verdict } from './verdict.js';

export interface EvaluateOptions {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  packs: readonly Pack[];
  policy?: Policy;
  /** The file system as recognizers see it; omit for a world where no path exists. */
  fs?: FsView;
  airlockPaths?: string[];
  /** Defaults to the nearest directory above cwd holding `.git`, else cwd. */
  projectRoot?: string;
  /**
   * Judged as a step of a container image build (a Dockerfile `RUN`): its file paths are the
   * image's, built again from scratch by every build, not this machine's. What it reaches
   * over the network (clusters, clouds, databases) is judged as anywhere else.
   */
  imageBuild?: boolean;
}

/** Everything the pipeline worked out, for `check --json`, the prompt's details view and the audit row. */
export interface Evaluation {
  verdict: Verdict;
  analysis: LineAnalysis;
  invocations: Invocation[];
}

const emptyFs: FsView = {
  realpath: () => undefined,
  stat: () => undefined,
  readText: () => undefined,
};

/** Largest script `source`/`bash FILE` will read and re-parse. */
const sourceLimit = 256 * 1024;
/** Recognizers may hand back commands run inside a tool (kubectl exec …); bound the recursion. */
const maxInnerDepth = 4;

export function findProjectRoot(cwd: string, fs: FsView): string {
  let dir = cwd;
  for (let i = 0; i < 64; i++) {
    if (fs.stat(join(dir, '.git')) !== undefined) return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return cwd;
}

function recognizeAll(
  commands: readonly SimpleCommand[],
  ctx: RecognizeContext,
  out: Invocation[],
  unknowns: Unknown[],
  depth: number,
): void {
  for (let c = 0; c < commands.length; c++) {
    const command = commands[c] as SimpleCommand;
    const recognition = recognize(command, ctx);
    const found = recognition.invocations;
    for (let i = 0; i < found.length; i++) out.push(found[i] as Invocation);
    if (recognition.inner && recognition.inner.length > 0) {
      if (depth >= maxInnerDepth) {
        unknowns.push({
          kind: 'nesting-depth',
          reason: 'commands nested too deeply inside tools',
          command: command.text,
        });
      } else {
        recognizeAll(recognition.inner, ctx, out, unknowns, depth + 1);
      }
    }
  }
}

/**
 * One context per options object: a batch judges every line with the same options, and what
 * hangs off the context (the project root, airlock's own paths resolved) is worked out once.
 */
const classifyContexts = new WeakMap<EvaluateOptions, ClassifyContext>();

function classifyContextOf(options: EvaluateOptions): ClassifyContext {
  const known = classifyContexts.get(options);
  if (known !== undefined) return known;
  const fs = options.fs ?? emptyFs;
  const ctx: ClassifyContext = {
    env: options.env,
    cwd: options.cwd,
    home: options.env.HOME,
    projectRoot: options.projectRoot ?? findProjectRoot(options.cwd, fs),
    airlockPaths: options.airlockPaths ?? [],
    fs,
    regenerable: (options.policy ?? defaultPolicy).regenerable,
    imageBuild: options.imageBuild === true,
  };
  classifyContexts.set(options, ctx);
  return ctx;
}

function evaluateAnalysis(analysis: LineAnalysis, options: EvaluateOptions): Evaluation {
  const policy = options.policy ?? defaultPolicy;
  const ctx = classifyContextOf(options);
  const unknowns: Unknown[] = analysis.unknowns.slice();
  const invocations: Invocation[] = analysis.hazards.map(hazardInvocation);
  recognizeAll(analysis.commands, ctx, invocations, unknowns, 0);

  const findings: Finding[] = [];
  for (let invocationIndex = 0; invocationIndex < invocations.length; invocationIndex++) {
    const invocation = invocations[invocationIndex] as Invocation;
    // classify hands back fresh findings: they are ours to complete in place.
    const found = classify(invocation, options.packs, ctx);
    for (let i = 0; i < found.length; i++) {
      const finding = found[i] as Finding;
      finding.invocationIndex = invocationIndex;
      findings.push(finding);
    }
    for (const reason of invocation.unknowns) {
      unknowns.push({
        kind: 'recognizer',
        reason,
        command: invocation.command.text,
        span: invocation.command.span,
      });
    }
  }
  return {
    verdict: decide(findings, unknowns, policy, { imageBuild: options.imageBuild === true }),
    analysis,
    invocations,
  };
}

function analyzeContext(options: EvaluateOptions): AnalyzeContext {
  const fs = options.fs ?? emptyFs;
  return { env: options.env, cwd: options.cwd, readFile: (path) => fs.readText(path, sourceLimit) };
}

export function evaluateLineFully(line: string, options: EvaluateOptions): Evaluation {
  return evaluateAnalysis(analyzeLine(line, analyzeContext(options)), options);
}

export function evaluateArgvFully(argv: string[], options: EvaluateOptions): Evaluation {
  return evaluateAnalysis(analyzeArgv(argv, analyzeContext(options)), options);
}

export function evaluateLine(line: string, options: EvaluateOptions): Verdict {
  return evaluateLineFully(line, options).verdict;
}

export function evaluateArgv(argv: string[], options: EvaluateOptions): Verdict {
  return evaluateArgvFully(argv, options).verdict;
}

const sqlClients = /(?:^|[^\w.-])(psql|mysql|mariadb|sqlite3?)(?![\w.-])/g;

/**
 * Loads what the synchronous stages need for this text and can only load asynchronously:
 * the SQL parsers (WASM), when a SQL client's name appears anywhere in it (also nested,
 * as in `kubectl exec db -- psql …`). Without them, SQL would be judged unknown.
 */
export function prepareEvaluation(text: string): Promise<void> | undefined {
  if (prepared.size === parserCount) return undefined;
  // Every client name contains `sql` or `maria`: most lines are turned away without a regex.
  if (!text.includes('sql') && !text.includes('maria')) return undefined;
  let programs: Set<string> | undefined;
  for (const match of text.matchAll(sqlClients)) {
    const name = match[1] as string;
    if (prepared.has(parserOf[name] as string)) continue;
    programs ??= new Set();
    programs.add(name);
  }
  if (programs === undefined) return undefined;
  const wanted = programs;
  return prepareSqlParsers(wanted).then(() => {
    for (const name of wanted) prepared.add(parserOf[name] as string);
  });
}

/** The parser each client's statements need. */
const parserOf: Record<string, string> = {
  psql: 'postgres',
  mysql: 'mysql',
  mariadb: 'mysql',
  sqlite: 'sqlite',
  sqlite3: 'sqlite',
};
const parserCount = 3;
/** Parsers loaded: once all are, no line needs an await or a regex here. */
const prepared = new Set<string>();
