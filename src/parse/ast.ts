// The shell syntax tree: what the parser produces from text, before any expansion.

/** Offsets into the text that was parsed (UTF-16 code units, end exclusive). */
export interface Span {
  start: number;
  end: number;
}

/**
 * A piece of a word. Unquoted literal text keeps its raw form so later stages can
 * find glob characters, a leading `~` and brace expansions that quoting would disable.
 */
export type WordPart =
  /** Unquoted text; `value` has backslash escapes removed, `raw` keeps them. */
  | { type: 'Literal'; value: string; raw: string; span: Span }
  /** Literal text inside double quotes (escapes already removed). */
  | { type: 'QuotedLiteral'; value: string; span: Span }
  | { type: 'SingleQuoted'; value: string; span: Span }
  /** `$'…'`, decoded. */
  | { type: 'AnsiC'; value: string; span: Span }
  /** `$"…"` is treated like double quotes. */
  | { type: 'DoubleQuoted'; parts: WordPart[]; span: Span }
  | ParamPart
  | { type: 'CommandSub'; body: Script; backtick: boolean; span: Span }
  /** `$((…))` or `$[…]`; `parts` holds the substitutions found inside the expression. */
  | { type: 'Arith'; expr: string; parts: WordPart[]; span: Span }
  | { type: 'ProcessSub'; op: '<' | '>'; body: Script; span: Span };

/** `$X`, `${X}`, `${X:-word}`, `${#X}`, `${!X}`, `${X[@]}`, `$1`, `$@`, `$?`… */
export interface ParamPart {
  type: 'Param';
  name: string;
  /** Array subscript text, when written: `${a[1]}`. */
  index?: string;
  /** The operator after the name: `:-`, `-`, `:=`, `=`, `:?`, `?`, `:+`, `+`, `#`, `##`, `%`, `%%`, `/`, `//`, `^`, `,`, `:` (substring), `@` (transform). */
  op?: string;
  /** The word after the operator (it can itself contain expansions). */
  arg?: Word;
  /** `${#X}` */
  length?: boolean;
  /** `${!X}` */
  indirect?: boolean;
  braced: boolean;
  span: Span;
}

export interface Word {
  type: 'Word';
  parts: WordPart[];
  /** The source text of the whole word. */
  text: string;
  span: Span;
}

export interface Assignment {
  type: 'Assignment';
  name: string;
  index?: string;
  /** `+=` */
  append: boolean;
  /** Scalar value; undefined for an array assignment. */
  value?: Word;
  /** `a=(x y z)` */
  array?: Word[];
  span: Span;
}

export type RedirectOp = '<' | '>' | '>>' | '>|' | '<>' | '&>' | '&>>' | '<&' | '>&' | '<<' | '<<-' | '<<<';

export interface Heredoc {
  delimiter: string;
  /** A quoted delimiter (`<<'EOF'`) means the body is literal. */
  quoted: boolean;
  /** Unquoted: the body as a word whose parts carry the expansions; quoted: one QuotedLiteral. */
  body: Word;
  span: Span;
}

export interface Redirect {
  type: 'Redirect';
  /** Explicit file descriptor (`2>`), or a `{var}` name. */
  fd?: number | string;
  op: RedirectOp;
  /** The file, descriptor (`&1` → "1", `-`), here-string, or heredoc delimiter word. */
  target: Word;
  heredoc?: Heredoc;
  span: Span;
}

export interface SimpleCommandNode {
  type: 'Simple';
  assignments: Assignment[];
  words: Word[];
  redirects: Redirect[];
  span: Span;
}

export interface Pipeline {
  type: 'Pipeline';
  commands: Command[];
  /** `|&` after command i pipes stderr too: `stderr[i]`. */
  stderr: boolean[];
  negated: boolean;
  /** Preceded by the `time` keyword. */
  timed: boolean;
  span: Span;
}

export interface AndOr {
  type: 'AndOr';
  op: '&&' | '||';
  left: Command;
  right: Command;
  span: Span;
}

export interface ListItem {
  command: Command;
  /** The separator after the command; a trailing command has none. */
  separator?: ';' | '&' | '\n';
}

export interface List {
  type: 'List';
  items: ListItem[];
  span: Span;
}

export interface Subshell {
  type: 'Subshell';
  body: List;
  redirects: Redirect[];
  span: Span;
}

export interface Group {
  type: 'Group';
  body: List;
  redirects: Redirect[];
  span: Span;
}

export interface FunctionDef {
  type: 'Function';
  name: string;
  body: Command;
  redirects: Redirect[];
  span: Span;
}

export interface If {
  type: 'If';
  clauses: { condition: List; body: List }[];
  elseBody?: List;
  redirects: Redirect[];
  span: Span;
}

export interface For {
  type: 'For';
  variable: string;
  /** Undefined when the `in` part is missing (iterates over "$@"). */
  items?: Word[];
  body: List;
  redirects: Redirect[];
  span: Span;
}

export interface ArithFor {
  type: 'ArithFor';
  init: string;
  condition: string;
  step: string;
  /** Substitutions found inside the three expressions. */
  parts: WordPart[];
  body: List;
  redirects: Redirect[];
  span: Span;
}

export interface While {
  type: 'While';
  until: boolean;
  condition: List;
  body: List;
  redirects: Redirect[];
  span: Span;
}

export interface Select {
  type: 'Select';
  variable: string;
  items?: Word[];
  body: List;
  redirects: Redirect[];
  span: Span;
}

export interface CaseItem {
  patterns: Word[];
  body: List;
  terminator: ';;' | ';&' | ';;&' | undefined;
}

export interface Case {
  type: 'Case';
  word: Word;
  items: CaseItem[];
  redirects: Redirect[];
  span: Span;
}

/** `[[ … ]]`: the words between the brackets (operators included as words). */
export interface TestCommand {
  type: 'Test';
  words: Word[];
  redirects: Redirect[];
  span: Span;
}

/** `(( … ))` */
export interface ArithCommand {
  type: 'ArithCommand';
  expr: string;
  parts: WordPart[];
  redirects: Redirect[];
  span: Span;
}

/** `coproc [NAME] command` */
export interface Coproc {
  type: 'Coproc';
  name?: string;
  body: Command;
  span: Span;
}

export type Command =
  | SimpleCommandNode
  | Pipeline
  | AndOr
  | List
  | Subshell
  | Group
  | FunctionDef
  | If
  | For
  | ArithFor
  | While
  | Select
  | Case
  | TestCommand
  | ArithCommand
  | Coproc;

export interface Script {
  type: 'Script';
  body: List;
  span: Span;
}

export type ParseErrorKind = 'syntax' | 'limit';

export interface ParseError {
  kind: ParseErrorKind;
  message: string;
  /** Offset into the parsed text where the problem was found. */
  offset: number;
}

export type ParseOutcome = { ok: true; script: Script } | { ok: false; error: ParseError };

export interface ParseLimits {
  /** Characters of input (default 1 MiB). */
  maxInput: number;
  /** Nesting depth of commands, substitutions and quotes (default 200). */
  maxDepth: number;
  /** Total AST nodes (default 200,000). */
  maxNodes: number;
}
