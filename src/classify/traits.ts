// What a target means for a rule: root, home, system, inside the project, regenerable,
// airlock's own files… computed from the resolved path, never from the text as typed.

import type { RecognizeContext, Target } from '../tools/invocation.js';
import type { TargetTrait } from './rule.js';

export interface ClassifyContext extends RecognizeContext {
  /** Directory names whose contents can be rebuilt (policy.regenerable). */
  regenerable: readonly string[];
  /** Paths belong to a container image being built (see EvaluateOptions.imageBuild). */
  imageBuild?: boolean;
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

/** The fixed places every target is compared with, resolved once per context (not per target). */
interface Places {
  homes: string[];
  temps: string[];
  projectRoot: string;
  /** The project is a git checkout that lives inside a temp directory. */
  projectInTemp: boolean;
  /** airlock's own paths, as given and resolved. */
  own: [string, string][];
}

const placesCache = new WeakMap<RecognizeContext, Places>();

function placesOf(ctx: RecognizeContext): Places {
  let places = placesCache.get(ctx);
  if (places !== undefined) return places;
  const home = ctx.home ?? ctx.env.HOME;
  const temps = ['/tmp', realOr('/tmp', ctx)];
  const tmpdir = ctx.env.TMPDIR?.replace(/\/+$/, '');
  if (tmpdir?.startsWith('/') && tmpdir !== '/') temps.push(tmpdir, realOr(tmpdir, ctx));
  const projectRoot = realOr(ctx.projectRoot, ctx);
  const projectInTemp =
    temps.some((tmp) => projectRoot.startsWith(`${tmp}/`)) &&
    ctx.fs.stat(`${projectRoot}/.git`) !== undefined;
  places = {
    homes: home === undefined ? [] : [home, realOr(home, ctx)],
    temps,
    projectRoot,
    projectInTemp,
    own: ctx.airlockPaths.map((own) => [own, realOr(own, ctx)]),
  };
  placesCache.set(ctx, places);
  return places;
}

function isHome(path: string, ctx: RecognizeContext): boolean {
  if (placesOf(ctx).homes.includes(path) || path === '/root') return true;
  const parts = path.split('/');
  return parts.length === 3 && (parts[1] === 'home' || parts[1] === 'Users') && parts[2] !== '';
}

function tempDirs(ctx: RecognizeContext): string[] {
  return placesOf(ctx).temps;
}

/**
 * Regenerable only when the real location lies in a rebuildable directory (or is one), or
 * strictly inside the temp dir. `container` says the path is a glob's fixed prefix: the
 * matches lie strictly inside it, so it must itself be within such a directory.
 */
function isRegenerable(path: string, container: boolean, ctx: ClassifyContext): boolean {
  if (path === '/' || isHome(path, ctx)) return false;
  // A git project cloned under /tmp holds real work: its files are not scratch because of where
  // the checkout lives (agents often clone into /tmp). Its node_modules, dist… still are.
  const places = placesOf(ctx);
  // Nor is anything that contains the project itself (`rm -rf ..` from a checkout in /tmp/x).
  if (places.projectInTemp && isWithin(places.projectRoot, path)) return false;
  const inTempProject = places.projectInTemp && isWithin(path, places.projectRoot);
  for (const tmp of tempDirs(ctx)) {
    if (inTempProject) break;
    if (path.startsWith(`${tmp}/`) || (container && path === tmp)) return true;
  }
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) if (ctx.regenerable.includes(parts[i]!)) return true;
  return false;
}

/** Dependency lock files: the package manager writes them again on the next install. */
const lockFiles = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lockb',
  'bun.lock',
  'poetry.lock',
  'Pipfile.lock',
  'uv.lock',
  'Gemfile.lock',
  'composer.lock',
  'Cargo.lock',
]);

function isLockFile(path: string, target: Target): boolean {
  return target.isDirectory !== true && lockFiles.has(path.slice(path.lastIndexOf('/') + 1));
}

/**
 * A project's airlock config (`.airlockrc.yaml`, `.config/airlockrc`, `airlock.config.js`…),
 * wherever it lies: the guard loads it from the working directory upwards, so editing or
 * removing one changes what is guarded.
 */
function isProjectConfig(path: string): boolean {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  if (name.startsWith('.airlockrc') || name.startsWith('airlock.config.')) return true;
  return name.startsWith('airlockrc') && path.slice(0, slash).endsWith('/.config');
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
  // Inside an image build every path is the image's, rebuilt by the next build: none is this
  // machine's system, home, project or airlock's own files.
  if (ctx.imageBuild === true) {
    traits.push('inside-project', 'regenerable');
    return traits;
  }
  if (path === '/') traits.push('root');
  if (isHome(path, ctx)) traits.push('home');
  const places = placesOf(ctx);
  const projectRoot = places.projectRoot;
  const inProject = isWithin(path, projectRoot) || isWithin(path, ctx.projectRoot);
  const inTemp = tempDirs(ctx).some((tmp) => isWithin(path, tmp));
  if (!inProject && !inTemp && systemRoots.some((root) => isWithin(path, root))) traits.push('system');
  if (path === projectRoot || path === ctx.projectRoot)
    traits.push(container ? 'inside-project' : 'project-root');
  else if (inProject) traits.push('inside-project');
  else traits.push('outside-project');
  if (isRegenerable(path, container, ctx) || (inProject && !container && isLockFile(path, target)))
    traits.push('regenerable');
  if (path.split('/').includes('.git')) traits.push('git-metadata');
  if (isProjectConfig(path)) {
    traits.push('airlock');
    return traits;
  }
  for (const [own, real] of places.own) {
    // Inside airlock's files, or a directory that holds them (`rm -rf ~/.config`).
    if (isWithin(path, real) || isWithin(real, path) || isWithin(path, own) || isWithin(own, path)) {
      traits.push('airlock');
      break;
    }
  }
  return traits;
}
