// airlock's own exit statuses. A command that runs returns its own status verbatim; these are
// used only when airlock itself ends the run, so they sit where common programs do not.

// Why 90–99: 0–2 are everyone's, 64–78 are sysexits (used by mail tools, BSD utilities and many
// CLIs, so a program's own 75 would read as "needs approval"), 125–127 belong to shells and env,
// 128+N means "killed by signal N", 255 is ssh's. Nothing widely used sits in the nineties.

export const exitCodes = {
  /** The command was allowed (check) or airlock's own command succeeded. */
  ok: 0,
  /** Policy refuses the command outright (catastrophic, or a configured deny); not run. */
  refused: 90,
  /** The command needs a person's approval and was not run (yet). */
  needsApproval: 91,
  /** A person was asked and denied the request; not run. */
  deniedByPerson: 92,
  /** Nobody approved the request before the wait ran out; not run. */
  approvalTimeout: 93,
  /** The audit log could not be written, so a command that is not a read was not run. */
  auditUnavailable: 94,
  /** A configuration file or rule pack is invalid; not run. */
  config: 95,
  /** Bad arguments to airlock itself. */
  usage: 96,
  /** A shim would have run itself again (a PATH loop, or too many nested airlock calls); not run. */
  shimLoop: 97,
  /** A bug in airlock: the command was not run, or its outcome is unknown. */
  internal: 99,
  /** As in the shell: the program exists but cannot be executed. */
  notExecutable: 126,
  /** As in the shell: the program was not found. */
  notFound: 127,
} as const;

export type ExitCodeName = keyof typeof exitCodes;
