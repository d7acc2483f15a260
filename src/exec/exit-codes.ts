// airlock's own exit statuses. A command that runs returns its own status verbatim; these
// are used only when airlock itself ends the run. Values follow sysexits(3) where one fits.

export const exitCodes = {
  /** The command was allowed (check) or airlock's own command succeeded. */
  ok: 0,
  /** Bad arguments to airlock itself. */
  usage: 64,
  /** A bug in airlock: the command was not run. */
  internal: 70,
  /** The audit log could not be written, so a command that is not a read was not run. */
  auditUnavailable: 73,
  /** Nobody approved the request before the wait ran out. */
  approvalTimeout: 74,
  /** The command needs a person's approval and was not run (yet). */
  needsApproval: 75,
  /** A person denied the request. */
  deniedByPerson: 76,
  /** Policy refuses the command outright. */
  refused: 77,
  /** A configuration file is invalid. */
  config: 78,
  /** The program was not found (as a shell reports it). */
  notFound: 127,
  /** The program exists but cannot be executed. */
  notExecutable: 126,
} as const;

export type ExitCodeName = keyof typeof exitCodes;

/** The table the README and `airlock --help` print. */
export const exitCodeTable: readonly [number, string][] = [
  [exitCodes.ok, 'allowed (check), or the command ran and exited 0; otherwise the command’s own status'],
  [exitCodes.usage, 'usage error in airlock’s own arguments'],
  [exitCodes.internal, 'internal error in airlock; the command was not run'],
  [exitCodes.auditUnavailable, 'the audit log could not be written; only reads run'],
  [exitCodes.approvalTimeout, 'no one approved the request in time'],
  [exitCodes.needsApproval, 'needs a person’s approval; not run'],
  [exitCodes.deniedByPerson, 'a person denied the request'],
  [exitCodes.refused, 'refused by policy (catastrophic or configured deny)'],
  [exitCodes.config, 'invalid configuration'],
  [exitCodes.notExecutable, 'the real program is not executable'],
  [exitCodes.notFound, 'the real program was not found'],
];
