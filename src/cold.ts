// The parts of airlock the hot paths (an allowed command through a shim, `sh` or the hook, a
// single `check`) reach only now and then: refusals and approvals, undo, blast-radius probes,
// the approval queue, the management commands. Every hot module reaches them through `cold`.
//
// Here each one is a lazy import, as tests and the full bundle (dist/airlock-full.cjs) use them.
// The start-up bundle (dist/airlock-main.cjs) is built with cold-handover.ts in this module's
// place, which leaves all of this out (about half the code, and its start-up cost) and hands
// the whole invocation to the full bundle when one of these comes up.

import type { ProbeCheckOptions } from './commands/check-probe.js';
import type { RunContext } from './commands/context.js';
import type { Judged } from './commands/guard.js';
import type { QueueCall } from './hook/judge.js';
import type { HookOutcome } from './hook/types.js';

export interface Cold {
  /** `airlock` with any command the start-up bundle does not handle. */
  program(argv: string[], env: NodeJS.ProcessEnv): Promise<number>;
  /** `airlock shell`. */
  shell(argv: string[], env: NodeJS.ProcessEnv): Promise<number>;
  /** `airlock check --probe`. */
  checkProbe(line: string, ctx: RunContext, options: ProbeCheckOptions): Promise<number>;
  /** The guarded flow past an allowed command: refusal, approval, undo. */
  guardFlow(judged: Judged): Promise<number>;
  /** A hook call that needs the approval queue; `finish` writes the answer and gives the exit code. */
  hookQueue(call: QueueCall, finish: (outcome: HookOutcome) => number): Promise<number>;
  /** Chains pending audit rows once enough have built up (see audit/pending.ts). */
  chainBacklog(stateDir: string, sign: boolean): Promise<void>;
}

export const cold: Cold = {
  program: async (argv, env) => (await import('./commands/program.js')).runProgram(argv, env),
  shell: async (argv, env) => (await import('./commands/shell.js')).runShell(argv, env),
  checkProbe: async (line, ctx, options) =>
    (await import('./commands/check-probe.js')).runCheckProbe(line, ctx, options),
  guardFlow: async (judged) => (await import('./commands/guard-flow.js')).guardFlow(judged),
  hookQueue: async (call, finish) => finish((await import('./hook/queue-call.js')).queueHookCall(call)),
  chainBacklog: async (stateDir, sign) => {
    const [{ chainBacklog }, { openStore }] = await Promise.all([
      import('./audit/record.js'),
      import('./audit/store.js'),
    ]);
    chainBacklog(openStore(stateDir, { sign }));
  },
};
