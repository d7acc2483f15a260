// The one line a person adds to their shell profile to put airlock's shims first in PATH.

/** Quotes for inside "…" in sh-family shells: only \ " $ ` are special there. */
function doubleQuoted(text: string): string {
  let out = '"';
  for (const ch of text) out += ch === '\\' || ch === '"' || ch === '$' || ch === '`' ? `\\${ch}` : ch;
  return `${out}"`;
}

/** Quotes for fish, whose single quotes only treat \ and ' specially. */
function fishQuoted(text: string): string {
  let out = "'";
  for (const ch of text) out += ch === '\\' || ch === "'" ? `\\${ch}` : ch;
  return `${out}'`;
}

/** Drops a trailing "$PATH"-closing quote so the directory and "$PATH" share one quoted word. */
function withPathSuffix(quotedDir: string, suffix: string): string {
  return `${quotedDir.slice(0, -1)}${suffix}"`;
}

/**
 * The profile line for `shell` (a name or a path such as /usr/bin/zsh): sh, bash, zsh, ksh and
 * dash get `export PATH="DIR:$PATH"`, fish gets fish_add_path (which moves the directory to the
 * front if it is already there). Anything else gets the POSIX form.
 */
export function shimPathLine(dir: string, shell: string): string {
  const name = shell.slice(shell.lastIndexOf('/') + 1);
  if (name === 'fish') return `fish_add_path --path --move --prepend ${fishQuoted(dir)}`;
  return `export PATH=${withPathSuffix(doubleQuoted(dir), ':$PATH')}`;
}
