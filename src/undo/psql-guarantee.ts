// Runs an approved DELETE/UPDATE so that what runs is what was approved: the statement
// runs verbatim inside a transaction, psql's ROW_COUNT (the server's command tag) is
// compared with the approved measurement, and the transaction commits only within the
// tolerance; beyond it, it rolls back and the caller asks the person again.

import { spawn } from 'node:child_process';

/** Extra rows allowed above the approved count: a fraction of it (config probes.rowTolerance, 10%), and at least 5. */
export function rowTolerance(approvedRows: number, fraction = 0.1): number {
  return Math.max(5, Math.ceil(approvedRows * fraction));
}

export interface RowGuaranteeRequest {
  /** The real psql binary. */
  psql: string;
  /** Connection arguments of the approved command (-h/-p/-U/-d). */
  connection: readonly string[];
  /** The single DELETE or UPDATE statement that was measured and approved. */
  statement: string;
  approvedRows: number;
  /** Rows allowed above the approved count (defaults to rowTolerance). */
  tolerance?: number;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface RowGuaranteeResult {
  outcome: 'committed' | 'rolled-back' | 'failed';
  /** Rows the statement touched (before commit or rollback), when it ran. */
  rows?: number;
  /** Most rows that could commit. */
  limit: number;
  exitCode: number;
  stdout: string;
  stderr: string;
}

const marker = 'airlock-rows ';
const rolledBack = 'airlock-rolled-back';

export function guaranteeScript(statement: string, limit: number): string {
  const body = statement.trim().replace(/;+\s*$/, '');
  return [
    '\\set ON_ERROR_STOP 1',
    'BEGIN;',
    `${body}`,
    ';',
    '\\set airlock_rows :ROW_COUNT',
    `\\warn ${marker}:airlock_rows`,
    `SELECT :airlock_rows <= ${Math.floor(limit)} AS airlock_within \\gset`,
    '\\if :airlock_within',
    'COMMIT;',
    '\\else',
    'ROLLBACK;',
    `\\warn ${rolledBack}`,
    '\\endif',
    '',
  ].join('\n');
}

export function runWithRowGuarantee(request: RowGuaranteeRequest): Promise<RowGuaranteeResult> {
  const limit = request.approvedRows + (request.tolerance ?? rowTolerance(request.approvedRows));
  const script = guaranteeScript(request.statement, limit);
  return new Promise((resolve) => {
    const child = spawn(request.psql, ['-X', '-q', '-f', '-', ...request.connection], {
      cwd: request.cwd,
      env: request.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', (error) =>
      resolve({ outcome: 'failed', limit, exitCode: 127, stdout, stderr: error.message }),
    );
    child.on('close', (code) => {
      const line = stderr.split('\n').find((l) => l.startsWith(marker));
      const rows = line === undefined ? undefined : Number(line.slice(marker.length));
      const shown = stderr
        .split('\n')
        .filter((l) => !l.startsWith(marker) && l !== rolledBack)
        .join('\n');
      const outcome =
        code !== 0 || rows === undefined
          ? 'failed'
          : stderr.includes(rolledBack)
            ? 'rolled-back'
            : 'committed';
      resolve({
        outcome,
        ...(rows === undefined ? {} : { rows }),
        limit,
        exitCode: code ?? 1,
        stdout,
        stderr: shown,
      });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(script);
  });
}
