// The shared way recognizers assemble an Invocation from a parsed argv.

import type { SimpleCommand } from '../parse/command.js';
import type { ParsedArgv } from './argv.js';
import type { EnvHint, FactValue, Invocation, Target } from './invocation.js';

export interface InvocationParts {
  tool: string;
  parsed?: ParsedArgv;
  subcommand?: string[];
  flags?: Record<string, string[]>;
  positionals?: string[];
  targets?: Target[];
  envHints?: EnvHint[];
  facts?: Record<string, FactValue>;
  unknowns?: string[];
}

export function makeInvocation(command: SimpleCommand, parts: InvocationParts): Invocation {
  const facts: Record<string, FactValue> = Object.assign({}, parts.facts);
  const flags = parts.flags ?? parts.parsed?.flags ?? {};
  // GNU tools print help and exit: `rm --help -rf /` removes nothing.
  if (flags.help !== undefined) facts.help = true;
  return {
    tool: parts.tool,
    program: command.program ?? parts.tool,
    subcommand: parts.subcommand ?? parts.parsed?.subcommand ?? [],
    flags,
    positionals: parts.positionals ?? parts.parsed?.positionals ?? [],
    targets: parts.targets ?? [],
    envHints: parts.envHints ?? [],
    facts,
    unknowns: parts.unknowns ?? [],
    command,
  };
}

/** argv after the program name. */
export function argsOf(command: SimpleCommand) {
  return command.argv.slice(1);
}
