// Which files `airlock scan` reads and how: by name (Makefile, package.json, Dockerfile,
// workflows, .gitlab-ci.yml), by extension (.sh, .bash) or by a shell shebang.

import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { isMakefile } from '../init/detect.js';
import { walkProject } from '../init/walk.js';

export type FileKind = 'shell' | 'make' | 'npm' | 'docker' | 'github-actions' | 'gitlab-ci';

export interface ScanFile {
  path: string;
  /** Relative to the scan root. */
  rel: string;
  kind: FileKind;
}

function firstLine(path: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(128);
    const length = readSync(fd, buffer, 0, 128, 0);
    return buffer.toString('utf8', 0, length).split('\n')[0] ?? '';
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const shellShebang = /^#!\s*(\S*\/)?(env\s+(-\S+\s+)*)?(sh|bash|dash|ksh|ash|zsh)\b/;

export function kindOf(rel: string, path: string): FileKind | undefined {
  const name = basename(rel);
  if (isMakefile(name)) return 'make';
  if (name === 'package.json') return 'npm';
  if (
    name === 'Dockerfile' ||
    name.startsWith('Dockerfile.') ||
    name.endsWith('.dockerfile') ||
    name === 'Containerfile'
  )
    return 'docker';
  if (name === '.gitlab-ci.yml' || name.endsWith('.gitlab-ci.yml')) return 'gitlab-ci';
  if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(rel) || name === 'action.yml' || name === 'action.yaml')
    return 'github-actions';
  if (/\.(sh|bash|ksh|dash)$/.test(name)) return 'shell';
  if (!name.includes('.') && shellShebang.test(firstLine(path))) return 'shell';
  return undefined;
}

/** Every file to scan under the given paths (files are taken as given: shell when unknown). */
export function scanFiles(root: string, paths: readonly string[]): ScanFile[] {
  const out: ScanFile[] = [];
  const seen = new Set<string>();
  const add = (path: string, kind: FileKind) => {
    if (seen.has(path)) return;
    seen.add(path);
    out.push({ path, rel: relative(root, path).split('\\').join('/'), kind });
  };
  for (const given of paths.length === 0 ? [root] : paths) {
    const path = resolve(root, given);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat === undefined) continue;
    if (stat.isFile()) {
      add(path, kindOf(relative(root, path), path) ?? 'shell');
      continue;
    }
    for (const f of walkProject(path)) {
      const rel = relative(root, f.path).split('\\').join('/');
      const kind = kindOf(rel, f.path);
      if (kind !== undefined) add(f.path, kind);
    }
  }
  return out;
}

/** The directory a file's commands run in (workflows and GitLab CI run at the root). */
export function commandDir(root: string, file: ScanFile): string {
  return file.kind === 'github-actions' || file.kind === 'gitlab-ci' ? root : dirname(join(root, file.rel));
}
