// The text `airlock init` prints about what it found: one line per kind of thing, each name
// with the file (and line) it came from. Database URLs show host and name only.

import { where } from './config-entries.js';
import type { Detection } from './detect-types.js';

function list(items: readonly string[], max = 6): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

export function renderDetection(d: Detection): string[] {
  const lines: string[] = [];
  const row = (label: string, text: string) => lines.push(`  ${label.padEnd(11)} ${text}`);
  for (const root of d.terraform) {
    const parts: string[] = [];
    for (const b of root.backends) {
      const fields = [
        b.bucket && `bucket ${b.bucket}`,
        b.key && `key ${b.key}`,
        b.prefix && `prefix ${b.prefix}`,
        b.organization && `organization ${b.organization}`,
        b.workspaces.length > 0 && `workspaces ${b.workspaces.join(', ')}`,
      ].filter(Boolean);
      parts.push(`backend ${b.type}${fields.length ? `: ${fields.join(', ')}` : ''} (${where(b.source)})`);
    }
    if (root.workspaces.length) parts.push(`workspaces: ${list(root.workspaces.map((w) => w.name))}`);
    if (root.stateFiles.length) parts.push(`local state: ${list(root.stateFiles)}`);
    row('terraform', `${root.dir}${parts.length ? `; ${parts.join('; ')}` : ''}`);
  }
  const k = d.kubernetes;
  const kube: string[] = [];
  if (k.manifests.length) kube.push(`${k.manifests.length} manifest${k.manifests.length === 1 ? '' : 's'}`);
  if (k.overlays.length) kube.push(`overlays: ${list([...new Set(k.overlays.map((o) => o.name))])}`);
  if (k.charts.length) kube.push(`charts: ${list(k.charts)}`);
  if (k.contexts.length) {
    const seen = new Map<string, string>();
    for (const c of k.contexts) if (!seen.has(c.name)) seen.set(c.name, `${c.name} (${where(c.source)})`);
    kube.push(`contexts: ${list([...seen.values()])}`);
  }
  if (kube.length) row('kubernetes', kube.join('; '));
  const db: string[] = [];
  if (d.databases.migrations.length) db.push(`migrations: ${list(d.databases.migrations)}`);
  if (d.databases.sqlFiles.length) db.push(`${d.databases.sqlFiles.length} .sql file(s)`);
  for (const u of d.databases.urls) {
    db.push(
      `${u.variable} ${u.scheme} ${u.host ?? '?'}${u.database ? `/${u.database}` : ''} (${where(u.source)})`,
    );
  }
  if (db.length) row('databases', db.join('; '));
  const docker = [...d.docker.dockerfiles, ...d.docker.compose];
  if (docker.length) row('docker', list(docker));
  const scripts = [
    ...d.scripts.packageJson.map((p) => `${p.file}: ${list(p.scripts, 8)}`),
    ...d.scripts.makefiles.map((m) => `${m.file}: ${list(m.targets, 8)}`),
  ];
  if (scripts.length) row('scripts', scripts.join('; '));
  if (lines.length === 0)
    lines.push(
      '  nothing airlock knows how to read (no terraform, Kubernetes, databases, Docker or scripts)',
    );
  return lines;
}
