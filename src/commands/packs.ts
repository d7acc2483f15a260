// The rule packs a run uses: the built-in ones compiled into the bundle, or read from
// rules/ when running from source (tests), plus any the config names.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPackFiles } from '../classify/load-packs.js';
import type { Pack, PackProblem } from '../classify/rule.js';

declare const __AIRLOCK_PACKS__: EmbeddedPack[] | undefined;

let builtIn: Pack[] | undefined;

/**
 * A built-in pack as the build embeds it: its rules as JSON text (the full bundle), or the
 * file beside the bundle that holds them (the start-up bundle), parsed on first use.
 */
export interface EmbeddedPack extends Omit<Pack, 'rules'> {
  ruleTools: string[];
  rulesJson?: string;
  rulesFile?: string;
}

function rulesText(pack: EmbeddedPack): string {
  if (pack.rulesJson !== undefined) return pack.rulesJson;
  // The bundle runs as CommonJS: its own directory, without building a URL (~0.4 ms).
  const file = join(__dirname, pack.rulesFile ?? '');
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `the rules of the built-in pack ${pack.name} (${file}) cannot be read: ${(error as Error).message}; reinstall airlock`,
    );
  }
}

function fromEmbedded(embedded: EmbeddedPack): Pack {
  const { rulesJson: _json, rulesFile: _file, ...pack } = embedded;
  let rules: Pack['rules'] | undefined;
  return Object.defineProperty(pack as Pack, 'rules', {
    enumerable: true,
    get: () => (rules ??= JSON.parse(rulesText(embedded)) as Pack['rules']),
  });
}

export function builtInPacks(): Pack[] {
  if (builtIn !== undefined) return builtIn;
  if (typeof __AIRLOCK_PACKS__ !== 'undefined') {
    // Most commands involve one tool: only its pack's rules are read and parsed (classify.ts).
    builtIn = __AIRLOCK_PACKS__.map(fromEmbedded);
  } else {
    const rulesDir = new URL('../../rules/', import.meta.url).pathname;
    const files = readdirSync(rulesDir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => join(rulesDir, f));
    const { packs, problems } = loadPackFiles(files);
    if (problems.length > 0) throw new Error(`built-in rule packs have problems: ${problems[0]?.message}`);
    builtIn = packs;
  }
  return builtIn as Pack[];
}

/**
 * Built-in packs plus user and project packs. A rule with problems is left out (it cannot be
 * trusted to mean what it says), and each problem is printed on stderr, so a rule someone
 * added never silently fails to apply.
 */
export function allPacks(extraFiles: readonly string[]): { packs: Pack[]; problems: PackProblem[] } {
  if (extraFiles.length === 0) return { packs: builtInPacks(), problems: [] };
  const extra = loadPackFiles([...extraFiles]);
  for (const p of extra.problems) {
    process.stderr.write(
      `airlock: rule pack ${p.file}${p.line ? `:${p.line}` : ''}${p.rule ? ` (${p.rule})` : ''}: ${p.message}; ${p.fix}. ` +
        `that rule is not applied; check the pack with: airlock rules test ${p.file}\n`,
    );
  }
  return { packs: [...builtInPacks(), ...extra.packs], problems: extra.problems };
}
