// Tokens and keys in well-known files (~/.netrc, ~/.npmrc, docker, gh, git credentials,
// ~/.pgpass), SSH keys and a running ssh-agent, and database URLs in the environment and in
// the project's .env files. Each is reported by kind, location and the host or registry it
// opens; the token, password or key itself is never copied into the report.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { databaseUrlsIn, describeDatabaseUrl } from '../init/database-url.js';
import { isEnvFile } from '../init/detect.js';
import { readSmallText } from '../init/read-small.js';
import type { ProjectFile } from '../init/walk.js';
import { isLocalHost } from '../tools/cloud-env.js';
import { environmentOf, severityFor } from './severity.js';
import { type DoctorFinding, type DoctorInput, showPath } from './types.js';

function netrcHosts(text: string): string[] {
  const words = text.split(/\s+/);
  const hosts: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i] === 'machine' && words[i + 1] !== undefined) hosts.push(words[i + 1]!);
    if (words[i] === 'default') hosts.push('(default)');
  }
  return [...new Set(hosts)];
}

function npmRegistries(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const match = /^\s*(\/\/[^:]*)?:?_(?:authToken|auth|password)\s*=/.exec(line);
    if (match) out.push(match[1] ? match[1].slice(2) : '(default registry)');
  }
  return out;
}

function dockerRegistries(text: string): { registries: string[]; helper?: string } {
  try {
    const config = JSON.parse(text) as { auths?: Record<string, { auth?: string }>; credsStore?: string };
    const registries = Object.entries(config.auths ?? {})
      .filter(([, v]) => typeof v?.auth === 'string' && v.auth !== '')
      .map(([k]) => k);
    return { registries, ...(config.credsStore ? { helper: config.credsStore } : {}) };
  } catch {
    return { registries: [] };
  }
}

