// Bind mounts of `docker run`: a command inside the container that names a mounted path
// acts on the host path behind it, so paths are mapped back before classification.

import { isAbsolute, posix } from 'node:path';

export interface Mount {
  /** Absolute host path, or a named volume. */
  source: string;
  /** Path inside the container. */
  target: string;
  volume: boolean;
}

/** `-v SRC:DST[:ro]` and `--mount type=bind,source=SRC,target=DST`. */
export function parseMounts(
  volumes: readonly string[],
  mounts: readonly string[],
  cwd: string | undefined,
): Mount[] {
  const out: Mount[] = [];
  const add = (source: string, target: string) => {
    if (!target.startsWith('/')) return;
    const isPath = source.startsWith('/') || source.startsWith('.') || source.startsWith('~');
    if (isPath && !isAbsolute(source) && cwd === undefined) return;
    const hostPath = isPath ? posix.resolve(cwd ?? '/', source) : source;
    out.push({ source: hostPath, target: posix.normalize(target).replace(/(.)\/$/, '$1'), volume: !isPath });
  };
  for (const spec of volumes) {
    const parts = spec.split(':');
    if (parts.length >= 2) add(parts[0]!, parts[1]!);
  }
  for (const spec of mounts) {
    const fields = new Map<string, string>();
    for (const field of spec.split(',')) {
      const eq = field.indexOf('=');
      fields.set(eq === -1 ? field : field.slice(0, eq), eq === -1 ? '' : field.slice(eq + 1));
    }
    const type = fields.get('type') ?? 'volume';
    const source = fields.get('source') ?? fields.get('src');
    const target = fields.get('target') ?? fields.get('destination') ?? fields.get('dst');
    if (source === undefined || target === undefined || type === 'tmpfs') continue;
    add(
      type === 'bind' && !source.startsWith('/') && !source.startsWith('.') ? `./${source}` : source,
      target,
    );
  }
  // Longest container path first: `/data/sub` is mapped before `/data`.
  return out.sort((a, b) => b.target.length - a.target.length);
}

const before = new Set([' ', '\t', '\n', "'", '"', '=', ';', '&', '|', '(', '`']);
const after = new Set(['/', ' ', '\t', '\n', "'", '"', ';', '&', '|', ')', '`', '*']);

/**
 * Rewrites container paths to host paths wherever they stand as a path: a whole argument
 * (`/app/src`) or a word inside script text (`sh -c 'rm -rf /app/*'`).
 */
export function mapMountedPaths(text: string, mounts: readonly Mount[]): string {
  let out = text;
  for (const mount of mounts) {
    if (mount.volume || mount.target === '/') continue;
    let from = 0;
    for (let at = out.indexOf(mount.target, from); at !== -1; at = out.indexOf(mount.target, from)) {
      const end = at + mount.target.length;
      const okBefore = at === 0 || before.has(out[at - 1]!);
      const okAfter = end === out.length || after.has(out[end]!);
      if (okBefore && okAfter) {
        // `-v /:/host`: `/host/etc` is `/etc`, and `/host` alone is `/`.
        const source = mount.source === '/' ? (out[end] === '/' ? '' : '/') : mount.source;
        out = out.slice(0, at) + source + out.slice(end);
        from = at + source.length;
      } else from = end;
    }
  }
  return out;
}
