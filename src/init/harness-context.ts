// What the per-harness writers need to know about this machine and this run, and how the
// shim directory is written in each file: portable (relative to the home directory) in
// committed files, absolute only in git-ignored ones (--local).

export interface InitContext {
  root: string;
  /** Machine-specific settings go to git-ignored files, with absolute paths. */
  local: boolean;
  /** Absolute shim directory on this machine. */
  shimDir: string;
  home?: string;
}

export type PathStyle = 'sh' | 'dotenv' | 'vscode';

const homeVariable: Record<PathStyle, string> = {
  sh: '$HOME',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dotenv's own ${VAR} syntax
  dotenv: '${HOME}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: VS Code's own ${env:VAR} syntax
  vscode: '${env:HOME}',
};

/**
 * The shim directory as `style` writes it: absolute with --local; otherwise relative to the
 * home directory, or undefined when it is not under it (nothing portable to commit).
 */
export function shimDirFor(ctx: InitContext, style: PathStyle): string | undefined {
  if (ctx.local) return ctx.shimDir;
  const home = ctx.home?.replace(/\/+$/, '');
  if (home && ctx.shimDir.startsWith(`${home}/`))
    return `${homeVariable[style]}${ctx.shimDir.slice(home.length)}`;
  return undefined;
}

/** The hook command every harness file runs: PATH-resolvable, never a machine path. */
export function hookCommand(harness: string): string {
  return `airlock hook --harness ${harness}`;
}

/** Quotes for a POSIX shell single-quoted word. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
