// The parse stage's entry: a line (or an argv from a PATH shim) in, every simple command it
// would run out, with hazards and unknowns. Never throws: an internal error fails closed.

import { salvagePrefix } from './analyze-salvage.js';
import type { AnalyzeContext, ArgWord, LineAnalysis, SimpleCommand } from './command.js';
import { findDisguises } from './disguise.js';
import { createState } from './expand-state.js';
import { parseScript } from './parser.js';
import { walkScriptBody } from './walk.js';
import { dispatchCommand } from './walk-dispatch.js';
import {
  copyFrame,
  type Frame,
  MAX_NESTED_CHARS,
  type NestedRequest,
  NO_SCRIPT_FACTS,
  type Sink,
} from './walk-types.js';

const DEFAULT_NESTED_DEPTH = 4;

export function analyzeLine(line: string, ctx: AnalyzeContext): LineAnalysis {
  const sink = createSink(ctx);
  try {
    const outcome = parseScript(line);
    const state = createState(ctx.env, ctx.cwd);
    if (outcome.ok) {
      sink.walkScript(outcome.script, state, topFrame(line));
      return finish(sink, line);
    }
    const { error } = outcome;
    sink.unknowns.push({
      kind: error.kind === 'limit' ? 'limit' : 'syntax-error',
      reason: error.message,
      span: { start: error.offset, end: Math.min(line.length, error.offset + 1) },
    });
    const salvaged = error.kind === 'syntax' ? salvagePrefix(line, error.offset) : undefined;
    if (salvaged) sink.walkScript(salvaged, state, topFrame(line));
    return { ...finish(sink, line), error };
  } catch (error) {
    return failClosed(error);
  }
}

/** argv as a caller's shell already split it: every word is static. */
export function analyzeArgv(argv: string[], ctx: AnalyzeContext): LineAnalysis {
  const sink = createSink(ctx);
  try {
    const words: ArgWord[] = [];
    let offset = 0;
    for (const value of argv) {
      words.push({ text: value, value, span: { start: offset, end: offset + value.length } });
      offset += value.length + 1;
    }
    const text = argv.join(' ');
    const state = createState(ctx.env, ctx.cwd);
    const draft: SimpleCommand = {
      argv: words,
      env: ctx.env,
      cwd: ctx.cwd,
      redirects: [],
      wrappers: [],
      origin: [{ kind: 'line' }],
      context: [],
      span: { start: 0, end: text.length },
      text,
    };
    dispatchCommand(words, draft, state, topFrame(text), sink);
    // Arguments may hold any bytes once a shell expanded them; only program names are checked.
    return finish(sink, undefined);
  } catch (error) {
    return failClosed(error);
  }
}

function createSink(ctx: AnalyzeContext): Sink {
  const sink: Sink = {
    ctx,
    commands: [],
    hazards: [],
    unknowns: [],
    limitReached: false,
    nestedChars: 0,
    walkScript: (script, state, frame) => walkScriptBody(script, state, frame, sink),
    reparse: (request, frame) => reparseNested(request, frame, sink),
  };
  return sink;
}

/** Every key present, in copyFrame's order: all frames keep one shape. */
function topFrame(source: string): Frame {
  return {
    contexts: [],
    origin: [{ kind: 'line' }],
    remote: undefined,
    source,
    outerSpan: undefined,
    depth: 0,
    stdin: undefined,
    producer: undefined,
    collector: undefined,
    functionName: undefined,
    functionContextStart: undefined,
    wrappers: undefined,
    placeholder: undefined,
    // Replaced by the script's own facts when a line is walked (walkScriptBody).
    facts: NO_SCRIPT_FACTS,
    absent: undefined,
  };
}

function reparseNested(request: NestedRequest, frame: Frame, sink: Sink): void {
  const span = frame.outerSpan ?? request.wordSpan;
  const where = request.origin[request.origin.length - 1];
  const label = `${where?.kind ?? 'nested'}${where?.detail ? ` ${where.detail}` : ''}`;
  const maxDepth = sink.ctx.maxNestedDepth ?? DEFAULT_NESTED_DEPTH;
  if (frame.depth + 1 > maxDepth) {
    sink.unknowns.push({
      kind: 'nesting-depth',
      reason: `${label} nests deeper than ${maxDepth} levels`,
      span,
    });
    return;
  }
  sink.nestedChars += request.text.length;
  if (sink.nestedChars > MAX_NESTED_CHARS) {
    sink.unknowns.push({ kind: 'limit', reason: `too much nested shell text in one line (${label})`, span });
    return;
  }
  const outcome = parseScript(request.text);
  if (!outcome.ok) {
    const kind = outcome.error.kind === 'limit' ? 'limit' : 'syntax-error';
    sink.unknowns.push({ kind, reason: `${label}: ${outcome.error.message}`, span });
    return;
  }
  const nested = copyFrame(frame);
  nested.origin = request.origin;
  nested.source = request.text;
  nested.outerSpan = span;
  nested.depth = frame.depth + 1;
  nested.stdin = request.stdin;
  nested.producer = undefined;
  nested.functionName = undefined;
  nested.functionContextStart = undefined;
  if (request.remote !== undefined) nested.remote = request.remote;
  if (request.wrappers !== undefined) nested.wrappers = request.wrappers;
  if (request.placeholder !== undefined) nested.placeholder = request.placeholder;
  sink.walkScript(outcome.script, request.state, nested);
}

function finish(sink: Sink, line: string | undefined): LineAnalysis {
  const hazards = [...sink.hazards, ...findDisguises(line, sink.commands)];
  return { commands: sink.commands, hazards, unknowns: sink.unknowns };
}

function failClosed(error: unknown): LineAnalysis {
  const message = error instanceof Error ? error.message : String(error);
  const analysis: LineAnalysis = { commands: [], hazards: [], unknowns: [] };
  analysis.unknowns.push({
    kind: 'unsupported',
    reason: `internal error while analyzing the line: ${message}`,
  });
  return analysis;
}
