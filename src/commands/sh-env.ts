// Keeps airlock's shims first in PATH inside `airlock sh -lc`: a login bash runs /etc/profile,
// which on Debian and Ubuntu sets PATH from scratch, so a PATH prefix alone would be lost and
// commands built at run time would skip the shims. bash reads BASH_ENV after its startup files
// in every non-interactive shell, login or not; this file, named there, puts the shims back.

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Silent under -x: the group's own trace goes to /dev/null, and tracing pauses (untraced) while
 * the caller's own BASH_ENV, if any, runs, since `if` and `.` would be traced.
 */
const script = `# airlock sh: puts airlock's shims first in PATH after bash's startup files, then runs
# the caller's own BASH_ENV, if any. Written by airlock; rewritten when it differs.
{ case ":$PATH:" in ":$AIRLOCK_SH_SHIMS:"*) ;; *) PATH="$AIRLOCK_SH_SHIMS:$PATH" ;; esac
  if [ -n "\${AIRLOCK_SH_BASH_ENV+x}" ]; then BASH_ENV=$AIRLOCK_SH_BASH_ENV; else unset BASH_ENV; fi
  unset AIRLOCK_SH_SHIMS AIRLOCK_SH_BASH_ENV
  case $- in *x*) set +x; AIRLOCK_SH_X=1 ;; *) AIRLOCK_SH_X= ;; esac; } 2>/dev/null
if [ -n "\${BASH_ENV:-}" ]; then . "$BASH_ENV"; fi
if [ -n "$AIRLOCK_SH_X" ]; then unset AIRLOCK_SH_X; set -x; else unset AIRLOCK_SH_X; fi
`;

/** Writes the hook file when it is missing or stale; returns its path, or undefined on failure. */
function ensureHookFile(dataDir: string): string | undefined {
  const file = join(dataDir, 'sh-env.bash');
  try {
    if (readFileSync(file, 'utf8') === script) return file;
  } catch {
    // Missing: written below.
  }
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, script, { mode: 0o644 });
    renameSync(temporary, file);
    return file;
  } catch {
    return undefined;
  }
}

/**
 * Variables that make a non-interactive bash put `shimDir` first in PATH after its startup files.
 * Interactive shells never read BASH_ENV, and -v would echo the file: both get none.
 */
export function shimsAfterStartup(
  env: NodeJS.ProcessEnv,
  options: { shimDir: string; dataDir: string; interactive: boolean; verbose: boolean },
): NodeJS.ProcessEnv {
  if (options.interactive || options.verbose) return {};
  const file = ensureHookFile(options.dataDir);
  if (file === undefined) return {};
  const vars: NodeJS.ProcessEnv = { BASH_ENV: file, AIRLOCK_SH_SHIMS: options.shimDir };
  if (env.BASH_ENV !== undefined) vars.AIRLOCK_SH_BASH_ENV = env.BASH_ENV;
  return vars;
}
