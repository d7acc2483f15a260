// What a cloud recognizer reads from the command's environment: variables that may be
// set, unset, or assigned a value only known at run time; and the home directory.

import type { SimpleCommand } from '../parse/command.js';
import type { RecognizeContext } from './invocation.js';

export type EnvLookup = { state: 'set'; value: string } | { state: 'unset' } | { state: 'dynamic' };

/** A variable as the command sees it; `X=$(…) tool` makes it dynamic. */
export function lookupEnv(command: SimpleCommand, name: string): EnvLookup {
  if (!Object.hasOwn(command.env, name)) return { state: 'unset' };
  const value = command.env[name];
  if (value === undefined) return { state: 'dynamic' };
  return value === '' ? { state: 'unset' } : { state: 'set', value };
}

export function homeOf(command: SimpleCommand, ctx: RecognizeContext): string | undefined {
  const home = command.env.HOME;
  return home !== undefined && home !== '' ? home : ctx.home;
}

/** `~/x` and `$HOME/x` style config paths from a variable, resolved against the command's cwd. */
export function expandHome(
  path: string,
  home: string | undefined,
  cwd: string | undefined,
): string | undefined {
  if (path === '~' || path.startsWith('~/')) return home === undefined ? undefined : home + path.slice(1);
  if (path.startsWith('/')) return path;
  return cwd === undefined ? undefined : `${cwd}/${path}`;
}

/** The host of a URL (`http://localhost:4566` → `localhost`), or undefined when it is not one. */
export function urlHost(url: string): string | undefined {
  const scheme = url.indexOf('://');
  if (scheme === -1) return undefined;
  let rest = url.slice(scheme + 3);
  const at = rest.lastIndexOf('@', rest.search(/[/?#]|$/));
  if (at !== -1) rest = rest.slice(at + 1);
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    return close === -1 ? undefined : rest.slice(1, close);
  }
  const end = rest.search(/[:/?#,]|$/);
  const host = rest.slice(0, end);
  return host === '' ? undefined : host.toLowerCase();
}

/** Hosts that are this machine: a guarded tool pointed at them acts locally. */
export function isLocalHost(host: string): boolean {
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    host === '0.0.0.0' ||
    host.startsWith('127.')
  );
}
