// `airlock scan [PATH…]`: judge every command in the project's scripts, Makefiles, package.json,
// Dockerfiles and CI files as airlock would at run time; text, --json or --sarif.

import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config/load.js';
import { airlockPaths } from '../config/paths.js';
import { findProjectRoot } from '../decide/evaluate.js';
import { exitCodes } from '../exec/exit-codes.js';
import { realFs } from '../tools/real-fs.js';
import { callerEnv } from './context.js';
import { allPacks } from './packs.js';

declare const __AIRLOCK_VERSION__: string | undefined;

type SetCode = (code: number) => void;

export function registerScan(program: Command, env: NodeJS.ProcessEnv, setCode: SetCode): void {
  program
    .command('scan')
    .description('judge every command in scripts, Makefiles, package.json, Dockerfiles and CI files')
    .argument('[paths...]', 'files or directories (default: the project)')
    .option('--json', 'print JSON')
    .option('--sarif', 'print SARIF 2.1.0 for code-scanning tools')
    .addHelpText(
      'after',
      `
Reads shell scripts (*.sh or a shell shebang), Makefile recipes, package.json scripts,
Dockerfile RUN lines, GitHub Actions run: steps and GitLab CI scripts, and judges each
command with the same rule packs and policy as at run time. Prints file:line: decision
rule reason for each command that would not simply run.

Exit status: 0 when everything would run, ${exitCodes.needsApproval} when something would need approval,
${exitCodes.refused} when something would be refused.`,
    )
    .action(async (paths: string[], opts: { json?: boolean; sarif?: boolean }) => {
      const { prepareScan, renderScan, runScan, scanExitCode, scanJson, scanSarif } = await import(
        '../scan/run.js'
      );
      await prepareScan();
      const caller = callerEnv(env);
      const root = findProjectRoot(process.cwd(), realFs);
      const loaded = loadConfig({ cwd: root, env: caller });
      const packs = allPacks(loaded.config.packs);
      const result = runScan({
        root,
        paths: paths.map((p) => resolve(process.cwd(), p)),
        env: caller,
        packs: packs.packs,
        policy: loaded.config,
        fs: realFs,
        airlockPaths: [
          ...airlockPaths(caller),
          ...loaded.files.project.filter((f) => !f.endsWith('/package.json')),
        ],
        projectRoot: root,
      });
      for (const p of packs.problems) result.problems.push(`rule pack ${p.file}: ${p.message}`);
      const version = typeof __AIRLOCK_VERSION__ === 'string' ? __AIRLOCK_VERSION__ : 'dev';
      process.stdout.write(
        opts.sarif ? scanSarif(result, version) : opts.json ? scanJson(result) : renderScan(result),
      );
      setCode(scanExitCode(result));
    });
}