function ghHosts(text: string): string[] {
  const hosts: string[] = [];
  let host: string | undefined;
  for (const line of text.split('\n')) {
    const top = /^([^\s#][^:]*):\s*$/.exec(line);
    if (top) host = top[1];
    else if (host && /^\s+oauth_token:\s*\S/.test(line)) hosts.push(host);
  }
  return hosts;
}

function urlHosts(text: string): string[] {
  const hosts: string[] = [];
  for (const line of text.split('\n')) {
    const match = /^[a-z][a-z0-9+.-]*:\/\/[^@\s]*@([^/:\s]+)/i.exec(line.trim());
    if (match) hosts.push(match[1]!);
  }
  return [...new Set(hosts)];
}

function pgpassTargets(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => {
      const [host, port, db] = l.split(':');
      return `${host}:${port}/${db}`;
    });
}

interface TokenFile {
  kind: string;
  path: string;
  names(text: string): string[];
  what: string;
}

function tokenFiles(input: DoctorInput, out: DoctorFinding[]): void {
  const { home, env, policy } = input;
  if (home === undefined) return;
  const files: TokenFile[] = [
    { kind: 'netrc', path: env.NETRC ?? join(home, '.netrc'), names: netrcHosts, what: 'login for' },
    {
      kind: 'npm-token',
      path: env.NPM_CONFIG_USERCONFIG ?? join(home, '.npmrc'),
      names: npmRegistries,
      what: 'auth token for',
    },
    {
      kind: 'github-cli-token',
      path: join(env.GH_CONFIG_DIR ?? join(home, '.config', 'gh'), 'hosts.yml'),
      names: ghHosts,
      what: 'gh token for',
    },
    {
      kind: 'git-credentials',
      path: join(home, '.git-credentials'),
      names: urlHosts,
      what: 'stored git credentials for',
    },
    {
      kind: 'pgpass',
      path: env.PGPASSFILE ?? join(home, '.pgpass'),
      names: pgpassTargets,
      what: 'PostgreSQL passwords for',
    },
  ];
  for (const file of files) {
    const text = readSmallText(file.path);
    const names = text === undefined ? [] : file.names(text);
    if (names.length === 0) continue;
    const envName = environmentOf(
      names.map((n) => n.split(/[:/]/)[0]),
      policy,
    );
    out.push({
      area: 'credentials',
      kind: file.kind,
      severity: file.kind === 'pgpass' ? severityFor(envName) : 'medium',
      location: showPath(file.path, home),
      detail: `${file.what} ${names.join(', ')}`,
      environment: envName,
    });
  }
  const dockerPath = join(env.DOCKER_CONFIG ?? join(home, '.docker'), 'config.json');
  const docker = dockerRegistries(readSmallText(dockerPath) ?? '{}');
  if (docker.registries.length > 0 || docker.helper) {
    out.push({
      area: 'credentials',
      kind: 'docker-registry-auth',
      severity: 'medium',
      location: showPath(dockerPath, home),
      detail: [
        docker.registries.length ? `registry logins for ${docker.registries.join(', ')}` : '',
        docker.helper ? `credential helper ${docker.helper}` : '',
      ]
        .filter(Boolean)
        .join('; '),
    });
  }
}

function sshFindings(input: DoctorInput, out: DoctorFinding[]): void {
  const { home, env } = input;
  if (home !== undefined) {
    let names: string[] = [];
    try {
      names = readdirSync(join(home, '.ssh'));
    } catch {}
    for (const name of names.sort()) {
      if (
        name.endsWith('.pub') ||
        name.startsWith('known_hosts') ||
        name === 'config' ||
        name === 'authorized_keys'
      )
        continue;
      const path = join(home, '.ssh', name);
      const head = readSmallText(path, 64 * 1024)?.slice(0, 60) ?? '';
      if (!head.includes('PRIVATE KEY')) continue;
      out.push({
        area: 'credentials',
        kind: 'ssh-private-key',
        severity: 'medium',
        location: showPath(path, home),
        detail: 'SSH private key (reaches every host that trusts it)',
      });
    }
  }
  const sock = env.SSH_AUTH_SOCK;
  if (sock && existsSync(sock) && statSync(sock).isSocket()) {
    out.push({
      area: 'credentials',
      kind: 'ssh-agent',
      severity: 'medium',
      location: `environment SSH_AUTH_SOCK (${showPath(sock, home)})`,
      detail: 'a running ssh-agent: its loaded keys sign for any process here',
      fix: 'load keys with ssh-add -c (confirm each use) or start the agent without this variable',
    });
  }
}

function databaseFindings(input: DoctorInput, files: readonly ProjectFile[], out: DoctorFinding[]): void {
  const seen = (host: string | undefined, db: string | undefined, context?: string) => {
    const envName =
      host !== undefined && isLocalHost(host) ? 'local' : environmentOf([host, context], input.policy);
    return { envName, text: `${host ?? '?'}${db ? `/${db}` : ''}` };
  };
  for (const [key, value] of Object.entries(input.env)) {
    if (value === undefined) continue;
    const url = describeDatabaseUrl(value);
    if (url === undefined) continue;
    const { envName, text } = seen(url.host, url.database);
    out.push({
      area: 'credentials',
      kind: 'database-url',
      severity: severityFor(envName),
      location: `environment ${key}`,
      detail: `${url.scheme} ${text}`,
      environment: envName,
    });
  }
  for (const f of files) {
    if (!isEnvFile(f.name)) continue;
    for (const url of databaseUrlsIn(readSmallText(f.path, 128 * 1024) ?? '', (line) => ({
      file: f.rel,
      line,
    }))) {
      const { envName, text } = seen(url.host, url.database, f.name);
      out.push({
        area: 'credentials',
        kind: 'database-url',
        severity: severityFor(envName),
        location: `${f.rel}:${url.source.line} ${url.variable}`,
        detail: `${url.scheme} ${text}`,
        environment: envName,
        ...(envName === 'prod'
          ? { fix: `keep production URLs out of ${f.rel}; load them only where deploys run` }
          : {}),
      });
    }
  }
}

export function tokenFindings(input: DoctorInput, files: readonly ProjectFile[]): DoctorFinding[] {
  const out: DoctorFinding[] = [];
  tokenFiles(input, out);
  sshFindings(input, out);
  databaseFindings(input, files, out);
  return out;
}
