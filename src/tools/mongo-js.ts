// A careful scan of mongosh JavaScript for the method calls that matter: each `.name(` call
// with its first argument's text. Strings and comments are skipped so `print("x.drop()")`
// is data. Limits: no evaluation (an always-true filter such as `{_id: {$exists: true}}` is
// not seen as empty, a filter held in a variable is not seen at all), and computed calls
// (`db[c]["drop"]()`), eval, load() and Function() make the script unknown.

export interface JsCall {
  name: string;
  /** Text of the first argument, trimmed ('' when called without arguments). */
  firstArg: string;
  /** Text of every argument, for `$out` and second-argument checks. */
  args: string;
}

export type JsScan = { ok: true; calls: JsCall[] } | { ok: false; reason: string };

const isIdentStart = (c: string) => /[A-Za-z_$]/.test(c);
const isIdent = (c: string) => /[A-Za-z0-9_$]/.test(c);

/** Index just past a string literal starting at `i`, or -1 when it does not end. */
function skipString(text: string, i: number): number {
  const quote = text[i];
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === quote) return j + 1;
  }
  return -1;
}

/** Index just past a comment starting at `i`, or i when there is none. */
function skipComment(text: string, i: number): number {
  if (text[i] !== '/') return i;
  if (text[i + 1] === '/') {
    const end = text.indexOf('\n', i);
    return end === -1 ? text.length : end;
  }
  if (text[i + 1] === '*') {
    const end = text.indexOf('*/', i + 2);
    return end === -1 ? -1 : end + 2;
  }
  return i;
}

/** The index of the `)` that closes the `(` at `open`, or -1. */
function closeParen(text: string, open: number): { close: number; firstComma: number } {
  let depth = 0;
  let firstComma = -1;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'" || c === '`') {
      const end = skipString(text, i);
      if (end === -1) return { close: -1, firstComma };
      i = end - 1;
      continue;
    }
    const after = skipComment(text, i);
    if (after === -1) return { close: -1, firstComma };
    if (after !== i) {
      i = after - 1;
      continue;
    }
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') {
      depth--;
      if (depth === 0) return { close: i, firstComma };
    } else if (c === ',' && depth === 1 && firstComma === -1) firstComma = i;
  }
  return { close: -1, firstComma };
}

const dynamicCallers = new Set(['eval', 'load', 'Function', 'require', 'import']);

export function scanMongoScript(text: string): JsScan {
  const calls: JsCall[] = [];
  let previous = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'" || c === '`') {
      const end = skipString(text, i);
      if (end === -1) return { ok: false, reason: 'a string is not closed' };
      if (c === '`' && text.slice(i, end).includes('${'))
        return { ok: false, reason: 'a template string builds code' };
      i = end - 1;
      previous = c;
      continue;
    }
    const after = skipComment(text, i);
    if (after === -1) return { ok: false, reason: 'a comment is not closed' };
    if (after !== i) {
      i = after - 1;
      continue;
    }
    if (c === '(' && previous === ']')
      return { ok: false, reason: 'a computed method call (x[name]()) is not known' };
    if (isIdentStart(c) && !isIdent(text[i - 1] ?? ' ')) {
      let end = i;
      while (end < text.length && isIdent(text[end]!)) end++;
      const name = text.slice(i, end);
      let open = end;
      while (text[open] === ' ' || text[open] === '\t' || text[open] === '\n') open++;
      const dotted = previous === '.';
      if (text[open] === '(' && (dotted || dynamicCallers.has(name))) {
        if (!dotted) return { ok: false, reason: `${name}() runs code that is not in the text` };
        const { close, firstComma } = closeParen(text, open);
        if (close === -1) return { ok: false, reason: `the call ${name}( is not closed` };
        const first = text.slice(open + 1, firstComma === -1 ? close : firstComma).trim();
        calls.push({ name, firstArg: first, args: text.slice(open + 1, close) });
      }
      i = end - 1;
      previous = 'a';
      continue;
    }
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') previous = c;
  }
  return { ok: true, calls };
}

/** `{}` or nothing: matches every document. */
export function isEmptyFilter(arg: string): boolean {
  return arg === '' || /^\{\s*\}$/.test(arg);
}
