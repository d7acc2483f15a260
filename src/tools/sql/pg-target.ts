// Which PostgreSQL server and database a psql/pg_* command reaches, in libpq's order:
// a conninfo/URI dbname, then flags, then PG* variables, then the pg_service.conf entry.

import { join } from 'node:path';
import type { ShellEnv } from '../../parse/command.js';
import type { EnvHint, RecognizeContext } from '../invocation.js';
import { type Conninfo, parseConninfo, parseServiceFile } from './pg-conn.js';
import { readSettingsFile } from './read-script.js';
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
  /** Why the host is not known (a service missing from pg_service.conf, `PGHOST=$(…)`). */
  dynamic?: string;
  /** Why the database name is not known (`PGDATABASE=$(…)`). */
  dynamicName?: string;
}

function serviceEntry(name: string, env: ShellEnv, ctx: RecognizeContext): Conninfo | undefined {
  const home = env.HOME || ctx.home;
  const files = [
    env.PGSERVICEFILE,
    home === undefined ? undefined : join(home, '.pg_service.conf'),
    env.PGSYSCONFDIR === undefined ? undefined : join(env.PGSYSCONFDIR, 'pg_service.conf'),
  ];
  for (const file of files) {
    if (file === undefined) continue;
    const text = readSettingsFile(ctx.fs, file, 1024 * 1024);
    const entry = text === undefined ? undefined : parseServiceFile(text).get(name);
    if (entry !== undefined) return entry;
  }
  return undefined;
}

/**
 * Resolves the target from flags (a dbname may be a URI or key=value string) and the
 * environment the command runs with, prefix assignments included (`PGHOST=… psql`).
 */
export function resolvePgTarget(flags: PgFlags, ctx: RecognizeContext, env: ShellEnv = ctx.env): PgTarget {
  const target: PgTarget = {};
  const set = (key: keyof PgFlags, value: string | undefined, source: string): void => {
    if (value === undefined || value === '' || target[key] !== undefined) return;
    // A host only known at run time stays unknown; a service file cannot stand in for it.
    if (key === 'host' && target.dynamic !== undefined) return;
    target[key] = { value, source };
  };
  // `PGHOST=$(pick-db) psql` is set, to a value only known at run time: not the default.
  const fromEnv = (key: keyof PgFlags, name: string): void => {
    if (target[key] !== undefined || !Object.hasOwn(env, name)) return;
    const value = env[name];
    if (value !== undefined) set(key, value, name);
    else if (key === 'host') target.dynamic ??= `${name} is assigned at run time`;
    else if (key === 'dbname') target.dynamicName ??= `${name} is assigned at run time`;
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
  fromEnv('host', 'PGHOST');
  fromEnv('host', 'PGHOSTADDR');
  fromEnv('port', 'PGPORT');
  fromEnv('dbname', 'PGDATABASE');
  fromEnv('user', 'PGUSER');
  const dynamicService =
    info?.service === undefined && Object.hasOwn(env, 'PGSERVICE') && env.PGSERVICE === undefined;
  if (dynamicService) target.dynamic ??= 'PGSERVICE is assigned at run time';
  const service = info?.service ?? (env.PGSERVICE || undefined);
  if (service !== undefined) {
    const entry = serviceEntry(service, env, ctx);
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
  else if (target.dynamicName !== undefined) hints.push({ kind: 'db-name', source: target.dynamicName });
  return hints;
}
