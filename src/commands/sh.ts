// `airlock sh` (also `airlock-sh`): a drop-in for `bash -c` that judges the whole line
// first, then runs the real bash with the same options and the shims first in PATH.

import { existsSync, readFileSync } from 'node:fs';
import { delimiter } from 'node:path';
import { airlockDirs } from '../config/paths.js';
import { exitCodes } from '../exec/exit-codes.js';
import { callerEnv } from './context.js';
import { guard } from './guard.js';
import { parseShellArgs } from './sh-args.js';
import { shimsAfterStartup } from './sh-env.js';
import { stdinOnce } from './stdin-once.js';

export const shHelp = `Usage: airlock sh [bash options] -c 'COMMAND LINE' [NAME [ARGS...]]
       airlock sh [bash options] SCRIPT [ARGS...]
       airlock sh [bash options] < SCRIPT

A guarded drop-in for bash: parses the whole line or script, decides, and when allowed
runs the real bash with the same options (-l, -i, -e, -x, -o pipefail…) and airlock's
shims first in PATH, so commands built at run time are judged too.
Point an agent harness's shell at it: SHELL=airlock-sh, "shell": "airlock-sh", …
`;

function withShimsFirst(env: NodeJS.ProcessEnv, shimDir: string): NodeJS.ProcessEnv {
  if (!existsSync(shimDir)) return {};
  const rest = (env.PATH ?? '').split(delimiter).filter((entry) => entry !== shimDir);
  return { PATH: [shimDir, ...rest].join(delimiter) };
}

/** -v / -o verbose / --verbose: bash would echo the startup hook's lines too. */
function isVerbose(options: readonly string[]): boolean {
  return options.some(
    (o, i) =>
      o === '--verbose' ||
      (o === 'verbose' && options[i - 1] === '-o') ||
      (o.startsWith('-') && !o.startsWith('--') && o !== '-o' && o.includes('v')),
  );
}

export function runSh(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  if (argv[0] === '--help') {
    process.stdout.write(shHelp);
    return Promise.resolve(exitCodes.ok);
  }
  const parsed = parseShellArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`airlock sh: ${parsed.message}\n${shHelp}`);
    return Promise.resolve(exitCodes.usage);
  }
  const { options, input, interactive } = parsed.args;
  let line: string;
  let name: string;
  let args: string[];
  if (input.kind === 'command') {
    line = input.line;
    name = input.name ?? 'airlock-sh';
    args = input.args;
  } else if (input.kind === 'file') {
    try {
      line = readFileSync(input.path, 'utf8');
    } catch (error) {
      process.stderr.write(
        `airlock sh: ${input.path}: ${(error as NodeJS.ErrnoException).code ?? 'cannot read'}\n`,
      );
      return Promise.resolve(exitCodes.notFound);
    }
    // The script runs from the text that was judged, not from the file again.
    name = input.path;
    args = input.args;
  } else {
    line = stdinOnce(() => readFileSync(0, 'utf8'));
    name = 'airlock-sh';
    args = input.args;
  }
  const dirs = airlockDirs(callerEnv(env));
  const shimsFirst = withShimsFirst(env, dirs.shims);
  const afterStartup =
    shimsFirst.PATH === undefined
      ? {}
      : shimsAfterStartup(env, {
          shimDir: dirs.shims,
          dataDir: dirs.data,
          interactive,
          verbose: isVerbose(options),
        });
  return guard({
    entry: 'sh',
    subject: { line },
    program: 'bash',
    args: [...options, '-c', line, name, ...args],
    env,
    cwd: process.cwd(),
    childEnv: { ...shimsFirst, ...afterStartup },
  });
}
