// Which environment the text around a name suggests: path segments and file-name parts
// (`.env.production`, `overlays/prod`), or the words on the line it was found on.

import { environmentOfName, strictness } from '../decide/environment.js';
import { defaultPolicy, type Policy } from '../decide/policy.js';
import type { Source } from './detect-types.js';

type Context = NonNullable<Source['context']>;

/** The strictest environment any word of `text` names, split at separators. */
export function environmentOfWords(text: string, policy: Policy = defaultPolicy): Context | undefined {
  let best: Context | undefined;
  for (const word of text.split(/[\s/.,:;=_"'`()[\]{}-]+/)) {
    if (word === '' || word.length > 64) continue;
    // Only the plain names count here: wildcard patterns (kind-*) are about whole names.
    const env = environmentOfName(word, { ...policy, environments: { ...policy.environments, local: [] } });
    if (env === undefined || env === 'unknown') continue;
    if (best === undefined || strictness[env] > strictness[best]) best = env;
  }
  return best;
}

export function contextOf(file: string, lineText?: string): Context | undefined {
  const fromPath = environmentOfWords(file);
  const fromLine = lineText === undefined ? undefined : environmentOfWords(lineText);
  if (fromPath === undefined) return fromLine;
  if (fromLine === undefined) return fromPath;
  return strictness[fromLine] > strictness[fromPath] ? fromLine : fromPath;
}
