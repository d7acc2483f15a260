// `airlock hook`: the pre-tool-use hook. Reads the harness's JSON on stdin, judges the shell
// command, answers in the harness's own format. Never lets an error open the gate: a crash
// here would read as "no objection" to most harnesses, so every failure becomes a block.

import { parseArgs } from 'node:util';
import { cold } from '../cold.js';
import { prepareEvaluation } from '../decide/evaluate.js';
import { exitTwo } from '../hook/answers.js';
import { chooseHarness } from '../hook/detect.js';
import { dialects } from '../hook/dialects/index.js';
import { hookHelp } from '../hook/help.js';
import { judgeHookCall } from '../hook/judge.js';
import { readPayload } from '../hook/read-input.js';
import {
  type HarnessName,
  type HookAnswer,
  type HookCall,
  type HookOutcome,
  harnessNames,
  isHarnessName,
} from '../hook/types.js';
import { writeOut } from './output.js';

function write(answer: HookAnswer): number {
  writeOut(1, answer.stdout);
  writeOut(2, answer.stderr);
  return answer.exitCode;
}

type Parsed = { help: boolean; harness?: string } | { error: string };

/**
 * The shapes harnesses configure (no argument, `--harness NAME`, `--harness=NAME`) are read
 * here: the first call of node's parseArgs loads its modules, ~0.5 ms of every tool call.
 * Anything else, errors included, goes to parseArgs, whose answers stay the reference.
 */
export function parseHookArgs(args: string[]): Parsed {
  if (args.length === 0) return { help: false };
  const [first, second] = args;
  if (args.length === 2 && first === '--harness' && second !== undefined && !second.startsWith('-'))
    return { help: false, harness: second };
  if (args.length === 1 && first?.startsWith('--harness=')) return { help: false, harness: first.slice(10) };
  return parseHookArgsWithNode(args);
}

function parseHookArgsWithNode(args: string[]): Parsed {
  try {
    const { values } = parseArgs({
      args,
      strict: true,
      options: { harness: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    return { help: values.help === true, harness: values.harness };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function parsePayload(): { payload: unknown } | { problem: string } {
  const input = readPayload();
  if (input.kind === 'none') return { problem: 'stdin is empty' };
  if (input.kind === 'too-large') return { problem: `the payload is ${input.bytes} bytes, over the limit` };
  try {
    return { payload: JSON.parse(input.text) };
  } catch {
    return { problem: 'stdin is not JSON' };
  }
}

export async function runHook(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = parseHookArgs(args);
  if ('help' in parsed && parsed.help) {
    writeOut(1, hookHelp);
    return 0;
  }
  let named: HarnessName | undefined;
  let problem: string | undefined;
  if ('error' in parsed) problem = `bad arguments to airlock hook: ${parsed.error}`;
  else if (parsed.harness !== undefined) {
    if (isHarnessName(parsed.harness)) named = parsed.harness;
    else problem = `unknown --harness '${parsed.harness}' (known: ${harnessNames.join(', ')})`;
  }
  const input = parsePayload();
  const payload = 'payload' in input ? input.payload : undefined;
  const harness = problem === undefined && 'payload' in input ? chooseHarness(named, payload) : named;
  const dialect = harness === undefined ? undefined : dialects[harness];
  let call: HookCall;
  if (problem !== undefined) call = { kind: 'malformed', reason: problem };
  else if ('problem' in input) call = { kind: 'malformed', reason: input.problem };
  else if (dialect === undefined) {
    call = { kind: 'malformed', reason: 'the payload matches no known harness; pass --harness NAME' };
  } else call = dialect.read(payload);

  try {
    if (call.kind === 'shell') await prepareEvaluation(call.command);
    const judged = judgeHookCall({
      harness,
      call,
      honorsAsk: dialect?.honorsAsk(env) ?? false,
      chosenBy: named === undefined ? 'recognized from the payload' : `--harness ${named}`,
      env,
      processCwd: process.cwd(),
    });
    const finish = (outcome: HookOutcome): number =>
      dialect !== undefined
        ? write(dialect.answer(outcome))
        : // No dialect to answer in: exit 2 with stderr is the block most harnesses honor.
          write(exitTwo('reason' in outcome ? outcome.reason : 'airlock: no harness recognized'));
    if (judged.outcome.kind === 'queue') return await cold.hookQueue(judged.outcome, finish);
    const code = finish(judged.outcome);
    await cold.chainBacklog(judged.stateDir, judged.sign);
    return code;
  } catch (error) {
    const reason = `airlock blocked this tool call after an internal error (${(error as Error).message}); nothing was decided.`;
    return write(dialect?.answer({ kind: 'fail-closed', reason }) ?? exitTwo(reason));
  }
}
