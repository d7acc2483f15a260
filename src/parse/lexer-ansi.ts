// Decodes the body of an ANSI-C quoted string `$'…'` the way bash does.

const simpleEscapes: Record<string, string> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Reads up to `max` digits of base 8 or 16 starting at `i`; returns [value, digits read]. */
function readNumber(body: string, i: number, max: number, base: 8 | 16): [number, number] {
  let value = 0;
  let n = 0;
  while (n < max && i + n < body.length) {
    const d = hexValue(body.charCodeAt(i + n));
    if (d < 0 || d >= base) break;
    value = value * base + d;
    n++;
  }
  return [value, n];
}

function codePoint(value: number): string {
  return value <= 0x10ffff ? String.fromCodePoint(value) : '\ufffd';
}

/** `body` is the text between the quotes. A decoded NUL ends the string, as in bash. */
export function decodeAnsiC(body: string): string {
  if (body.indexOf('\\') < 0) return body;
  let out = '';
  let chunk = 0;
  let i = 0;
  while (i < body.length) {
    if (body.charCodeAt(i) !== 92 || i + 1 >= body.length) {
      i++;
      continue;
    }
    out += body.slice(chunk, i);
    const e = body[i + 1] as string;
    let decoded: string;
    let used = 2;
    const simple = simpleEscapes[e];
    if (simple !== undefined) {
      decoded = simple;
    } else if (e >= '0' && e <= '7') {
      const [v, n] = readNumber(body, i + 1, 3, 8);
      decoded = String.fromCharCode(v & 0xff);
      used = 1 + n;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const [v, n] = readNumber(body, i + 2, e === 'x' ? 2 : e === 'u' ? 4 : 8, 16);
      decoded = n === 0 ? `\\${e}` : e === 'x' ? String.fromCharCode(v) : codePoint(v);
      used = 2 + n;
    } else if (e === 'c' && i + 2 < body.length) {
      const target = body.charCodeAt(i + 2);
      decoded = target === 63 ? '\x7f' : String.fromCharCode(target & 0x1f);
      used = target === 92 && body.charCodeAt(i + 3) === 92 ? 4 : 3;
    } else {
      decoded = `\\${e}`;
    }
    const nul = decoded.indexOf('\0');
    if (nul >= 0) return out + decoded.slice(0, nul);
    out += decoded;
    i += used;
    chunk = i;
  }
  out += body.slice(chunk);
  const nul = out.indexOf('\0');
  return nul >= 0 ? out.slice(0, nul) : out;
}
