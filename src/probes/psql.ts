// The psql measurements: rows a DELETE/UPDATE would touch, and the rows and size of tables
// a DROP TABLE or TRUNCATE would remove, asked of the server the command connects to.

import { statementOf } from '../tools/sql/sql-invocations.js';
import { connectionArgs } from './psql-connection.js';
import { measureRows, noUndo } from './psql-rows.js';
import { measureTables } from './psql-tables.js';
import { registerProbe } from './registry.js';
import type { Probe } from './types.js';

const tableKinds = new Set(['drop-table', 'truncate']);

const measurePsql: Probe['measure'] = async (subject, ctx) => {
  const statement = statementOf(subject.invocation);
  if (statement === undefined)
    return {
      status: 'unknown',
      summary: 'rows unknown',
      recoverability: 'unknown',
      reason: 'no SQL statement to measure',
    };
  const connection = connectionArgs(subject.invocation, statement.connection);
  if (statement.connection?.dynamic !== undefined)
    return {
      status: 'unknown',
      summary: 'rows unknown',
      recoverability: 'not recoverable',
      recovery: noUndo,
      reason: statement.connection.dynamic,
    };
  if (statement.kind === 'delete' || statement.kind === 'update')
    return measureRows(statement, connection, ctx);
  if (tableKinds.has(statement.kind)) return measureTables(statement, connection, ctx);
  return {
    status: 'unknown',
    summary: 'not measured',
    recoverability: 'not recoverable',
    recovery: noUndo,
    reason: `${statement.kind} statements are not measured`,
  };
};

for (const name of ['psql-count', 'psql-tables', 'psql-rows']) registerProbe({ name, measure: measurePsql });
