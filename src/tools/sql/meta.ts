// psql meta-commands classified from a table: what each does to data, files and the
// connection, and which ones the script walker must act on (includes, \c, \set).

import type { PsqlPiece } from './psql-lexer.js';
import type { SqlEffect } from './types.js';

export type MetaPiece = Extract<PsqlPiece, { kind: 'meta' }>;

/** What the script walker must do beyond recording the command. */
export type MetaAction =
  | 'include'
  | 'include-relative'
  | 'connect'
  | 'set'
  | 'unset'
  | 'dynamic-variables'
  | 'copy'
  | 'terminate-buffer'
  | 'none';

export interface MetaClass {
  kind: string;
  effect: SqlEffect;
  action: MetaAction;
  reason?: string;
}

const READS = new Set([
  'l',
  'l+',
  'list',
  'x',
  'timing',
  'conninfo',
  '?',
  'h',
  'help',
  'echo',
  'qecho',
  'warn',
  'pset',
  'q',
  'quit',
  'a',
  'C',
  'f',
  'H',
  't',
  'T',
  'encoding',
  'errverbose',
  'p',
  'print',
  'r',
  'reset',
  'z',
  'sf',
  'sf+',
  'sv',
  'sv+',
  'if',
  'elif',
  'else',
  'endif',
  'bind',
  'bind_named',
  'parse',
  'close',
  'close_prepared',
  'crosstabview',
  'watch',
  'lo_list',
  'restrict',
  'unrestrict',
  'drds',
  'startpipeline',
  'endpipeline',
  'syncpipeline',
  'flushrequest',
  'flush',
  'getresults',
  'sendpipeline',
  'cd',
  'setenv',
  'gdesc',
]);

/** psql commands that run what follows them through a shell or an editor. */
const UNKNOWN: Record<string, string> = {
  '!': 'runs a shell command',
  gexec: 'executes the rows of a query result as SQL, which cannot be known in advance',
  e: 'opens an editor and runs what is saved',
  edit: 'opens an editor and runs what is saved',
  ef: 'opens an editor on a function and runs what is saved',
  ev: 'opens an editor on a view and runs what is saved',
};

function pipesToShell(meta: MetaPiece): boolean {
  return meta.rawArgs.startsWith('|');
}

/** Classifies one meta-command; the walker handles the actions. */
export function classifyMeta(meta: MetaPiece): MetaClass {
  const name = meta.name;
  if (meta.dynamic !== undefined && name !== 'set')
    return { kind: `meta-${name}`, effect: 'unknown', action: 'none', reason: meta.dynamic };
  const unknownReason = UNKNOWN[name];
  if (unknownReason !== undefined)
    return {
      kind: name === '!' ? 'meta-shell' : `meta-${name}`,
      effect: 'unknown',
      action: 'none',
      reason: `\\${name} ${unknownReason}`,
    };
  if (name.startsWith('d') && name !== 'drds')
    return { kind: 'meta-describe', effect: 'read', action: 'none' };
  if (name === 'i' || name === 'include') return { kind: 'meta-include', effect: 'read', action: 'include' };
  if (name === 'ir' || name === 'include_relative')
    return { kind: 'meta-include', effect: 'read', action: 'include-relative' };
  if (name === 'c' || name === 'connect') return { kind: 'meta-connect', effect: 'read', action: 'connect' };
  if (name === 'set') return { kind: 'meta-set', effect: 'read', action: 'set' };
  if (name === 'unset') return { kind: 'meta-set', effect: 'read', action: 'unset' };
  if (name === 'gset' || name === 'prompt' || name === 'getenv')
    return { kind: `meta-${name}`, effect: 'read', action: 'dynamic-variables' };
  if (name === 'copy') return { kind: 'meta-copy', effect: 'read', action: 'copy' };
  if (name === 'g' || name === 'gx') {
    if (pipesToShell(meta))
      return {
        kind: 'meta-pipe',
        effect: 'unknown',
        action: 'terminate-buffer',
        reason: `\\${name} | sends query output to a shell command`,
      };
    if (meta.args.length > 0)
      return { kind: 'meta-output-file', effect: 'write', action: 'terminate-buffer' };
    return { kind: 'meta-execute', effect: 'read', action: 'terminate-buffer' };
  }
  if (name === 'o' || name === 'out') {
    if (pipesToShell(meta))
      return {
        kind: 'meta-pipe',
        effect: 'unknown',
        action: 'none',
        reason: '\\o | sends query output to a shell command',
      };
    if (meta.args.length > 0) return { kind: 'meta-output-file', effect: 'write', action: 'none' };
    return { kind: 'meta-output', effect: 'read', action: 'none' };
  }
  if (name === 'w' || name === 'write' || name === 's')
    return meta.rawArgs.startsWith('|')
      ? {
          kind: 'meta-pipe',
          effect: 'unknown',
          action: 'none',
          reason: `\\${name} | sends the buffer to a shell command`,
        }
      : { kind: 'meta-output-file', effect: meta.args.length > 0 ? 'write' : 'read', action: 'none' };
  if (name === 'lo_unlink') return { kind: 'meta-lo-unlink', effect: 'destroy', action: 'none' };
  if (name === 'lo_import' || name === 'lo_export')
    return { kind: `meta-${name.replace('_', '-')}`, effect: 'write', action: 'none' };
  if (name === 'password') return { kind: 'meta-password', effect: 'write', action: 'none' };
  if (READS.has(name)) return { kind: `meta-${name}`, effect: 'read', action: 'none' };
  return {
    kind: 'meta-unknown',
    effect: 'unknown',
    action: 'none',
    reason: `\\${name} is not a meta-command airlock knows`,
  };
}

/** Classifies the arguments of `\copy`: direction, source or sink, and the query if any. */
export interface CopyMeta {
  kind: string;
  effect: SqlEffect;
  table?: string;
  /** `(query)` form: the query text, to classify like any statement. */
  query?: string;
  reason?: string;
}

export function classifyCopyMeta(raw: string): CopyMeta {
  let rest = raw.trim();
  let table: string | undefined;
  let query: string | undefined;
  if (rest.startsWith('(')) {
    let depth = 0;
    let j = 0;
    for (; j < rest.length; j++) {
      if (rest[j] === '(') depth++;
      else if (rest[j] === ')' && --depth === 0) break;
    }
    query = rest.slice(1, j);
    rest = rest.slice(j + 1);
  } else {
    const m = /^(\S+?)(\s*\([^)]*\))?\s/.exec(rest);
    table = m?.[1];
    rest = rest.slice(m?.[0].length ?? rest.length);
  }
  const words = rest.trim().split(/\s+/);
  const direction = words[0]?.toLowerCase();
  const sink = (words[1] ?? '').toLowerCase();
  const base = { ...(table === undefined ? {} : { table }), ...(query === undefined ? {} : { query }) };
  if (direction !== 'from' && direction !== 'to')
    return { ...base, kind: 'meta-copy', effect: 'unknown', reason: '\\copy without FROM or TO' };
  if (sink === 'program')
    return {
      ...base,
      kind: 'meta-copy-program',
      effect: 'unknown',
      reason: '\\copy … program runs a shell command',
    };
  if (direction === 'from') return { ...base, kind: 'meta-copy-from', effect: 'write' };
  if (sink === 'stdout' || sink === 'pstdout')
    return { ...base, kind: 'meta-copy-to-stdout', effect: 'read' };
  return { ...base, kind: 'meta-copy-to-file', effect: 'write' };
}
