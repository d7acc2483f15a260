// Splits a command line into styled pieces for the prompt (program, flag, target, operator):
// a display aid only, one linear pass; the real parsing happened in src/parse long before.

export type TokenKind = 'program' | 'assignment' | 'flag' | 'target' | 'operator' | 'space';

export interface CommandToken {
  kind: TokenKind;
  text: string;
}

const operatorChars = new Set(['|', '&', ';', '(', ')']);
const spaceChars = new Set([' ', '\t', '\n']);

/** The end of the word starting at `start`: quotes and backslashes keep their contents inside. */
function wordEnd(line: string, start: number): number {
  let i = start;
  let quote: string | undefined;
  while (i < line.length) {
    const c = line[i]!;
    if (quote !== undefined) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '\\') {
      i++;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (spaceChars.has(c) || operatorChars.has(c)) {
      break;
    }
    i++;
  }
  return Math.min(i, line.length);
}

function isAssignment(word: string): boolean {
  const eq = word.indexOf('=');
  return eq > 0 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(word.slice(0, eq));
}

export function tokenizeCommand(line: string): CommandToken[] {
  const tokens: CommandToken[] = [];
  let expectProgram = true;
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (spaceChars.has(c)) {
      let j = i;
      while (j < line.length && spaceChars.has(line[j]!)) j++;
      tokens.push({ kind: 'space', text: line.slice(i, j) });
      i = j;
    } else if (operatorChars.has(c)) {
      let j = i;
      while (j < line.length && operatorChars.has(line[j]!)) j++;
      tokens.push({ kind: 'operator', text: line.slice(i, j) });
      expectProgram = true;
      i = j;
    } else {
      const end = wordEnd(line, i);
      const text = line.slice(i, end);
      let kind: TokenKind;
      if (expectProgram && isAssignment(text)) kind = 'assignment';
      else if (expectProgram) {
        kind = 'program';
        expectProgram = false;
      } else kind = text.startsWith('-') && text.length > 1 ? 'flag' : 'target';
      tokens.push({ kind, text });
      i = end;
    }
  }
  return tokens;
}
