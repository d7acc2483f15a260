// `airlock doctor`: gathers every check over one walk of the project and builds the report.
// Exit status 1 when any finding is high (a production credential in reach, shims missing or
// bypassed, a harness not routed through airlock), so CI and scripts can gate on it.

import { walkProject } from '../init/walk.js';
import { cloudFindings } from './cloud.js';
import { harnessFindings } from './harness-check.js';
import { pathFindings } from './path-check.js';
import { recoveryFindings } from './recovery.js';
import { buildReport, type DoctorReport, renderReport } from './report.js';
import { tokenFindings } from './tokens.js';
import type { DoctorInput } from './types.js';

export interface DoctorResult {
  report: DoctorReport;
  text: string;
  json: string;
  exitCode: number;
}

export function runDoctor(input: DoctorInput): DoctorResult {
  const files = walkProject(input.root, { maxDepth: 8 });
  const findings = [
    ...cloudFindings(input),
    ...tokenFindings(input, files),
    ...pathFindings(input),
    ...harnessFindings(input.root),
    ...recoveryFindings(input, files),
  ];
  const report = buildReport(input.root, findings);
  return {
    report,
    text: renderReport(report),
    json: `${JSON.stringify(report, null, 2)}\n`,
    exitCode: report.summary.high > 0 ? 1 : 0,
  };
}
