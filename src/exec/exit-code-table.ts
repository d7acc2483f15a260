// airlock's exit codes as the README and `airlock --help` print them; apart from the codes
// themselves so that the start-up bundle, which only needs the numbers, does not build them.

import { exitCodes } from './exit-codes.js';

/** The table the README and `airlock --help` print: [code, meaning]. */
export const exitCodeTable: readonly [number, string][] = [
  [exitCodes.ok, 'allowed (check), or the command ran and exited 0; otherwise the command’s own status'],
  [exitCodes.refused, 'refused by policy (catastrophic or configured deny); not run'],
  [exitCodes.needsApproval, 'needs a person’s approval; not run'],
  [exitCodes.deniedByPerson, 'a person denied the request; not run'],
  [exitCodes.approvalTimeout, 'no one approved the request in time; not run'],
  [exitCodes.auditUnavailable, 'the audit log could not be written; only reads run'],
  [exitCodes.config, 'invalid configuration or rule pack; not run'],
  [exitCodes.usage, 'usage error in airlock’s own arguments'],
  [exitCodes.shimLoop, 'a shim would have run itself again (check PATH); not run'],
  [exitCodes.internal, 'internal error in airlock'],
  [exitCodes.notExecutable, 'the real program is not executable (as in the shell)'],
  [exitCodes.notFound, 'the real program was not found (as in the shell)'],
];

/** The same table as Markdown, with the pass-through rows first, for the README. */
export const exitCodeTableMarkdown: string = [
  '| exit status | meaning |',
  '| --- | --- |',
  '| 0–255 | the command ran: its own exit status, unchanged |',
  '| killed by signal N | the command died of signal N, and airlock dies of the same signal (a shell shows 128+N) |',
  ...exitCodeTable.filter(([code]) => code !== 0).map(([code, meaning]) => `| ${code} | ${meaning} |`),
  '',
].join('\n');
