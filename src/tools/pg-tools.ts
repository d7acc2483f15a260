// PostgreSQL's command-line tools besides psql: pg_dump/pg_dumpall read, pg_restore
// writes (and with --clean drops first), createdb/createuser write, dropdb/dropuser destroy.

import { once } from '../once.js';
import type { SimpleCommand } from '../parse/command.js';
import { type ArgvSpec, hasFlag, lastFlag, parseArgv } from './argv.js';
import type { Recognition, RecognizeContext, Recognizer, Target } from './invocation.js';
import { argsOf, makeInvocation } from './make-invocation.js';
import { pgEnvHints, resolvePgTarget } from './sql/pg-target.js';

const req = { value: 'required' } as const;

const connection = {
  host: { short: 'h', ...req },
  port: { short: 'p', ...req },
  username: { short: 'U', ...req },
  'no-password': { short: 'w' },
  password: { short: 'W' },
  help: { short: '?' },
  version: { short: 'V' },
  verbose: { short: 'v' },
  role: { ...req },
  maintenance_db: { aliases: ['maintenance-db'], ...req },
  echo: { short: 'e' },
  interactive: { short: 'i' },
};

const dumpOptions = once(() => ({
  ...connection,
  dbname: { short: 'd', ...req },
  file: { short: 'f', ...req },
  format: { short: 'F', ...req },
  jobs: { short: 'j', ...req },
  schema: { short: 'n', ...req },
  'exclude-schema': { short: 'N', ...req },
  table: { short: 't', ...req },
  'exclude-table': { short: 'T', ...req },
  'data-only': { short: 'a' },
  'schema-only': { short: 's' },
  clean: { short: 'c' },
  create: { short: 'C' },
  'if-exists': {},
  'no-owner': { short: 'O' },
  'no-privileges': { short: 'x', aliases: ['no-acl'] },
  compress: { short: 'Z', ...req },
  encoding: { short: 'E', ...req },
  'single-transaction': { short: '1' },
  'exit-on-error': { short: 'e' },
  list: { short: 'l' },
  'use-list': { short: 'L', ...req },
  superuser: { short: 'S', ...req },
  'globals-only': { short: 'g' },
  'roles-only': { short: 'r' },
  'tablespaces-only': {},
  'no-tablespaces': {},
  inserts: {},
  'column-inserts': {},
  blobs: { short: 'b' },
  'no-blobs': { short: 'B' },
  section: { ...req },
  'lock-wait-timeout': { ...req },
}));

const specs = once(
  (): Record<string, ArgvSpec> => ({
    pg_dump: { options: dumpOptions() },
    pg_dumpall: { options: dumpOptions() },
    pg_restore: { options: dumpOptions() },
    dropdb: { options: { ...connection, 'if-exists': {}, force: { short: 'f' } } },
    createdb: {
      options: {
        ...connection,
        owner: { short: 'O', ...req },
        template: { short: 'T', ...req },
        encoding: { short: 'E', ...req },
        locale: { short: 'l', ...req },
        tablespace: { short: 'D', ...req },
      },
    },
    dropuser: { options: { ...connection, 'if-exists': {} } },
    createuser: {
      options: {
        ...connection,
        superuser: { short: 's' },
        createdb: { short: 'd' },
        createrole: { short: 'r' },
        login: { short: 'l' },
        'no-login': { short: 'L' },
        pwprompt: { short: 'P' },
      },
    },
  }),
);

function verbOf(program: string, flags: Record<string, string[]>): string[] {
  if (program === 'pg_restore') {
    // Without -d, pg_restore only prints the script.
    if (lastFlag(flags, 'dbname') === undefined) return ['restore', 'to-script'];
    return hasFlag(flags, 'clean') ? ['restore', 'clean'] : ['restore'];
  }
  return [program.replace(/^pg_/, '')];
}

function recognizePgTool(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  const program = command.program ?? 'pg_dump';
  const parsed = parseArgv(argsOf(command), specs()[program] ?? { options: dumpOptions() });
  const flags = parsed.flags;
  const [first, second] = parsed.positionals;
  // dropdb/createdb NAME: the named database; the connection goes to the maintenance db.
  const objectIsDb = program === 'dropdb' || program === 'createdb';
  const objectIsRole = program === 'dropuser' || program === 'createuser';
  const dbname =
    objectIsDb || objectIsRole
      ? (lastFlag(flags, 'maintenance_db') ?? (objectIsDb ? first : undefined))
      : (lastFlag(flags, 'dbname') ?? (program === 'pg_restore' ? undefined : first));
  const host = lastFlag(flags, 'host');
  const port = lastFlag(flags, 'port');
  const user = lastFlag(flags, 'username');
  const target = resolvePgTarget(
    {
      ...(host === undefined ? {} : { host }),
      ...(port === undefined ? {} : { port }),
      ...(dbname === undefined ? {} : { dbname }),
      ...(user === undefined ? {} : { user }),
    },
    ctx,
    command.env,
  );
  const targets: Target[] = [];
  if (objectIsDb && first !== undefined) targets.push({ kind: 'database', value: first });
  if (objectIsRole && first !== undefined) targets.push({ kind: 'other', value: first });
  if (program === 'pg_restore' && first !== undefined) targets.push({ kind: 'path', value: first });
  const named = lastFlag(flags, 'dbname');
  if (!objectIsDb && !objectIsRole && named !== undefined)
    targets.push({ kind: 'database', value: target.dbname?.value ?? named });
  const unknowns = parsed.unknownOptions.map((o) => `unrecognized or dynamic option ${o}`);
  if (objectIsDb && first === undefined) unknowns.push(`${program} without a database name`);
  const facts = {
    'pg.clean': hasFlag(flags, 'clean'),
    'pg.if-exists': hasFlag(flags, 'if-exists'),
    'pg.force': program === 'dropdb' && hasFlag(flags, 'force'),
    'pg.extra-argument': second !== undefined,
  };
  return {
    invocations: [
      makeInvocation(command, {
        tool: program,
        parsed,
        subcommand: verbOf(program, flags),
        targets,
        envHints: pgEnvHints(target),
        facts,
        unknowns,
      }),
    ],
  };
}

export const pgToolsRecognizer: Recognizer = {
  programs: ['pg_dump', 'pg_dumpall', 'pg_restore', 'dropdb', 'createdb', 'dropuser', 'createuser'],
  recognize: recognizePgTool,
};
