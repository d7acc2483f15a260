// A real PostgreSQL server for tests: initdb into a temporary directory as an unprivileged
// user (the server refuses to run as root), a unix socket in that directory, a free port.

import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PgServer {
  /** The socket directory, usable as `-h`. */
  host: string;
  port: string;
  user: string;
  /** Environment that points psql at the server (PGHOST, PGPORT, PGUSER, PGDATABASE). */
  env: Record<string, string>;
  /** Runs SQL with psql and returns its unaligned, tuples-only output. */
  sql(text: string, dbname?: string): string;
  stop(): void;
}

/** The account the server runs as when the tests run as root. */
const serverUser = 'postgres';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function asServerUser(args: string[]): string[] {
  return process.getuid?.() === 0 ? ['runuser', '-u', serverUser, '--', ...args] : args;
}

function run(argv: string[]): void {
  const [program, ...rest] = argv;
  const result = spawnSync(program as string, rest, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${argv.join(' ')} failed: ${result.stderr || result.stdout}`);
}

export async function startPostgres(): Promise<PgServer> {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-pg-'));
  if (process.getuid?.() === 0) {
    const { uid, gid } = idsOf(serverUser);
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = String(await freePort());
  const user = 'airlock';
  run(
    asServerUser([
      'initdb',
      '-D',
      data,
      '-U',
      user,
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-sync',
      '--no-instructions',
    ]),
  );
  run(
    asServerUser([
      'pg_ctl',
      '-D',
      data,
      '-w',
      '-l',
      join(dir, 'server.log'),
      '-o',
      `-k ${dir} -p ${port} -c listen_addresses='' -c fsync=off`,
      'start',
    ]),
  );
  const env = { PGHOST: dir, PGPORT: port, PGUSER: user, PGDATABASE: 'postgres' };
  return {
    host: dir,
    port,
    user,
    env,
    sql(text, dbname = 'postgres') {
      return execFileSync(
        'psql',
        ['-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-h', dir, '-p', port, '-U', user, '-d', dbname],
        {
          input: text,
          encoding: 'utf8',
        },
      ).trim();
    },
    stop() {
      const [program, ...args] = asServerUser(['pg_ctl', '-D', data, '-m', 'immediate', 'stop']);
      spawnSync(program as string, args);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function idsOf(name: string): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
  return { uid, gid };
}
