// `airlock scan`: every command in the project's scripts, Makefiles, package.json, Dockerfiles
// and CI files, judged as the guard would judge it at run time. Exit status: 90 when anything
// would be refused, 91 when anything would need approval, 0 otherwise.

import { exitCodes } from '../exec/exit-codes.js';
import { readSmallText } from '../init/read-small.js';
import { prepareSqlParsers, sqlPrograms } from '../tools/sql/index.js';
import { extractGithubActions, extractGitlabCi } from './extract-ci.js';
import { extractDockerfile } from './extract-docker.js';
import { extractMake } from './extract-make.js';
import { extractPackageScripts, extractShellScript } from './extract-simple.js';
import { commandDir, type ScanFile, scanFiles } from './files.js';
import { dedupe, type JudgeContext, judgeCommand } from './judge.js';
import { toSarif } from './sarif.js';
import type { ScanCommand, ScanResult } from './types.js';

export interface ScanOptions extends JudgeContext {
  root: string;
  paths: readonly string[];
}

function extract(file: ScanFile, text: string, root: string): { commands: ScanCommand[]; problem?: string } {
  const cwd = commandDir(root, file);
  switch (file.kind) {
    case 'shell':
      return { commands: extractShellScript(text, file.rel, cwd) };
    case 'make':
      return { commands: extractMake(text, file.rel, cwd) };
    case 'npm':
      return extractPackageScripts(text, file.rel, cwd);
    case 'docker':
      return { commands: extractDockerfile(text, file.rel) };
    case 'github-actions':
      return extractGithubActions(text, file.rel, root);
    case 'gitlab-ci':
      return extractGitlabCi(text, file.rel, root);
  }
}

/** The SQL parsers load asynchronously; judging is synchronous after that (psql lines need them). */
export function prepareScan(): Promise<void> {
  return prepareSqlParsers(sqlPrograms);
}

export function runScan(options: ScanOptions): ScanResult {
  const files = scanFiles(options.root, options.paths);
  const result: ScanResult = {
    root: options.root,
    files: files.length,
    commands: 0,
    findings: [],
    problems: [],
  };
  for (const file of files) {
    const text = readSmallText(file.path, 1024 * 1024);
    if (text === undefined) {
      result.problems.push(`${file.rel}: unreadable or larger than 1 MB; not scanned`);
      continue;
    }
    const { commands, problem } = extract(file, text, options.root);
    if (problem !== undefined) result.problems.push(problem);
    result.commands += commands.length;
    for (const command of commands) result.findings.push(...judgeCommand(command, options));
  }
  result.findings = dedupe(result.findings);
  return result;
}

export function scanExitCode(result: ScanResult): number {
  if (result.findings.some((f) => f.decision === 'deny')) return exitCodes.refused;
  if (result.findings.length > 0) return exitCodes.needsApproval;
  return exitCodes.ok;
}

export function renderScan(result: ScanResult): string {
  const out = result.findings.map(
    (f) => `${f.file}:${f.line}: ${f.decision} ${f.rule} ${f.reason}: ${f.command}`,
  );
  for (const p of result.problems) out.push(`warning: ${p}`);
  const refused = result.findings.filter((f) => f.decision === 'deny').length;
  out.push(
    `${result.files} file(s), ${result.commands} command(s): ${refused} refused, ${result.findings.length - refused} need approval`,
  );
  return `${out.join('\n')}\n`;
}

export function scanJson(result: ScanResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

export function scanSarif(result: ScanResult, version: string): string {
  return `${JSON.stringify(toSarif(result, version), null, 2)}\n`;
}
