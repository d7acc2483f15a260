// A small INI reader for the config files cloud CLIs keep (~/.aws/config, gcloud
// configurations): sections of `key = value`, comments, and nothing more.

export type IniSections = Map<string, Map<string, string>>;

/**
 * Sections by name (`profile prod`, `core`). Indented lines continue a nested block
 * (`s3 =\n  max_concurrent_requests = 20` in aws config) and are skipped.
 */
export function parseIni(text: string): IniSections {
  const sections: IniSections = new Map();
  let current: Map<string, string> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
      const name = trimmed.slice(1, -1).trim().replace(/\s+/g, ' ');
      current = sections.get(name);
      if (current === undefined) {
        current = new Map();
        sections.set(name, current);
      }
      continue;
    }
    if (current === undefined || line.startsWith(' ') || line.startsWith('\t')) continue;
    const eq = trimmed.indexOf('=');
    if (eq === -1) continue;
    current.set(trimmed.slice(0, eq).trim().toLowerCase(), trimmed.slice(eq + 1).trim());
  }
  return sections;
}

/** Config files are small; anything larger than this is not one. */
export const CONFIG_FILE_LIMIT = 256 * 1024;
