// Removes secrets (passwords, tokens, keys) from argv, lines and JSON before they are stored.

export const MASK = '***';

const MYSQL_FAMILY = new Set([
  'mysql',
  'mariadb',
  'mysqldump',
  'mysqladmin',
  'mysqlimport',
  'mysqlshow',
  'mysqlcheck',
]);

/** Environment-style names whose value is a secret. `PWD`/`OLDPWD` are directories, not passwords. */
export function isSecretName(name: string): boolean {
  const upper = name.toUpperCase();
  if (upper === 'PWD' || upper === 'OLDPWD') return false;
  return /PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL|_PWD$|^PGPASS/.test(upper);
}

const SECRET_FLAG_WORDS = ['password', 'passwd', 'token', 'secret', 'api-key', 'apikey', 'access-key'];

/** `--password`, `--token`, `--client-secret`, `--github-token`…; `--no-password` takes no value. */
function isSecretFlag(flag: string): boolean {
  let start = 0;
  while (flag[start] === '-') start++;
  const name = flag.slice(start).toLowerCase();
  if (name.startsWith('no-')) return false;
  for (const word of SECRET_FLAG_WORDS) if (name === word || name.endsWith(`-${word}`)) return true;
  return false;
}

/** The word without one surrounding quote at either end (string tests, no pattern to compile). */
function stripQuotes(token: string): string {
  const from = token[0] === "'" || token[0] === '"' ? 1 : 0;
  const last = token[token.length - 1];
  const to = token.length > from && (last === "'" || last === '"') ? token.length - 1 : token.length;
  return token.slice(from, to);
}

// Tokens shaped like well-known credentials; the prefix is kept so the reader knows what it was.
const TOKEN_SHAPES: readonly [RegExp, string][] = [
  [/\b(gh[pousr]_)[A-Za-z0-9]{20,}/g, '$1'],
  [/\b(github_pat_)[A-Za-z0-9_]{20,}/g, '$1'],
  [/\b(glpat-)[A-Za-z0-9_-]{20,}/g, '$1'],
  [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/g, '$1'],
  [/\b(xox[abposr]-)[A-Za-z0-9-]{8,}/g, '$1'],
  [/\b(sk-(?:proj-|ant-)?)[A-Za-z0-9_-]{20,}/g, '$1'],
];

