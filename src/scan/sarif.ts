// SARIF 2.1.0 for code-scanning tools: one rule per rule id found, one result per finding,
// refusals as errors and approvals as warnings, locations relative to the scanned root.

import type { ScanFinding, ScanResult } from './types.js';

type Level = 'error' | 'warning';

const levelOf = (decision: ScanFinding['decision']): Level => (decision === 'deny' ? 'error' : 'warning');

export function toSarif(result: ScanResult, version: string): object {
  const rules: { id: string; level: Level; text: string }[] = [];
  const index = new Map<string, number>();
  for (const f of result.findings) {
    const at = index.get(f.rule);
    if (at === undefined) {
      index.set(f.rule, rules.length);
      rules.push({ id: f.rule, level: levelOf(f.decision), text: f.reason });
    } else if (f.decision === 'deny') rules[at]!.level = 'error';
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'airlock',
            version,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.text },
              defaultConfiguration: { level: r.level },
            })),
          },
        },
        originalUriBaseIds: {
          SRCROOT: { uri: `file://${result.root.endsWith('/') ? result.root : `${result.root}/`}` },
        },
        results: result.findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: index.get(f.rule)!,
          level: levelOf(f.decision),
          message: {
            text: `${f.decision === 'deny' ? 'refused' : 'needs approval'}: ${f.reason} (${f.why}): ${f.command}`,
          },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(f.file), uriBaseId: 'SRCROOT' },
                region: { startLine: f.line },
              },
            },
          ],
        })),
      },
    ],
  };
}
