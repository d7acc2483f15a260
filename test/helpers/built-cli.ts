// The CLI as `npm run build` made it (npm test builds first): tests drive the real launcher,
// boot loader and bundle, never a copy bundled their own way.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface BuiltCli {
  /** The repository root (bin/ and dist/ live there). */
  dir: string;
  launcher: string;
  /** Nothing to remove: the build belongs to the repository. */
  remove(): void;
}

export function builtCli(): BuiltCli {
  const launcher = join(repoRoot, 'bin', 'airlock');
  if (
    !existsSync(join(repoRoot, 'dist', 'airlock.cjs')) ||
    !existsSync(join(repoRoot, 'dist', 'airlock-main.cjs'))
  ) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  }
  return { dir: repoRoot, launcher, remove: () => {} };
}
