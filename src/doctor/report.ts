// The doctor's report: findings grouped by area, strictest first, a count per severity and
// the fixes to make, as text for a person and as JSON for tools.

import type { DoctorFinding, Severity } from './types.js';

export interface DoctorReport {
  root: string;
  findings: DoctorFinding[];
  summary: Record<Severity, number>;
  fixes: string[];
}

const order: Record<Severity, number> = { high: 0, medium: 1, low: 2, info: 3 };
const areas: Record<DoctorFinding['area'], string> = {
  credentials: 'Credentials a process started here can use',
  path: 'Shims and PATH',
  harness: 'Agent harnesses in this project',
  recovery: 'Recovery paths inside the blast radius',
};

export function buildReport(root: string, findings: DoctorFinding[]): DoctorReport {
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity]);
  const summary: Record<Severity, number> = { high: 0, medium: 0, low: 0, info: 0 };
  for (const f of sorted) summary[f.severity]++;
  const fixes = [
    ...new Set(sorted.filter((f) => f.fix !== undefined && f.severity !== 'info').map((f) => f.fix!)),
  ];
  return { root, findings: sorted, summary, fixes };
}

export function renderReport(report: DoctorReport): string {
  const out: string[] = [`airlock doctor: what could an agent started in ${report.root} destroy?`];
  for (const area of Object.keys(areas) as DoctorFinding['area'][]) {
    const inArea = report.findings.filter((f) => f.area === area);
    if (inArea.length === 0) continue;
    out.push('', `${areas[area]}:`);
    for (const f of inArea) {
      const env = f.environment !== undefined && f.environment !== 'unknown' ? ` [${f.environment}]` : '';
      out.push(`  ${f.severity.padEnd(6)} ${f.detail}${env}`, `         ${f.location}`);
    }
  }
  const { high, medium, low } = report.summary;
  out.push('', `Summary: ${high} high, ${medium} medium, ${low} low.`);
  if (report.fixes.length > 0) {
    out.push('Fixes:');
    for (const fix of report.fixes) out.push(`  - ${fix}`);
  }
  return `${out.join('\n')}\n`;
}
