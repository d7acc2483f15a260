// A stand-in for airlock's shim entry, built into the sandbox's dist/airlock.cjs so the execute
// stage can be tested through the real launcher before the CLI wires it up.

import { writeFileSync } from 'node:fs';
import { executeProgram } from '../../../src/exec/execute.js';
import { exitAs } from '../../../src/exec/spawn.js';

async function main(): Promise<never> {
  const env = process.env;
  const invokedAs = env.AIRLOCK_INVOKED_AS ?? 'airlock';
  // As a shim: the program is the name we were called by. As airlock: `airlock run PROGRAM ARGS…`.
  const [program, ...args] =
    invokedAs === 'airlock' ? process.argv.slice(3) : [invokedAs, ...process.argv.slice(2)];
  const result = await executeProgram({
    program: program ?? '',
    args,
    env,
    cwd: process.cwd(),
    shimDirs: (env.AIRLOCK_TEST_SHIM_DIRS ?? '').split(':').filter((d) => d !== ''),
    launcherPaths: (env.AIRLOCK_TEST_LAUNCHERS ?? '').split(':').filter((d) => d !== ''),
  });
  const reportFile = env.AIRLOCK_TEST_REPORT_FILE;
  if (reportFile !== undefined)
    writeFileSync(
      reportFile,
      JSON.stringify({
        extraCa: process.env.NODE_EXTRA_CA_CERTS ?? null,
        maxRssKb: process.resourceUsage().maxRSS,
        result: result.kind === 'ran' ? result.outcome : result,
      }),
    );
  if (result.kind === 'not-started') {
    process.stderr.write(result.message);
    process.exit(result.exitCode);
  }
  return exitAs(result.outcome);
}

void main();
