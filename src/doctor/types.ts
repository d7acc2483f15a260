// What `airlock doctor` reports: findings about what an agent started here could destroy,
// each with where it is and how to fix it. Never a secret: only kinds, names and locations.

export type Severity = 'high' | 'medium' | 'low' | 'info';

export type Area = 'credentials' | 'path' | 'harness' | 'recovery';

export interface DoctorFinding {
  area: Area;
  /** What was found (`aws-credentials`, `kube-context`, `shim-bypass`…). */
  kind: string;
  severity: Severity;
  /** Where: a file (with `~` for the home directory) or `environment VAR`. */
  location: string;
  /** One line for a person: names and environments, never secret values. */
  detail: string;
  /** The environment the credential reaches, when it can be told. */
  environment?: string;
  fix?: string;
}

export interface DoctorInput {
  env: Readonly<Record<string, string | undefined>>;
  /** The project directory. */
  root: string;
  home?: string;
  shimDir: string;
  trashDir: string;
  launcherPaths: readonly string[];
  /** Programs the packs guard (the ones the shims stand in front of). */
  guarded: readonly string[];
  policy: import('../decide/policy.js').Policy;
}

/** `~/.aws/credentials` rather than the full home path, in every location shown. */
export function showPath(path: string, home: string | undefined): string {
  if (home && (path === home || path.startsWith(`${home}/`))) return `~${path.slice(home.length)}`;
  return path;
}
