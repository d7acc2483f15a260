// Commands a tool runs somewhere else (kubectl exec/debug/run in a pod, docker exec/run in
// a container): re-analyzed as a line of their own, with no environment, no working
// directory and no local files, and marked with where they run.

import { analyzeArgv, analyzeLine } from '../parse/analyze.js';
import type { ArgWord, LineAnalysis, Origin, SimpleCommand } from '../parse/command.js';
import type { Invocation } from './invocation.js';
import { hazardInvocation } from './shell.js';

export interface InnerRun {
  /** The tool and verb that runs it (`kubectl exec`), for the origin chain. */
  via: string;
  /**
   * Where it runs, as decide sees it: the kube context (`prod-eu`) or docker host. A name
   * that matches no environment pattern keeps the environment unknown.
   */
  remote?: string;
  /** Rewrites an argv value before analysis (container paths back to host paths). */
  mapValue?: (value: string) => string;
  /** The working directory inside, when it is a known host path (a bind-mounted `-w`). */
  cwd?: string;
}

export interface InnerCommands {
  commands: SimpleCommand[];
  /** Hazards found inside (`sh -c "$(curl …)"`), as invocations of the `shell` pseudo-tool. */
  hazards: Invocation[];
  unknowns: string[];
}

/** The outer shell already expanded what it could; the rest stays unknown inside. */
const unknownWord = (i: number) => `"\${AIRLOCK_UNKNOWN_${i}}"`;

function quote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** A placeholder cwd that no local path can collide with: the inner working directory is unknown. */
const noCwd = '/\u0000inner';

function analyze(words: readonly ArgWord[], run: InnerRun): LineAnalysis {
  const ctx = { env: {}, cwd: run.cwd ?? noCwd, readFile: () => undefined };
  const map = run.mapValue ?? ((v: string) => v);
  if (words.every((w) => w.value !== undefined))
    return analyzeArgv(
      words.map((w) => map(w.value!)),
      ctx,
    );
  const line = words.map((w, i) => (w.value !== undefined ? quote(map(w.value)) : unknownWord(i))).join(' ');
  return analyzeLine(line, ctx);
}

export function innerCommands(words: readonly ArgWord[], outer: SimpleCommand, run: InnerRun): InnerCommands {
  if (words.length === 0) return { commands: [], hazards: [], unknowns: [] };
  const analysis = analyze(words, run);
  const via: Origin = { kind: 'tool', detail: run.via };
  const adopt = (command: SimpleCommand): SimpleCommand => {
    const adopted: SimpleCommand = {
      ...command,
      origin: [...outer.origin, via, ...command.origin.slice(1)],
      span: outer.span,
      context: [...outer.context, ...command.context],
      wrappers: [...outer.wrappers, ...command.wrappers],
    };
    if (command.cwd === undefined || command.cwd.startsWith(noCwd)) delete adopted.cwd;
    if (run.remote !== undefined) adopted.remote = run.remote;
    else delete adopted.remote;
    return adopted;
  };
  const hazards = analysis.hazards.map((hazard) => {
    const invocation = hazardInvocation(
      hazard.command === undefined ? { ...hazard, command: outer } : hazard,
    );
    return { ...invocation, command: adopt(invocation.command) };
  });
  return {
    commands: analysis.commands.map(adopt),
    hazards,
    unknowns: analysis.unknowns.map((u) => `${run.via}: ${u.reason}`),
  };
}
