// Which engine a docker, podman or nerdctl command talks to, in the CLI's own order:
// --host > --context > DOCKER_HOST > DOCKER_CONTEXT > currentContext in the CLI config.
// A local socket is this machine; anything else becomes a `host` hint for decide.

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { ShellEnv, SimpleCommand } from '../parse/command.js';
import { lastFlag } from './argv.js';
import type { EnvHint, RecognizeContext } from './invocation.js';

export interface EngineTarget {
  /** The engine's host name, when it is not this machine. */
  host?: string;
  /** Set when the engine is not known (a context that cannot be read, a dynamic flag). */
  unknown?: boolean;
  source: string;
}

const local: EngineTarget = { source: 'the local engine socket' };

/** Contexts every install has, or that desktop tools create, all on this machine. */
const localContexts = new Set([
  'default',
  'desktop-linux',
  'colima',
  'rancher-desktop',
  'orbstack',
  'podman-machine-default',
]);

/** `unix:///var/run/docker.sock` is local; `tcp://prod-1:2376` and `ssh://me@prod-1` are not. */
export function endpointHost(endpoint: string): string | undefined {
  const scheme = endpoint.indexOf('://');
  const kind = scheme === -1 ? '' : endpoint.slice(0, scheme);
  if (kind === 'unix' || kind === 'npipe' || kind === 'fd' || endpoint.startsWith('/')) return undefined;
  let rest = scheme === -1 ? endpoint : endpoint.slice(scheme + 3);
  const at = rest.lastIndexOf('@');
  if (at !== -1) rest = rest.slice(at + 1);
  const end = rest.search(/[/:?]/);
  const host = end === -1 ? rest : rest.slice(0, end);
  if (host === '' || host === 'localhost' || host === '127.0.0.1' || host === '::1' || host === '[::1]')
    return undefined;
  return host;
}

function fromEndpoint(endpoint: string, source: string): EngineTarget {
  const host = endpointHost(endpoint);
  return host === undefined ? { source: `${source} (${endpoint})` } : { host, source };
}

function configDir(env: ShellEnv, ctx: RecognizeContext): string | undefined {
  if (env.DOCKER_CONFIG) return env.DOCKER_CONFIG;
  const home = 'HOME' in env ? env.HOME : (ctx.home ?? ctx.env.HOME);
  return home === undefined ? undefined : join(home, '.docker');
}

/** A named context's endpoint, from `~/.docker/contexts/meta/<sha256 of name>/meta.json`. */
function contextTarget(name: string, source: string, env: ShellEnv, ctx: RecognizeContext): EngineTarget {
  if (localContexts.has(name)) return { source: `${source} ${name}` };
  const dir = configDir(env, ctx);
  const digest = createHash('sha256').update(name).digest('hex');
  const text =
    dir === undefined
      ? undefined
      : ctx.fs.readText(join(dir, 'contexts', 'meta', digest, 'meta.json'), 64 * 1024);
  try {
    const meta =
      text === undefined ? undefined : (JSON.parse(text) as { Endpoints?: { docker?: { Host?: unknown } } });
    const host = meta?.Endpoints?.docker?.Host;
    if (typeof host === 'string') return fromEndpoint(host, `${source} ${name}`);
  } catch {
    // An unreadable context: the name is all there is.
  }
  // The name may still say where it points (`prod-swarm`); decide matches it like a host.
  return { host: name, source: `${source} ${name} (endpoint not readable)` };
}

function currentContext(env: ShellEnv, ctx: RecognizeContext): string | undefined {
  const dir = configDir(env, ctx);
  const file = dir === undefined ? undefined : join(dir, 'config.json');
  // readText allocates its limit: ask for the file's size (auth entries make it grow).
  const size = file === undefined ? undefined : ctx.fs.stat(file)?.size;
  if (file === undefined || size === undefined || size > 1024 * 1024) return undefined;
  const text = ctx.fs.readText(file, size + 4096);
  if (text === undefined || !text.includes('currentContext')) return undefined;
  try {
    const value = (JSON.parse(text) as { currentContext?: unknown }).currentContext;
    return typeof value === 'string' && value !== '' ? value : undefined;
  } catch {
    return undefined;
  }
}

export function resolveEngine(
  program: string,
  globalFlags: Readonly<Record<string, string[]>>,
  command: SimpleCommand,
  ctx: RecognizeContext,
): EngineTarget {
  const env = command.env;
  const dynamic = (value: string) => command.argv.some((w) => w.value === undefined && w.text === value);
  const host = lastFlag(globalFlags, 'host');
  if (host !== undefined)
    return dynamic(host)
      ? { unknown: true, source: `--host ${host} is not known before it runs` }
      : fromEndpoint(host, '--host flag');
  if (program === 'podman') {
    const connection = lastFlag(globalFlags, 'connection') ?? lastFlag(globalFlags, 'context');
    if (connection !== undefined) return contextTarget(connection, '--connection', env, ctx);
    if (env.CONTAINER_HOST) return fromEndpoint(env.CONTAINER_HOST, 'CONTAINER_HOST');
    if (globalFlags.remote !== undefined)
      return { unknown: true, source: 'podman --remote to the default connection' };
    return local;
  }
  if (program === 'nerdctl')
    return env.CONTAINERD_ADDRESS ? fromEndpoint(env.CONTAINERD_ADDRESS, 'CONTAINERD_ADDRESS') : local;
  const context = lastFlag(globalFlags, 'context');
  if (context !== undefined)
    return dynamic(context)
      ? { unknown: true, source: `--context ${context} is not known before it runs` }
      : contextTarget(context, '--context', env, ctx);
  if ('DOCKER_HOST' in env) {
    const value = env.DOCKER_HOST;
    if (value === undefined) return { unknown: true, source: 'DOCKER_HOST is not known before it runs' };
    if (value !== '') return fromEndpoint(value, 'DOCKER_HOST');
  }
  if (env.DOCKER_CONTEXT) return contextTarget(env.DOCKER_CONTEXT, 'DOCKER_CONTEXT', env, ctx);
  const current = currentContext(env, ctx);
  return current === undefined
    ? local
    : contextTarget(current, 'currentContext in the docker config', env, ctx);
}

export function engineHints(target: EngineTarget): EnvHint[] {
  if (target.unknown) return [{ kind: 'host', source: target.source }];
  return target.host === undefined ? [] : [{ kind: 'host', value: target.host, source: target.source }];
}
