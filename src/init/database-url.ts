// Database connection settings in .env-style text: the variable, scheme, host and database
// name of each URL, and PGHOST/PGDATABASE-style pairs. Passwords are never kept: the parser
// drops everything before the `@` of a URL without copying it anywhere.

import type { DatabaseUrl, Source } from './detect-types.js';

const databaseSchemes: ReadonlySet<string> = new Set([
  'postgres',
  'postgresql',
  'mysql',
  'mysql2',
  'mariadb',
  'mongodb',
  'mongodb+srv',
  'redis',
  'rediss',
  'sqlserver',
  'mssql',
  'cockroachdb',
  'clickhouse',
  'oracle',
  'amqp',
  'amqps',
]);

/** `KEY=value`, `export KEY=value`, with optional quotes; undefined for anything else. */
export function parseEnvLine(line: string): { key: string; value: string } | undefined {
  const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*)$/.exec(line);
  if (!match) return undefined;
  let value = match[2]!.trim();
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.length > 1) {
    const end = value.indexOf(quote, 1);
    value = end === -1 ? value.slice(1) : value.slice(1, end);
  } else {
    const comment = value.indexOf(' #');
    if (comment !== -1) value = value.slice(0, comment).trim();
  }
  return { key: match[1]!, value };
}

/** Scheme, host and database of a database URL; the user info is skipped, never read out. */
export function describeDatabaseUrl(
  value: string,
): { scheme: string; host?: string; database?: string } | undefined {
  const schemeEnd = value.indexOf('://');
  if (schemeEnd <= 0) return undefined;
  const rawScheme = value.slice(0, schemeEnd).toLowerCase();
  // postgresql+asyncpg:// is SQLAlchemy's driver suffix; mongodb+srv is a scheme of its own.
  const scheme = rawScheme === 'mongodb+srv' ? rawScheme : rawScheme.replace(/\+.*$/, '');
  if (!databaseSchemes.has(scheme)) return undefined;
  let rest = value.slice(schemeEnd + 3);
  const pathStart = rest.search(/[/?#]/);
  const authority = pathStart === -1 ? rest : rest.slice(0, pathStart);
  rest = pathStart === -1 ? '' : rest.slice(pathStart);
  const at = authority.lastIndexOf('@');
  const hostPart = at === -1 ? authority : authority.slice(at + 1);
  let host: string | undefined;
  if (hostPart.startsWith('[')) host = hostPart.slice(1, hostPart.indexOf(']'));
  else host = hostPart.split(',')[0]!.split(':')[0];
  let database: string | undefined;
  if (rest.startsWith('/')) {
    database = rest.slice(1).split(/[?#/]/)[0];
    if (database !== undefined) database = decodeSafely(database);
  }
  return {
    scheme,
    ...(host ? { host: host.toLowerCase() } : {}),
    ...(database ? { database } : {}),
  };
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const hostKeys = /^(?:PGHOST|MYSQL_HOST|DB_HOST|DATABASE_HOST|POSTGRES_HOST)$/;
const nameKeys = /^(?:PGDATABASE|MYSQL_DATABASE|DB_NAME|DB_DATABASE|DATABASE_NAME|POSTGRES_DB)$/;

/** Every database named in one .env-style file. `source` gives the file and its context. */
export function databaseUrlsIn(text: string, source: (line: number) => Source): DatabaseUrl[] {
  const out: DatabaseUrl[] = [];
  let pairHost: { value: string; line: number; key: string } | undefined;
  let pairName: string | undefined;
  for (const [index, line] of text.split('\n').entries()) {
    const entry = parseEnvLine(line);
    if (entry === undefined || entry.value === '' || entry.value.includes('${')) continue;
    const url = describeDatabaseUrl(entry.value);
    if (url !== undefined) {
      out.push({ variable: entry.key, ...url, source: source(index + 1) });
      continue;
    }
    if (hostKeys.test(entry.key))
      pairHost = { value: entry.value.toLowerCase(), line: index + 1, key: entry.key };
    if (nameKeys.test(entry.key)) pairName = entry.value;
  }
  if (pairHost !== undefined) {
    out.push({
      variable: pairHost.key,
      scheme: pairHost.key.startsWith('MYSQL') ? 'mysql' : 'postgres',
      host: pairHost.value,
      ...(pairName ? { database: pairName } : {}),
      source: source(pairHost.line),
    });
  }
  return out;
}
