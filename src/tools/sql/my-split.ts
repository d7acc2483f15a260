// Splits mysql/mariadb client input and sqlite3 shell input into statements and client
// commands (`source`, `system`, `use`, `delimiter`; sqlite's `.read`, `.shell`…),
// honouring quotes and comments, and noting executable comments (`/*! … */`, `/*+ … */`).

export type ClientDialect = 'mysql' | 'sqlite';

export type ScriptPiece =
  | { kind: 'sql'; text: string; executableComment: boolean }
  | { kind: 'client'; name: string; args: string[]; text: string; length?: number };

/** mysql client commands recognized at the start of a statement (long and `\x` forms). */
const MYSQL_COMMANDS: Record<string, string> = {
  source: 'source',
  '\\.': 'source',
  system: 'system',
  '\\!': 'system',
  use: 'use',
  '\\u': 'use',
  delimiter: 'delimiter',
  '\\d': 'delimiter',
  connect: 'connect',
  '\\r': 'connect',
  exit: 'exit',
  quit: 'exit',
  '\\q': 'exit',
  tee: 'tee',
  '\\T': 'tee',
  notee: 'notee',
  '\\t': 'notee',
  pager: 'pager',
  '\\P': 'pager',
  nopager: 'nopager',
  '\\n': 'nopager',
  status: 'status',
  '\\s': 'status',
  warnings: 'warnings',
  '\\W': 'warnings',
  nowarning: 'nowarning',
  '\\w': 'nowarning',
  edit: 'edit',
  '\\e': 'edit',
  help: 'help',
  '\\h': 'help',
  '?': 'help',
  '\\?': 'help',
  charset: 'charset',
  '\\C': 'charset',
  rehash: 'rehash',
  '\\#': 'rehash',
  prompt: 'prompt',
  '\\R': 'prompt',
  print: 'print',
  '\\p': 'print',
  clear: 'clear',
  '\\c': 'clear',
  resetconnection: 'resetconnection',
  '\\x': 'resetconnection',
};

function skipQuoted(text: string, i: number, quote: string, backslash: boolean): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text[j];
    if (backslash && c === '\\') j += 2;
    else if (c === quote) {
      if (text[j + 1] === quote) j += 2;
      else return j + 1;
    } else j++;
  }
  return j;
}

function lineEnd(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl;
}

function words(text: string): string[] {
  return text
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((w) => w.replace(/^(['"`])(.*)\1$/, '$2'));
}

/** A client command at `i` (the first non-blank character of a statement), or undefined. */
function clientCommandAt(text: string, i: number, dialect: ClientDialect): ScriptPiece | undefined {
  const end = lineEnd(text, i);
  let line = text.slice(i, end).replace(/;\s*$/, '');
  if (dialect === 'sqlite') {
    if (!line.startsWith('.')) return undefined;
    const [name = '', ...args] = words(line.slice(1));
    return { kind: 'client', name, args, text: line };
  }
  const first = /^(\\.|[A-Za-z?]+)/.exec(line)?.[0] ?? '';
  const name = MYSQL_COMMANDS[first.startsWith('\\') ? first : first.toLowerCase()];
  if (name === undefined) return undefined;
  // `use` and friends are commands only as the whole line; `source` takes the rest of it.
  const rest = line.slice(first.length);
  if (!first.startsWith('\\') && rest !== '' && !/^\s/.test(rest)) return undefined;
  if (name === 'clear' || name === 'help' || name === 'print' || name === 'edit') {
    if (!first.startsWith('\\') && rest.trim() !== '' && name !== 'help') return undefined;
  }
  if (name === 'system') return { kind: 'client', name, args: [rest.trim()], text: line };
  if (name === 'delimiter') {
    // `DELIMITER ;` sets the semicolon back; the line is taken whole, trailing `;` included.
    const value =
      text
        .slice(i + first.length, end)
        .trim()
        .split(/\s+/)[0] ?? '';
    return { kind: 'client', name, args: value === '' ? [] : [value], text: text.slice(i, end).trim() };
  }
  // `use db; DROP TABLE t` on one line: the command ends at the semicolon.
  const semi = rest.indexOf(';');
  const args = semi < 0 ? rest : rest.slice(0, semi);
  line = line.slice(0, first.length + args.length);
  return { kind: 'client', name, args: words(args), text: line, length: line.length + (semi < 0 ? 0 : 1) };
}

/** Splits input into pieces in order. Linear in the input. */
export function splitClientScript(text: string, dialect: ClientDialect): ScriptPiece[] {
  const pieces: ScriptPiece[] = [];
  let delimiter = ';';
  let start = 0;
  let executable = false;
  let atStatementStart = true;
  const flush = (end: number): void => {
    const sql = text.slice(start, end).trim();
    if (sql !== '') pieces.push({ kind: 'sql', text: sql, executableComment: executable });
    executable = false;
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (atStatementStart) {
      if (/\s/.test(c)) {
        i++;
        continue;
      }
      atStatementStart = false;
      const command = clientCommandAt(text, i, dialect);
      if (command !== undefined && command.kind === 'client') {
        pieces.push(command);
        if (command.name === 'delimiter' && command.args[0]) delimiter = command.args[0];
        i = command.length === undefined ? lineEnd(text, i) : i + command.length;
        start = i;
        atStatementStart = true;
        continue;
      }
      start = i;
    }
    if (text.startsWith(delimiter, i)) {
      flush(i);
      i += delimiter.length;
      start = i;
      atStatementStart = true;
    } else if (c === '\\' && dialect === 'mysql' && (text[i + 1] === 'G' || text[i + 1] === 'g')) {
      flush(i);
      i += 2;
      start = i;
      atStatementStart = true;
    } else if (c === "'" || c === '"') i = skipQuoted(text, i, c, dialect === 'mysql');
    else if (c === '`') i = skipQuoted(text, i, '`', false);
    else if (c === '[' && dialect === 'sqlite') i = Math.max(i + 1, text.indexOf(']', i) + 1 || text.length);
    else if (
      (c === '-' && text[i + 1] === '-' && (dialect === 'sqlite' || /\s/.test(text[i + 2] ?? ' '))) ||
      (c === '#' && dialect === 'mysql')
    )
      i = lineEnd(text, i);
    else if (c === '/' && text[i + 1] === '*') {
      // MySQL runs `/*! … */` (and MariaDB `/*M! … */`); `/*+ … */` are optimizer hints.
      if (text[i + 2] === '!' || text[i + 2] === '+' || (text[i + 2] === 'M' && text[i + 3] === '!'))
        executable = true;
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else i++;
  }
  if (!atStatementStart) flush(text.length);
  return pieces;
}
