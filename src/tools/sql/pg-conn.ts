// PostgreSQL connection strings: `postgres://user@host:port/db?…` URIs and
// `host=… dbname=…` key/value strings, as libpq reads them.

export type Conninfo = Record<string, string>;

export function isConnectionUri(text: string): boolean {
  return text.startsWith('postgresql://') || text.startsWith('postgres://');
}

export function looksLikeConninfo(text: string): boolean {
  return isConnectionUri(text) || /^\s*[A-Za-z_]+\s*=/.test(text);
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Parses a URI: `postgres://user:pw@host1:5432,host2/db?sslmode=require&host=/tmp`. */
export function parseConnectionUri(uri: string): Conninfo {
  const out: Conninfo = {};
  const rest = uri.replace(/^postgres(ql)?:\/\//, '');
  const queryAt = rest.indexOf('?');
  const main = queryAt < 0 ? rest : rest.slice(0, queryAt);
  const slash = main.indexOf('/');
  const authority = slash < 0 ? main : main.slice(0, slash);
  if (slash >= 0 && main.length > slash + 1) out.dbname = decode(main.slice(slash + 1));
  const at = authority.lastIndexOf('@');
  const hostPart = at < 0 ? authority : authority.slice(at + 1);
  if (at >= 0) {
    const userInfo = authority.slice(0, at);
    const colon = userInfo.indexOf(':');
    out.user = decode(colon < 0 ? userInfo : userInfo.slice(0, colon));
  }
  if (hostPart !== '') {
    const hosts: string[] = [];
    const ports: string[] = [];
    for (const h of hostPart.split(',')) {
      const m = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(h);
      hosts.push(decode((m?.[1] ?? h).replace(/^\[|\]$/g, '')));
      if (m?.[2]) ports.push(m[2]);
    }
    if (hosts.some((h) => h !== '')) out.host = hosts.join(',');
    if (ports.length > 0) out.port = ports.join(',');
  }
  if (queryAt >= 0) {
    for (const pair of rest.slice(queryAt + 1).split('&')) {
      const eq = pair.indexOf('=');
      if (eq > 0) out[decode(pair.slice(0, eq))] = decode(pair.slice(eq + 1));
    }
  }
  return out;
}

/** Parses `key=value key2='quoted value'`; undefined when malformed. */
export function parseKeyValueConninfo(text: string): Conninfo | undefined {
  const out: Conninfo = {};
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && /\s/.test(text[i] as string)) i++;
    if (i >= n) break;
    const keyStart = i;
    while (i < n && /[A-Za-z0-9_]/.test(text[i] as string)) i++;
    const key = text.slice(keyStart, i);
    while (i < n && /\s/.test(text[i] as string)) i++;
    if (key === '' || text[i] !== '=') return undefined;
    i++;
    while (i < n && /\s/.test(text[i] as string)) i++;
    let value = '';
    if (text[i] === "'") {
      i++;
      while (i < n && text[i] !== "'") {
        if (text[i] === '\\') i++;
        value += text[i] ?? '';
        i++;
      }
      if (text[i] !== "'") return undefined;
      i++;
    } else {
      while (i < n && !/\s/.test(text[i] as string)) {
        if (text[i] === '\\') i++;
        value += text[i] ?? '';
        i++;
      }
    }
    out[key] = value;
  }
  return out;
}

/** Either form; undefined when the text is neither. */
export function parseConninfo(text: string): Conninfo | undefined {
  if (isConnectionUri(text)) return parseConnectionUri(text);
  return looksLikeConninfo(text) ? parseKeyValueConninfo(text) : undefined;
}

/** `[service]` sections of a pg_service.conf file. */
export function parseServiceFile(text: string): Map<string, Conninfo> {
  const services = new Map<string, Conninfo>();
  let current: Conninfo | undefined;
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      current = {};
      services.set(section[1] as string, current);
      continue;
    }
    const eq = line.indexOf('=');
    if (current !== undefined && eq > 0) current[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return services;
}
