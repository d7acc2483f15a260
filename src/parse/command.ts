// The parse stage's output: every simple command a line would run, expanded as far as
// can be known statically, with wrappers unwrapped and nested shells re-parsed.

import type { RedirectOp, Span } from './ast.js';

/**
 * The environment a command sees. A key mapped to `undefined` was assigned in the line
 * with a value that cannot be known statically; a missing key is unset (also unknown).
 */
export type ShellEnv = Readonly<Record<string, string | undefined>>;

/** One argv element after expansion. */
export interface ArgWord {
  /** Source text of the word (or the part of it this field came from). */
  text: string;
  /** The value, when it is known statically. */
  value?: string;
  /**
   * When the only unknown is an unquoted glob (`*`, `?`, `[…]`): the pattern, with
   * quoted glob characters backslash-escaped. `value` is then undefined.
   */
  pattern?: string;
  /** Why the value is not known statically (`$DIR is not set`, `command substitution`…). */
  dynamic?: string;
  /** Where the word came from in the top-level line. */
  span: Span;
}

export interface ResolvedRedirect {
  op: RedirectOp;
  fd?: number | string;
  target: ArgWord;
  /** Heredoc body text when known statically (quoted delimiter, or no expansions in it). */
  heredocBody?: string;
  /** Why the heredoc body is not fully known. */
  heredocDynamic?: string;
}

/** Where a command's standard input comes from, when the line says. */
export type StdinSource =
  | { kind: 'heredoc' | 'herestring'; text?: string; dynamic?: string }
  | { kind: 'file'; path: ArgWord }
  /** The commands earlier in the same pipeline (nearest last). */
  | { kind: 'pipe'; from: SimpleCommand[] };

/** How a command was reached, outermost first: `bash -c`, `eval`, `ssh host`, `source f`… */
export interface Origin {
  kind:
    | 'line'
    | 'shell -c'
    | 'shell script'
    | 'eval'
    | 'ssh'
    | 'source'
    | 'xargs'
    | 'parallel'
    | 'find -exec'
    | 'watch'
    | 'pipe to shell'
    /** Runs later: an `at` job, text planted in a shell startup file. */
    | 'scheduled'
    | 'tool';
  /** The wrapping program or file (`bash`, `host`, `./setup.sh`). */
  detail?: string;
}

export type ContextKind =
  | 'pipeline'
  | 'subshell'
  | 'group'
  | 'command-substitution'
  | 'process-substitution'
  | 'function'
  | 'condition'
  | 'if'
  | 'loop'
  | 'case'
  | 'background'
  | 'negated'
  | 'or'
  | 'and';

export interface Wrapper {
  /** `sudo`, `env`, `timeout`, `xargs`… */
  name: string;
  /** Its own arguments (options), as written. */
  args: string[];
}

export interface SimpleCommand {
  /** argv after brace expansion, known variables and field splitting, wrappers removed. */
  argv: ArgWord[];
  /** Basename of argv[0] when static (`/usr/bin/rm` → `rm`, `\rm` → `rm`). */
  program?: string;
  /** argv[0] as written when it contained a `/`. */
  programPath?: string;
  /** The environment this command runs with (inherited plus prefix assignments). */
  env: ShellEnv;
  /** Working directory when known (tracks static `cd` in the line). */
  cwd?: string;
  redirects: ResolvedRedirect[];
  stdin?: StdinSource;
  wrappers: Wrapper[];
  origin: Origin[];
  /** Absolute paths the line proved missing before this command runs (`[ -f .env ] || cp …`). */
  absent?: string[];
  /** Set for commands that run on another machine (`ssh host cmd`): its environment is unknown. */
  remote?: string;
  context: ContextKind[];
  /** Span in the top-level line (for nested commands, the span of the outer word). */
  span: Span;
  /** Source text of the command as written. */
  text: string;
}

/** Something the parse stage could not know, and why. */
export interface Unknown {
  kind:
    | 'syntax-error'
    | 'limit'
    | 'unreadable-source'
    | 'nesting-depth'
    | 'dynamic-argument'
    | 'unsupported'
    | 'recognizer';
  reason: string;
  /** The command text it concerns, when there is one. */
  command?: string;
  span?: Span;
}

/**
 * A shape in the line that hides or multiplies what runs. The pipeline turns each into an
 * invocation of the pseudo-tool `shell` (subcommand = kind) so rule packs decide on it.
 */
export interface Hazard {
  kind: /** A function that calls itself in the background or a pipeline: `:(){ :|:& };:` */
    | 'fork-bomb'
    /** The program name is not known statically: `$CMD args`, `$(echo rm) x`. */
    | 'dynamic-command'
    /** `eval`, `sh -c`, `source` of text that is not known statically. */
    | 'dynamic-eval'
    /** Invisible, bidirectional or look-alike characters that make the line read differently from what runs. */
    | 'disguised';
  reason: string;
  /** The command it concerns. */
  command?: SimpleCommand;
  text: string;
  span: Span;
}

export interface LineAnalysis {
  commands: SimpleCommand[];
  hazards: Hazard[];
  unknowns: Unknown[];
  /** Set when the line does not parse; commands may still hold what was salvaged. */
  error?: { kind: 'syntax' | 'limit'; message: string; offset: number };
}

/** What the parse stage needs from the outside world; pure callers pass fakes or the real thing. */
export interface AnalyzeContext {
  env: ShellEnv;
  cwd: string;
  /** Reads a small file for `source`, `. file`, `bash script.sh`; returns undefined when missing or too large. */
  readFile?: (path: string) => string | undefined;
  /** Maximum re-parse depth for `sh -c`, `eval`, `ssh`, `source` (default 4). */
  maxNestedDepth?: number;
}
