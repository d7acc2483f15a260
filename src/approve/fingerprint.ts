// The fingerprint an approval is bound to: the program's real path, its argv (or the line),
// the working directory, and the targets and environments the pipeline resolved. A re-run
// that differs in any of these is a different request and asks again.

import { loadCrypto } from '../audit/driver.js';
import type { Evaluation } from '../decide/evaluate.js';

export interface FingerprintInput {
  /** The program's real path (shims skipped), or `missing:NAME` when none was found. For a
   * line: the real bash that runs it. */
  program: string;
  subject: { argv: readonly string[] } | { line: string };
  cwd: string;
  evaluation: Pick<Evaluation, 'invocations' | 'verdict'>;
}

/** What the fingerprint covers, in a fixed order; also shown by tests when two differ. */
export function fingerprintMaterial(input: FingerprintInput): unknown[] {
  const targets: string[][] = [];
  const environments: string[][] = [];
  for (const invocation of input.evaluation.invocations) {
    for (const t of invocation.targets) {
      const where =
        t.resolved ??
        t.value ??
        (t.pattern !== undefined ? `pattern:${t.pattern}` : `dynamic:${t.dynamic ?? ''}`);
      targets.push([invocation.tool, t.kind, where]);
    }
    for (const h of invocation.envHints) environments.push([invocation.tool, h.kind, h.value ?? '']);
  }
  for (const f of input.evaluation.verdict.findings) {
    environments.push([f.rule, f.environment.name, f.environment.value ?? '']);
  }
  const subject = 'line' in input.subject ? ['line', input.subject.line] : ['argv', [...input.subject.argv]];
  return [1, input.program, subject, input.cwd, targets, environments];
}

export function fingerprint(input: FingerprintInput): string {
  return loadCrypto()
    .createHash('sha256')
    .update(JSON.stringify(fingerprintMaterial(input)))
    .digest('hex');
}
