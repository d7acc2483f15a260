// What a target means for a rule: root, home, system, inside the project, regenerable,
// airlock's own files… computed from the resolved path, never from the text as typed.

import type { RecognizeContext, Target } from '../tools/invocation.js';
import type { TargetTrait } from './rule.js';

export interface ClassifyContext extends RecognizeContext {
  /** Directory names whose contents can be rebuilt (policy.regenerable). */
  regenerable: readonly string[];
}

const systemRoots = [
  '/etc',
  '/usr',
  '/bin',
  '/sbin',
  '/lib',
  '/lib32',
  '/lib64',
  '/libx32',
  '/boot',
  '/var',
  '/opt',
  '/srv',
  '/sys',
  '/proc',
  '/dev',
  '/snap',
  '/run',
  '/System',
  '/Library',
  '/Applications',
  '/private',
  '/nix',
  '/mnt',
  '/media',
];

/** `inner` is `outer` or lies below it. */
export function isWithin(inner: string, outer: string): boolean {
  if (outer === '/') return inner.startsWith('/');
  return inner === outer || inner.startsWith(`${outer}/`);
}

function realOr(path: string, ctx: RecognizeContext): string {
  return ctx.fs.realpath(path) ?? path;
}

function homes(ctx: RecognizeContext): string[] {
  const home = ctx.home ?? ctx.env.HOME;
  return home === undefined ? [] : [home, realOr(home, ctx)];
}

function isHome(path: string, ctx: RecognizeContext): boolean {
  if (homes(ctx).includes(path) || path === '/root') return true;
  const parts = path.split('/');
  return parts.length === 3 && (parts[1] === 'home' || parts[1] === 'Users') && parts[2] !== '';
}

function tempDirs(ctx: RecognizeContext): string[] {
  const dirs = ['/tmp', realOr('/tmp', ctx)];
  const tmpdir = ctx.env.TMPDIR?.replace(/\/+$/, '');
  if (tmpdir?.startsWith('/') && tmpdir !== '/') dirs.push(tmpdir, realOr(tmpdir, ctx));
  return dirs;
}

/**
 * Regenerable only when the real location lies in a rebuildable directory (or is one), or
 * strictly inside the temp dir. `container` says the path is a glob's fixed prefix: the
 * matches lie strictly inside it, so it must itself be within such a directory.
 */
function isRegenerable(path: string, container: boolean, ctx: ClassifyContext): boolean {
  if (path === '/' || isHome(path, ctx)) return false;
  for (const tmp of tempDirs(ctx)) {
    if (path.startsWith(`${tmp}/`) || (container && path === tmp)) return true;
  }
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) if (ctx.regenerable.includes(parts[i]!)) return true;
  return false;
}

export function targetTraits(target: Target, ctx: ClassifyContext): TargetTrait[] {
  const traits: TargetTrait[] = [];
  if (target.pattern !== undefined) traits.push('glob');
  else if (target.value === undefined) traits.push('dynamic');
  if (target.exists === true) traits.push('exists');
  if (target.isDirectory === true) traits.push('directory');
  const path = target.resolved;
  if (path === undefined || (target.kind !== 'path' && target.kind !== 'device')) return traits;
  const container = target.pattern !== undefined;
  if (target.value === undefined && !container) return traits;
  if (path === '/') traits.push('root');
  if (isHome(path, ctx)) traits.push('home');
  const projectRoot = realOr(ctx.projectRoot, ctx);
  const inProject = isWithin(path, projectRoot) || isWithin(path, ctx.projectRoot);
  const inTemp = tempDirs(ctx).some((tmp) => isWithin(path, tmp));
  if (!inProject && !inTemp && systemRoots.some((root) => isWithin(path, root))) traits.push('system');
  if (path === projectRoot || path === ctx.projectRoot)
    traits.push(container ? 'inside-project' : 'project-root');
  else if (inProject) traits.push('inside-project');
  else traits.push('outside-project');
  if (isRegenerable(path, container, ctx)) traits.push('regenerable');
  if (path.split('/').includes('.git')) traits.push('git-metadata');
  for (const own of ctx.airlockPaths) {
    const real = realOr(own, ctx);
    // Inside airlock's files, or a directory that holds them (`rm -rf ~/.config`).
    if (isWithin(path, real) || isWithin(real, path) || isWithin(path, own) || isWithin(own, path)) {
      traits.push('airlock');
      break;
    }
  }
  return traits;
}
