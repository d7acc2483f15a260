// Terraform roots in a project: directories with .tf files, their backend blocks (s3, gcs,
// remote/cloud organization and workspaces), workspaces and local state files.

import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Named, TerraformBackend, TerraformRoot } from './detect-types.js';
import { contextOf } from './env-context.js';
import { readSmallText as readSmall } from './read-small.js';
import type { ProjectFile } from './walk.js';

function stringSetting(line: string, key: string): string | undefined {
  const match = new RegExp(`^\\s*${key}\\s*=\\s*"([^"]*)"`).exec(line);
  return match?.[1];
}

/** Reads `backend "TYPE" { … }` and `cloud { … }` blocks by brace depth, line by line. */
export function parseBackends(text: string, file: string): TerraformBackend[] {
  const lines = text.split('\n');
  const out: TerraformBackend[] = [];
  let current: TerraformBackend | undefined;
  let depth = 0;
  let inWorkspaces = false;
  for (const [index, raw] of lines.entries()) {
    const line = raw.replace(/#.*$|\/\/.*$/, '');
    if (current === undefined) {
      const open = /^\s*(?:backend\s+"([a-z0-9_]+)"|(cloud))\s*\{/.exec(line);
      if (open) {
        current = { type: open[1] ?? 'cloud', source: { file, line: index + 1 }, workspaces: [] };
        depth = 0;
      } else continue;
    }
    const bucket = stringSetting(line, 'bucket');
    if (bucket !== undefined) current.bucket = bucket;
    const key = stringSetting(line, 'key');
    if (key !== undefined) current.key = key;
    const prefix = stringSetting(line, 'prefix');
    if (prefix !== undefined) current.prefix = prefix;
    const organization = stringSetting(line, 'organization');
    if (organization !== undefined) current.organization = organization;
    if (/^\s*workspaces\s*\{/.test(line)) inWorkspaces = true;
    const name = inWorkspaces ? stringSetting(line, 'name') : undefined;
    if (name !== undefined) current.workspaces.push(name);
    for (const ch of line) {
      if (ch === '{') depth++;
      else if (ch === '}') {
        depth--;
        if (inWorkspaces && depth === 1) inWorkspaces = false;
      }
    }
    if (depth <= 0) {
      out.push(current);
      current = undefined;
      inWorkspaces = false;
    }
  }
  return out;
}

function listDir(path: string): string[] {
  try {
    return readdirSync(path).sort();
  } catch {
    return [];
  }
}

export function detectTerraform(root: string, files: readonly ProjectFile[]): TerraformRoot[] {
  const byDir = new Map<string, ProjectFile[]>();
  for (const f of files) {
    if (!f.name.endsWith('.tf')) continue;
    const dir = dirname(f.rel);
    byDir.set(dir, [...(byDir.get(dir) ?? []), f]);
  }
  const roots: TerraformRoot[] = [];
  for (const [dir, tfFiles] of [...byDir].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const abs = join(root, dir);
    const backends: TerraformBackend[] = [];
    for (const f of tfFiles) {
      const text = readSmall(f.path);
      if (text !== undefined && (text.includes('backend') || text.includes('cloud'))) {
        backends.push(...parseBackends(text, f.rel));
      }
    }
    const relIn = (name: string) => (dir === '.' ? name : `${dir}/${name}`);
    const workspaces: Named[] = [];
    const stateFiles: string[] = [];
    for (const ws of listDir(join(abs, 'terraform.tfstate.d'))) {
      const file = relIn(`terraform.tfstate.d/${ws}`);
      workspaces.push({ name: ws, source: { file, context: contextOf(ws) } });
      for (const name of listDir(join(abs, 'terraform.tfstate.d', ws))) {
        if (name.startsWith('terraform.tfstate')) stateFiles.push(`${file}/${name}`);
      }
    }
    const selected = readSmall(join(abs, '.terraform', 'environment'))?.trim();
    if (selected && !workspaces.some((w) => w.name === selected)) {
      workspaces.push({
        name: selected,
        source: { file: relIn('.terraform/environment'), context: contextOf(selected) },
      });
    }
    for (const name of listDir(abs)) {
      if (name === 'terraform.tfstate' || name === 'terraform.tfstate.backup') stateFiles.push(relIn(name));
    }
    roots.push({ dir, backends, workspaces, stateFiles });
  }
  return roots;
}
