// Which PostgreSQL server and database a psql/pg_* command reaches, in libpq's order:
// a conninfo/URI dbname, then flags, then PG* variables, then the pg_service.conf entry.

import { join } from 'node:path';
import type { EnvHint, RecognizeContext } from '../invocation.js';
import { type Conninfo, parseConninfo, parseServiceFile } from './pg-conn.js';
import type { SqlConnection } from './types.js';

export interface PgFlags {
  host?: string;
  port?: string;
  dbname?: string;
  user?: string;
}

interface Sourced {
  value: string;
  source: string;
}

export interface PgTarget {
  host?: Sourced;
  port?: Sourced;
  dbname?: Sourced;
  user?: Sourced;
  /** Why part of the target is not known (a dynamic flag value). */
  dynamic?: string;
}

function serviceEntry(name: string, ctx: RecognizeContext): Conninfo | undefined {
  const home = ctx.home ?? ctx.env.HOME;
  const files = [
    ctx.env.PGSERVICEFILE,
    home === undefined ? undefined : join(home, '.pg_service.conf'),
    ctx.env.PGSYSCONFDIR === undefined ? undefined : join(ctx.env.PGSYSCONFDIR, 'pg_service.conf'),
  ];
  for (const file of files) {
    if (file === undefined) continue;
    const text = ctx.fs.readText(file, 1024 * 1024);
    const entry = text === undefined ? undefined : parseServiceFile(text).get(name);
    if (entry !== undefined) return entry;
  }
  return undefined;
}

/** Resolves the target from flags (a dbname may be a URI or key=value string) and env. */
export function resolvePgTarget(flags: PgFlags, ctx: RecognizeContext): PgTarget {
  const target: PgTarget = {};
  const set = (key: keyof PgFlags, value: string | undefined, source: string): void => {
    if (value !== undefined && value !== '' && target[key] === undefined) target[key] = { value, source };
  };
  const info = flags.dbname === undefined ? undefined : parseConninfo(flags.dbname);
  if (info !== undefined) {
    const source = flags.dbname?.includes('://') ? 'connection URI' : 'connection string';
    set('host', info.host ?? info.hostaddr, source);
    set('port', info.port, source);
    set('dbname', info.dbname, source);
    set('user', info.user, source);
  } else set('dbname', flags.dbname, '-d flag or argument');
  set('host', flags.host, '-h flag');
  set('port', flags.port, '-p flag');
  set('user', flags.user, '-U flag');
  set('host', ctx.env.PGHOST ?? ctx.env.PGHOSTADDR, 'PGHOST');
  set('port', ctx.env.PGPORT, 'PGPORT');
  set('dbname', ctx.env.PGDATABASE, 'PGDATABASE');
  set('user', ctx.env.PGUSER, 'PGUSER');
  const service = info?.service ?? ctx.env.PGSERVICE;
  if (service !== undefined) {
    const entry = serviceEntry(service, ctx);
    if (entry === undefined) target.dynamic = `service ${service} is not in a readable pg_service.conf`;
    else {
      set('host', entry.host ?? entry.hostaddr, `pg_service.conf [${service}]`);
      set('port', entry.port, `pg_service.conf [${service}]`);
      set('dbname', entry.dbname, `pg_service.conf [${service}]`);
      set('user', entry.user, `pg_service.conf [${service}]`);
    }
  }
  return target;
}

/** A host as the environment patterns see it: a socket directory reads as `unix-socket:…`. */
function hostValue(host: string): string {
  return host
    .split(',')
    .map((h) => (h.startsWith('/') || h.startsWith('@') ? `unix-socket:${h}` : h))
    .join(',');
}

/** Environment hints for the target, with a `\c`/`use` switch applied when there was one. */
export function pgEnvHints(
  target: PgTarget,
  connection?: SqlConnection,
  defaultHost = 'unix-socket',
): EnvHint[] {
  const hints: EnvHint[] = [];
  if (connection?.dynamic !== undefined)
    return [{ kind: 'db-host', source: `\\connect: ${connection.dynamic}` }];
  const host =
    connection?.host !== undefined
      ? { value: connection.host, source: '\\connect in the script' }
      : target.host;
  const dbname =
    connection?.dbname !== undefined
      ? { value: connection.dbname, source: '\\connect in the script' }
      : target.dbname;
  if (target.dynamic !== undefined && host === undefined)
    hints.push({ kind: 'db-host', source: target.dynamic });
  else
    hints.push(
      host === undefined
        ? { kind: 'db-host', value: defaultHost, source: 'no host given: the local socket' }
        : { kind: 'db-host', value: hostValue(host.value), source: host.source },
    );
  if (dbname !== undefined) hints.push({ kind: 'db-name', value: dbname.value, source: dbname.source });
  return hints;
}
