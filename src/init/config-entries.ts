// Turns what init found into .airlockrc.yaml entries: names whose own spelling says nothing but
// whose surroundings say production or staging, and targets worth protecting (terraform state).
// A project file may only tighten, so nothing is ever added to dev or local.

import { environmentOfName } from '../decide/environment.js';
import { defaultPolicy } from '../decide/policy.js';
import { isLocalHost } from '../tools/cloud-env.js';
import type { Detection, Named, Source } from './detect-types.js';

export interface ConfigEntry {
  /** Dotted list key: environments.prod, environments.staging, protected. */
  key: 'environments.prod' | 'environments.staging' | 'protected';
  value: string;
  /** Why, and which file it came from. */
  comment: string;
}

export interface ConfigSuggestions {
  entries: ConfigEntry[];
  /** Names seen whose environment airlock cannot tell; listed for the person to sort. */
  unresolved: string[];
}

export function where(source: Source): string {
  return source.line === undefined ? source.file : `${source.file}:${source.line}`;
}

function considerName(kind: string, item: Named, out: ConfigSuggestions, seen: Set<string>): void {
  const { name, source } = item;
  if (environmentOfName(name, defaultPolicy) !== undefined) return;
  const context = source.context;
  if (context === 'prod' || context === 'staging') {
    const key = `environments.${context}` as const;
    if (seen.has(`${key}\0${name}`)) return;
    seen.add(`${key}\0${name}`);
    out.entries.push({ key, value: name, comment: `${kind}, used for ${context} in ${where(source)}` });
  } else if (
    !seen.has(`?\0${name}`) &&
    !seen.has(`environments.prod\0${name}`) &&
    !seen.has(`environments.staging\0${name}`)
  ) {
    seen.add(`?\0${name}`);
    out.unresolved.push(`${kind} ${name} (${where(source)})`);
  }
}

export function suggestConfig(detection: Detection): ConfigSuggestions {
  const out: ConfigSuggestions = { entries: [], unresolved: [] };
  const seen = new Set<string>();
  // Strongest context first, so a name seen beside "prod" once is listed as prod.
  const byContext = (items: Named[]) =>
    [...items].sort((a, b) => rank(b.source.context) - rank(a.source.context));
  for (const item of byContext(detection.kubernetes.contexts)) considerName('kube context', item, out, seen);
  for (const root of detection.terraform) {
    for (const item of byContext(root.workspaces)) considerName('terraform workspace', item, out, seen);
    for (const backend of root.backends) {
      for (const ws of backend.workspaces) {
        considerName('terraform cloud workspace', { name: ws, source: backend.source }, out, seen);
      }
      if (backend.bucket !== undefined && !seen.has(`protected\0${backend.bucket}`)) {
        seen.add(`protected\0${backend.bucket}`);
        out.entries.push({
          key: 'protected',
          value: backend.bucket,
          comment: `terraform state bucket (backend "${backend.type}" in ${where(backend.source)})`,
        });
      }
    }
    for (const state of root.stateFiles) {
      out.entries.push({
        key: 'protected',
        value: `*/${state}`,
        comment: `terraform local state (${state})`,
      });
    }
  }
  const hosts = detection.databases.urls
    .filter((u) => u.host !== undefined && !isLocalHost(u.host))
    .map((u) => ({ name: u.host!, source: u.source }));
  for (const item of byContext(hosts)) considerName('database host', item, out, seen);
  return out;
}

function rank(context: Source['context']): number {
  return context === 'prod' ? 3 : context === 'staging' ? 2 : context === undefined ? 0 : 1;
}
