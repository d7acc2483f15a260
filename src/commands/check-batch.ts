// `airlock check --batch`: one JSON answer per input line, in order, answered chunk by chunk
// without a promise per line.

import { evaluateLine, prepareEvaluation } from '../decide/evaluate.js';
import { exitCodes } from '../exec/exit-codes.js';
import type { RunContext } from './context.js';
import { verdictBatchJson } from './render-verdict.js';

const notJson = JSON.stringify({ error: 'not valid JSON', decision: 'approve' });
const noCmd = JSON.stringify({ error: 'no "cmd" string in this line', decision: 'approve' });

function batchAnswer(input: string, ctx: RunContext): string | Promise<string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(input.endsWith('\r') ? input.slice(0, -1) : input);
  } catch {
    return notJson;
  }
  const cmd = (parsed as { cmd?: unknown } | null)?.cmd;
  if (typeof cmd !== 'string') return noCmd;
  const answer = () => {
    try {
      return JSON.stringify(verdictBatchJson(evaluateLine(cmd, ctx.options)));
    } catch (error) {
      return JSON.stringify({ error: `internal error: ${(error as Error).message}`, decision: 'approve' });
    }
  };
  // Most lines need nothing loaded first, so most answers come without an await.
  const loading = prepareEvaluation(cmd);
  return loading ? loading.then(answer, answer) : answer();
}

/** Writes with backpressure: stdout may be a pipe whose reader is slower than we are. */
async function writeOut(text: string): Promise<void> {
  if (text.length > 0 && !process.stdout.write(text))
    await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
}

/** Reads JSON Lines from stdin and writes one answer per line, in order. */
export async function runBatch(ctx: RunContext): Promise<number> {
  let pending = '';
  let out = '';
  const emit = (answer: string): Promise<void> | undefined => {
    out += `${answer}\n`;
    if (out.length <= 1 << 16) return undefined;
    const text = out;
    out = '';
    return writeOut(text);
  };
  /** Answers one line; returns a promise only when the caller must wait. */
  const take = (line: string): Promise<void> | undefined => {
    const answer = batchAnswer(line, ctx);
    return typeof answer === 'string' ? emit(answer) : answer.then(emit);
  };
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin as AsyncIterable<string>) {
    // The SQL parsers the lines just read will need start loading now: their WASM compiles on
    // other threads while the lines before them are answered. Each line still waits for its own.
    prepareEvaluation(chunk)?.catch(() => {});
    pending += chunk;
    let start = 0;
    for (let nl = pending.indexOf('\n'); nl !== -1; nl = pending.indexOf('\n', start)) {
      const waiting = take(pending.slice(start, nl));
      start = nl + 1;
      if (waiting) await waiting;
    }
    pending = pending.slice(start);
  }
  if (pending.length > 0) await take(pending);
  await writeOut(out);
  return exitCodes.ok;
}