// scheme://user:password@host: keep the user, drop the password (RFC 3986 userinfo has no / ? #).
const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@'"]*):([^\s/?#@'"]+)@/gi;
// NAME=value inside a word: `PGPASSWORD=x`, `--env=AWS_SECRET_ACCESS_KEY=x`, `?token=x&`, conninfo `password=x`.
const ASSIGNMENT = /(?<![\w-])([A-Za-z_][A-Za-z0-9_]*)=('[^']*'|"[^"]*"|[^\s'",;&]*)/g;
const AUTH_SCHEME = /\b([Bb]earer|Basic)(\s+)[^\s'"]+/g;

/**
 * Whether a token could hold any of the shapes below, by plain substring tests: most words of
 * a command (`git`, `status`, a path) cannot, and skip the patterns (compiling those regular
 * expressions is most of what redaction costs in a short-lived process).
 */
function mayHoldSecret(token: string): boolean {
  return (
    token.includes('=') ||
    token.includes('@') ||
    token.includes('_') ||
    token.includes('glpat-') ||
    token.includes('xox') ||
    token.includes('sk-') ||
    token.includes('AKIA') ||
    token.includes('ASIA') ||
    token.includes('earer') ||
    token.includes('asic')
  );
}

function redactWithin(token: string): string {
  if (!mayHoldSecret(token)) return token;
  let out = token.replace(URL_PASSWORD, `$1:${MASK}@`);
  out = out.replace(ASSIGNMENT, (whole, name: string) => (isSecretName(name) ? `${name}=${MASK}` : whole));
  out = out.replace(AUTH_SCHEME, `$1$2${MASK}`);
  for (const [shape, keep] of TOKEN_SHAPES) out = out.replace(shape, `${keep}${MASK}`);
  return out;
}

function programName(token: string): string {
  const bare = stripQuotes(token);
  return bare.slice(bare.lastIndexOf('/') + 1);
}

/** Whether the word after `token` is a secret value. */
function secretFollows(token: string): boolean {
  const lower = token.toLowerCase();
  if (!lower.includes('--') && !lower.includes('earer') && !lower.includes('asic') && !lower.includes('aws_'))
    return false;
  const bare = stripQuotes(token);
  if (bare.startsWith('--') && isSecretFlag(bare)) return true;
  // `-H 'Authorization: Bearer x'` split by a shell-less caller; `aws configure set aws_secret_access_key x`.
  const word = bare.toLowerCase();
  return (
    word === 'bearer' || word === 'basic' || word === 'aws_secret_access_key' || word === 'aws_session_token'
  );
}

/** Redacts argv. Words are rewritten, never merged. */
export function redactWords(words: readonly string[]): string[] {
  return redactSplit(words, true);
}

/** `isArgv`: each word is one argument (no quotes, no `;` glued on), as opposed to a split line. */
function redactSplit(words: readonly string[], isArgv: boolean): string[] {
  const mysql = words.some((w) => MYSQL_FAMILY.has(programName(w)));
  const out: string[] = [];
  let maskNext = false;
  for (const word of words) {
    if (maskNext && !word.startsWith('-')) {
      out.push(MASK);
      maskNext = false;
      continue;
    }
    maskNext = false;
    // An argument `NAME=value`: the value is everything after `=`, spaces included.
    const hasEquals = word.includes('=');
    const assignment = isArgv && hasEquals ? /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(word) : null;
    if (assignment?.[1] && isSecretName(assignment[1])) {
      out.push(`${assignment[1]}=${MASK}`);
      continue;
    }
    const flag = hasEquals ? /^(--?[A-Za-z0-9][A-Za-z0-9-]*)=/.exec(word) : null;
    if (flag?.[1] && isSecretFlag(flag[1])) {
      out.push(`${flag[1]}=${MASK}`);
      continue;
    }
    // mysql takes its password glued to -p (`-psecret`); a bare `-p` prompts instead.
    if (mysql && /^-p./.test(word)) {
      out.push(`-p${MASK}`);
      continue;
    }
    maskNext = secretFollows(word);
    out.push(redactWithin(word));
  }
  return out;
}

/** What `\s` matches in a regular expression, without running one per character. */
function isSpace(code: number): boolean {
  return (
    (code >= 9 && code <= 13) ||
    code === 32 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Splits text into words (quotes kept, whitespace between quotes kept inside the word) and gaps. */
function splitWords(text: string): { words: string[]; gaps: string[] } {
  const words: string[] = [];
  const gaps: string[] = [];
  let i = 0;
  let gapStart = 0;
  while (i < text.length) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    gaps.push(text.slice(gapStart, i));
    if (i >= text.length) break;
    const start = i;
    let quote = '';
    while (i < text.length) {
      const c = text[i] as string;
      if (quote) {
        if (c === quote) quote = '';
        else if (c === '\\' && quote === '"') i++;
      } else if (c === "'" || c === '"') quote = c;
      else if (c === '\\') i++;
      else if (isSpace(c.charCodeAt(0))) break;
      i++;
    }
    words.push(text.slice(start, Math.min(i, text.length)));
    gapStart = i;
  }
  if (gaps.length === words.length) gaps.push('');
  return { words, gaps };
}

/** Redacts free text (a command line, a note), keeping its spacing. */
export function redact(text: string): string {
  const { words, gaps } = splitWords(text);
  const redacted = redactSplit(words, false);
  let out = gaps[0] ?? '';
  for (let i = 0; i < redacted.length; i++) out += (redacted[i] as string) + (gaps[i + 1] ?? '');
  return out;
}

/** Redacts every string in a JSON value; values under secret-looking keys are masked whole. */
export function redactJson(value: unknown): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map(redactJson);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = typeof inner === 'string' && isSecretName(key) ? MASK : redactJson(inner);
    }
    return out;
  }
  return value;
}
