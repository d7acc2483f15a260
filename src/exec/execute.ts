// The execute stage as one call: loop guard, find the real program, run it. Every entry that runs
// a program (shim, `airlock run`, `airlock sh`) ends here once the command is allowed.

import { childEnvironment } from './child-env.js';
import { describeMissing, exitCodeForMissing, findRealBinary } from './resolve.js';
import { checkShimDepth } from './shim-depth.js';
import { type ChildRun, runChild } from './spawn.js';

export type ExecuteRequest = {
  /** The program as the user typed it: a name searched in PATH, or a path with a slash. */
  program: string;
  args: readonly string[];
  /** The caller's environment, as airlock received it (launcher variables included). */
  env: NodeJS.ProcessEnv;
  cwd: string;
  shimDirs: readonly string[];
  launcherPaths?: readonly string[];
};

export type ExecuteResult =
  | ({ kind: 'ran'; path: string } & ChildRun)
  /** Nothing ran: `message` is ready for stderr, `exitCode` for the process. */
  | { kind: 'not-started'; exitCode: number; message: string };

/** Guards against loops, resolves the real binary and runs it with the caller's stdio and env. */
export async function executeProgram(request: ExecuteRequest): Promise<ExecuteResult> {
  const depth = checkShimDepth(request.env, request.program);
  if (!depth.ok) return { kind: 'not-started', exitCode: depth.exitCode, message: depth.message };
  const found = findRealBinary(request.program, request.env, {
    shimDirs: request.shimDirs,
    launcherPaths: request.launcherPaths ?? [],
    cwd: request.cwd,
  });
  if ('missing' in found)
    return {
      kind: 'not-started',
      exitCode: exitCodeForMissing(found.reason),
      message: describeMissing(request.program, found),
    };
  const run = await runChild(found.path, request.args, {
    env: childEnvironment(request.env, depth.depth),
    cwd: request.cwd,
    argv0: request.program,
  });
  return { kind: 'ran', path: found.path, ...run };
}
