// `airlock init`'s survey of a project: terraform, Kubernetes, databases, Docker and the
// scripts people run, each with the file (and line) it came from.

import { basename, dirname } from 'node:path';
import { databaseUrlsIn } from './database-url.js';
import { detectKubernetes } from './detect-kube.js';
import { detectTerraform } from './detect-terraform.js';
import type { Detection } from './detect-types.js';
import { contextOf } from './env-context.js';
import { readSmallText } from './read-small.js';
import { type ProjectFile, walkProject } from './walk.js';

/** `.env`, `.env.production`, `prod.env`; never `.envrc` (a direnv script) or example files' real values. */
export function isEnvFile(name: string): boolean {
  return name === '.env' || name.startsWith('.env.') || name.endsWith('.env');
}

function isDockerfile(name: string): boolean {
  return (
    name === 'Dockerfile' ||
    name.startsWith('Dockerfile.') ||
    name.endsWith('.dockerfile') ||
    name === 'Containerfile'
  );
}

function isComposeFile(name: string): boolean {
  return /^(docker-)?compose(\.[\w-]+)?\.ya?ml$/.test(name);
}

export function isMakefile(name: string): boolean {
  return name === 'Makefile' || name === 'makefile' || name === 'GNUmakefile' || name.endsWith('.mk');
}

function makeTargets(text: string): string[] {
  const targets: string[] = [];
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z0-9_.%/-][A-Za-z0-9_.%/ -]*?)\s*::?(?!=)/.exec(line);
    if (!match || line.startsWith('\t')) continue;
    for (const t of match[1]!.split(/\s+/)) if (t !== '' && !t.startsWith('.')) targets.push(t);
  }
  return [...new Set(targets)];
}

function packageScripts(text: string): string[] {
  try {
    const scripts = (JSON.parse(text) as { scripts?: unknown }).scripts;
    return scripts !== null && typeof scripts === 'object' ? Object.keys(scripts) : [];
  } catch {
    return [];
  }
}

function detectRest(files: readonly ProjectFile[], into: Detection): void {
  const migrationDirs = new Set<string>();
  for (const f of files) {
    const dir = dirname(f.rel);
    if (/(?:^|\/)(?:migrations?|db\/migrate)(?:\/|$)/.test(dir)) {
      const top = /^(.*?(?:migrations?|db\/migrate))(?:\/|$)/.exec(dir)?.[1];
      if (top !== undefined) migrationDirs.add(top);
    }
    if (f.name.endsWith('.sql')) into.databases.sqlFiles.push(f.rel);
    if (isEnvFile(f.name)) {
      const text = readSmallText(f.path, 128 * 1024);
      // Example files hold placeholders: their hosts are still worth listing, their context is the example's.
      if (text !== undefined) {
        into.databases.urls.push(
          ...databaseUrlsIn(text, (line) => ({ file: f.rel, line, context: contextOf(basename(f.rel)) })),
        );
      }
    }
    if (isDockerfile(f.name)) into.docker.dockerfiles.push(f.rel);
    if (isComposeFile(f.name)) into.docker.compose.push(f.rel);
    if (f.name === 'package.json') {
      const text = readSmallText(f.path);
      if (text !== undefined) into.scripts.packageJson.push({ file: f.rel, scripts: packageScripts(text) });
    }
    if (isMakefile(f.name)) {
      const text = readSmallText(f.path);
      if (text !== undefined) into.scripts.makefiles.push({ file: f.rel, targets: makeTargets(text) });
    }
  }
  into.databases.migrations = [...migrationDirs].sort();
}

export function detectProject(root: string, files: readonly ProjectFile[] = walkProject(root)): Detection {
  const detection: Detection = {
    root,
    terraform: detectTerraform(root, files),
    kubernetes: detectKubernetes(files),
    databases: { migrations: [], sqlFiles: [], urls: [] },
    docker: { dockerfiles: [], compose: [] },
    scripts: { packageJson: [], makefiles: [] },
  };
  detectRest(files, detection);
  return detection;
}
