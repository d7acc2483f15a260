// Makefile recipes: tab-indented lines after a rule, with continuation lines joined as make
// passes them to the shell, the @ - + prefixes stripped, and make's own $(VAR) references
// turned into dynamic shell words (their value is not known until make runs).

import { type ScanCommand, sequentialLines } from './types.js';

/** `$$` → `$`, `$(shell cmd)` → `$(cmd)`, any other `$(…)`/`${…}`/`$@` → a dynamic `${MAKE_…}`. */
export function makeToShell(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '$') {
      out += ch;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i++;
    } else if (next === '(' || next === '{') {
      const close = next === '(' ? ')' : '}';
      let depth = 1;
      let j = i + 2;
      while (j < text.length && depth > 0) {
        if (text[j] === next) depth++;
        else if (text[j] === close) depth--;
        j++;
      }
      const inner = text.slice(i + 2, j - 1);
      if (inner.startsWith('shell ')) out += `$(${inner.slice(6)})`;
      else {
        const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(inner) ? inner : 'EXPR';
        out += `\${MAKE_${name}}`;
      }
      i = j - 1;
    } else if (next !== undefined && /[@<^*?%+|A-Za-z0-9_]/.test(next)) {
      out += `\${MAKE_AUTO}`;
      i++;
    } else out += ch;
  }
  return out;
}

const directive = /^(ifeq|ifneq|ifdef|ifndef|else|endif|include|-include|sinclude)\b/;
/** `target: prereqs`, not `VAR := value`, `VAR ::= value` or `VAR = a:b`. */
function isRuleLine(line: string): boolean {
  if (/^[\s#]/.test(line)) return false;
  const colon = line.indexOf(':');
  if (colon <= 0 || line.slice(0, colon).includes('=')) return false;
  return line[colon + 1] !== '=' && !(line[colon + 1] === ':' && line[colon + 2] === '=');
}

export function extractMake(text: string, file: string, cwd: string): ScanCommand[] {
  const lines = text.split('\n');
  const out: ScanCommand[] = [];
  let inRecipe = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.startsWith('\t')) {
      if (!inRecipe) continue;
      const first = i + 1;
      const parts = [line.slice(1)];
      while (parts[parts.length - 1]!.endsWith('\\') && i + 1 < lines.length) {
        i++;
        parts.push(lines[i]!.replace(/\r$/, '').replace(/^\t/, ''));
      }
      const joined = parts.join('\n').replace(/^[@+\-\s]+/, '');
      if (joined.trim() === '' || joined.trimStart().startsWith('#')) continue;
      const shell = makeToShell(joined);
      out.push({ source: 'make', file, text: shell, lines: sequentialLines(first, shell), cwd });
      continue;
    }
    if (line.trim() === '' || line.startsWith('#') || directive.test(line.trim())) continue;
    const isRule = isRuleLine(line);
    inRecipe = isRule;
    if (isRule) {
      const semicolon = line.indexOf(';', line.indexOf(':'));
      if (semicolon !== -1 && line.slice(semicolon + 1).trim() !== '') {
        const shell = makeToShell(
          line
            .slice(semicolon + 1)
            .trim()
            .replace(/^[@+-]+/, ''),
        );
        out.push({ source: 'make', file, text: shell, lines: [i + 1], cwd });
      }
    }
  }
  return out;
}
