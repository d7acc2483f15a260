// Kubernetes in a project: manifests, kustomize overlays, helm charts, and the kube contexts
// its Makefiles, scripts, CI files and READMEs mention (`--context X`, `use-context X`).

import type { Detection, Named } from './detect-types.js';
import { contextOf } from './env-context.js';
import { readSmallText } from './read-small.js';
import type { ProjectFile } from './walk.js';

const yamlName = /\.ya?ml$/;

/** Files whose text may name the contexts people deploy with. */
export function mentionsContexts(f: ProjectFile): boolean {
  const n = f.name;
  return (
    n === 'Makefile' ||
    n === 'makefile' ||
    n === 'GNUmakefile' ||
    n.endsWith('.mk') ||
    n.endsWith('.sh') ||
    n.endsWith('.bash') ||
    n === 'Justfile' ||
    n === 'justfile' ||
    n === 'package.json' ||
    /^readme/i.test(n) ||
    (n.endsWith('.md') && f.rel.startsWith('docs/')) ||
    n === '.gitlab-ci.yml' ||
    (f.rel.startsWith('.github/workflows/') && yamlName.test(n)) ||
    /^(Taskfile|skaffold|helmfile)\.ya?ml$/.test(n)
  );
}

const contextPattern = /(?:--(?:kube-)?context(?:=|\s+)|\bconfig\s+use-context\s+)["']?([A-Za-z0-9_.:@/-]+)/g;

/** Every literal context name on each line, with its line number and surrounding text. */
export function contextMentions(text: string, file: string): Named[] {
  const out: Named[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (!line.includes('context')) continue;
    for (const match of line.matchAll(contextPattern)) {
      const name = match[1]!;
      if (name.startsWith('-')) continue;
      out.push({ name, source: { file, line: index + 1, context: contextOf(file, line) } });
    }
  }
  return out;
}

export function detectKubernetes(files: readonly ProjectFile[]): Detection['kubernetes'] {
  const result: Detection['kubernetes'] = {
    manifests: [],
    kustomizations: [],
    overlays: [],
    charts: [],
    contexts: [],
  };
  for (const f of files) {
    if (f.name === 'Chart.yaml') result.charts.push(f.rel.slice(0, -'/Chart.yaml'.length) || '.');
    if (/^kustomization\.ya?ml$/.test(f.name)) {
      result.kustomizations.push(f.rel);
      const overlay = /(?:^|\/)overlays\/([^/]+)\//.exec(f.rel);
      if (overlay)
        result.overlays.push({ name: overlay[1]!, source: { file: f.rel, context: contextOf(overlay[1]!) } });
    }
    if (mentionsContexts(f)) {
      const text = readSmallText(f.path);
      if (text !== undefined) result.contexts.push(...contextMentions(text, f.rel));
    }
    if (yamlName.test(f.name) && !f.rel.startsWith('.github/') && f.name !== '.gitlab-ci.yml') {
      const text = readSmallText(f.path, 256 * 1024);
      if (text !== undefined && /^apiVersion:/m.test(text) && /^kind:\s*\S/m.test(text)) {
        result.manifests.push(f.rel);
      }
    }
  }
  return result;
}
