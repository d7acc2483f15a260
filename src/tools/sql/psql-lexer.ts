// Splits psql input the way psql's own lexer does: SQL text, variable references and
// backslash meta-commands, honouring quotes, dollar quotes and (nested) comments.

/** A psql variable reference in SQL text: `:name`, `:'name'`, `:"name"`. */
export interface VariableRef {
  name: string;
  quote: 'none' | 'literal' | 'ident';
  text: string;
}

export type SqlPart = string | VariableRef;

export type PsqlPiece =
  | { kind: 'sql'; parts: SqlPart[] }
  | {
      kind: 'meta';
      /** The command name without the backslash: `dt+`, `i`, `!`, `copy`. */
      name: string;
      /** The argument words, quotes removed. */
      args: string[];
      /** The argument text as written. */
      rawArgs: string;
      text: string;
      /** Why an argument cannot be known (a backtick runs a shell command). */
      dynamic?: string;
    };

/** Meta-commands whose argument is the rest of the line, backslashes included. */
const WHOLE_LINE = new Set(['!', 'copy', 'sf', 'sf+', 'sv', 'sv+', 'ef', 'ev', 'h', 'help']);

function isIdentChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_$\u0080-\uffff]/.test(c);
}

function isVarChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_\u0080-\uffff]/.test(c);
}

/** Position after a quoted run starting at `i` (the opening quote), doubled quote as escape. */
function skipQuoted(text: string, i: number, quote: string, backslashEscapes: boolean): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text[j];
    if (backslashEscapes && c === '\\') j += 2;
    else if (c === quote) {
      if (text[j + 1] === quote) j += 2;
      else return j + 1;
    } else j++;
  }
  return j;
}

function skipBlockComment(text: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < text.length) {
    if (text.startsWith('/*', j)) {
      depth++;
      j += 2;
    } else if (text.startsWith('*/', j)) {
      depth--;
      j += 2;
      if (depth === 0) return j;
    } else j++;
  }
  return j;
}

/** `$tag$` opening a dollar-quoted string at `i`, or undefined. */
function dollarTag(text: string, i: number): string | undefined {
  if (isIdentChar(text[i - 1])) return undefined;
  let j = i + 1;
  if (/[0-9]/.test(text[j] ?? '')) return undefined;
  while (j < text.length && /[A-Za-z0-9_\u0080-\uffff]/.test(text[j] ?? '')) j++;
  return text[j] === '$' ? text.slice(i, j + 1) : undefined;
}

interface MetaScan {
  end: number;
  args: string[];
  rawArgs: string;
  dynamic?: string;
}

/** Reads a meta-command's arguments from `i` to the end of line or the next unquoted backslash. */
function scanMetaArgs(text: string, i: number, wholeLine: boolean): MetaScan {
  const args: string[] = [];
  let dynamic: string | undefined;
  let j = i;
  let word: string | undefined;
  const flush = (): void => {
    if (word !== undefined) args.push(word);
    word = undefined;
  };
  while (j < text.length && text[j] !== '\n') {
    const c = text[j] as string;
    if (c === '\\' && !wholeLine) break;
    if (c === ' ' || c === '\t' || c === '\r') {
      flush();
      j++;
    } else if (c === "'" || c === '"' || c === '`') {
      const close = skipQuoted(text, j, c, c === "'");
      if (c === '`') dynamic = 'a backtick runs a shell command';
      word = (word ?? '') + text.slice(j + 1, Math.max(j + 1, close - 1));
      j = close;
    } else {
      word = (word ?? '') + c;
      j++;
    }
  }
  flush();
  const rawArgs = text.slice(i, j).trim();
  return dynamic === undefined ? { end: j, args, rawArgs } : { end: j, args, rawArgs, dynamic };
}

/** Splits psql input into SQL parts and meta-commands, in order. Linear in the input. */
export function splitPsql(text: string): PsqlPiece[] {
  const pieces: PsqlPiece[] = [];
  let parts: SqlPart[] = [];
  let start = 0;
  const flushSql = (end: number): void => {
    if (end > start) parts.push(text.slice(start, end));
    if (parts.length > 0) pieces.push({ kind: 'sql', parts });
    parts = [];
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === "'") {
      const escaped = (text[i - 1] === 'E' || text[i - 1] === 'e') && !isIdentChar(text[i - 2]);
      i = skipQuoted(text, i, "'", escaped);
    } else if (c === '"') i = skipQuoted(text, i, '"', false);
    else if (c === '-' && text[i + 1] === '-') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (c === '/' && text[i + 1] === '*') i = skipBlockComment(text, i);
    else if (c === '$') {
      const tag = dollarTag(text, i);
      if (tag === undefined) i++;
      else {
        const close = text.indexOf(tag, i + tag.length);
        i = close < 0 ? text.length : close + tag.length;
      }
    } else if (c === ':') {
      const ref = variableAt(text, i);
      if (ref === undefined) i += text[i + 1] === ':' ? 2 : 1;
      else {
        if (i > start) parts.push(text.slice(start, i));
        parts.push(ref);
        i += ref.text.length;
        start = i;
      }
    } else if (c === '\\') {
      flushSql(i);
      i = readMeta(text, i, pieces);
      start = i;
    } else i++;
  }
  flushSql(text.length);
  return pieces;
}

function variableAt(text: string, i: number): VariableRef | undefined {
  if (text[i - 1] === ':') return undefined;
  const next = text[i + 1];
  if (next === "'" || next === '"') {
    let j = i + 2;
    while (isVarChar(text[j])) j++;
    if (j === i + 2 || text[j] !== next) return undefined;
    const name = text.slice(i + 2, j);
    return { name, quote: next === "'" ? 'literal' : 'ident', text: text.slice(i, j + 1) };
  }
  if (!isVarChar(next)) return undefined;
  let j = i + 1;
  while (isVarChar(text[j])) j++;
  return { name: text.slice(i + 1, j), quote: 'none', text: text.slice(i, j) };
}

/** Reads one meta-command at `i` (a backslash); returns where SQL resumes. */
function readMeta(text: string, i: number, pieces: PsqlPiece[]): number {
  if (text[i + 1] === '\\') return i + 2;
  let j = i + 1;
  if (j < text.length && /[A-Za-z]/.test(text[j] as string)) {
    while (j < text.length && /[A-Za-z0-9_+]/.test(text[j] as string)) j++;
  } else if (j < text.length && text[j] !== '\n') j++;
  const name = text.slice(i + 1, j);
  const scan = scanMetaArgs(text, j, WHOLE_LINE.has(name));
  const piece: PsqlPiece = {
    kind: 'meta',
    name,
    args: scan.args,
    rawArgs: scan.rawArgs,
    text: text.slice(i, scan.end).trim(),
  };
  if (scan.dynamic !== undefined) piece.dynamic = scan.dynamic;
  pieces.push(piece);
  let end = scan.end;
  if (text.startsWith('\\\\', end)) end += 2;
  return end;
}
