// Dockerfile RUN instructions: shell form with continuation lines (comment lines inside a
// continuation dropped, as Docker does), exec form (a JSON argv), heredocs (RUN <<EOF), and
// the escape directive. A SHELL instruction naming a non-POSIX shell stops shell-form judging.
// Each RUN runs inside the image being built, in the directory the last WORKDIR names (`/`
// before any), which is where scan judges it (see judge.ts).

import type { ScanCommand } from './types.js';

const posixShells = /(^|\/)(sh|bash|dash|ash|ksh|zsh)$/;

/** `dir` taken from `base` the way a WORKDIR is: absolute replaces, relative appends. */
function posixJoin(base: string, dir: string): string {
  const joined = dir.startsWith('/') ? dir : `${base.replace(/\/$/, '')}/${dir}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

function stripRunFlags(body: string): string {
  let rest = body.trimStart();
  while (rest.startsWith('--')) {
    const space = rest.search(/\s/);
    rest = space === -1 ? '' : rest.slice(space).trimStart();
  }
  return rest;
}

function parseArgv(text: string): string[] | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
  } catch {
    return undefined;
  }
}

export function extractDockerfile(text: string, file: string): ScanCommand[] {
  let cwd = '/';
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  let escapeChar = '\\';
  for (const line of lines) {
    const directive = /^#\s*escape\s*=\s*(\S)/i.exec(line);
    if (directive) escapeChar = directive[1]!;
    if (!line.startsWith('#')) break;
  }
  const out: ScanCommand[] = [];
  let posix = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*#/.test(line) || line.trim() === '') continue;
    // Gather one instruction: continuation lines, minus comment lines inside it.
    const parts = [{ text: line, line: i + 1 }];
    while (parts[parts.length - 1]!.text.trimEnd().endsWith(escapeChar) && i + 1 < lines.length) {
      i++;
      if (/^\s*#/.test(lines[i]!) || lines[i]!.trim() === '') continue;
      parts.push({ text: lines[i]!, line: i + 1 });
    }
    const match = /^\s*(\w+)\s+/.exec(parts[0]!.text);
    const instruction = match?.[1]?.toUpperCase();
    if (instruction === 'SHELL') {
      const argv = parseArgv(
        parts
          .map((p) => p.text)
          .join(' ')
          .trim()
          .slice(match![0].length),
      );
      posix = argv !== undefined && argv[0] !== undefined && posixShells.test(argv[0]);
      continue;
    }
    if (instruction === 'WORKDIR') {
      const dir = parts[0]!.text
        .slice(match![0].length)
        .trim()
        .replace(/^["']|["']$/g, '');
      // A variable in it (`WORKDIR $APP`) is not known here: the directory stays what it was.
      if (dir !== '' && !dir.includes('$')) cwd = posixJoin(cwd, dir);
      continue;
    }
    if (instruction !== 'RUN') continue;
    parts[0] = { text: stripRunFlags(parts[0]!.text.slice(match![0].length)), line: parts[0]!.line };
    const first = parts[0]!.text;
    const heredoc = /^<<(-?)["']?([A-Za-z_][A-Za-z0-9_]*)["']?\s*$/.exec(first.trim());
    if (heredoc) {
      const body: string[] = [];
      const bodyLines: number[] = [];
      while (i + 1 < lines.length) {
        i++;
        const l = lines[i]!;
        if ((heredoc[1] ? l.trim() : l) === heredoc[2]) break;
        body.push(l);
        bodyLines.push(i + 1);
      }
      if (posix && body.length > 0)
        out.push({ source: 'docker', file, text: body.join('\n'), lines: bodyLines, cwd });
      continue;
    }
    if (first.trimStart().startsWith('[')) {
      const argv = parseArgv(
        parts.map((p) => p.text.trimEnd().replace(new RegExp(`\\${escapeChar}$`), '')).join(' '),
      );
      if (argv !== undefined && argv.length > 0) {
        out.push({ source: 'docker', file, text: argv.join(' '), argv, lines: [parts[0]!.line], cwd });
        continue;
      }
    }
    if (!posix) continue;
    const shellText = parts
      .map((p) => (escapeChar === '\\' ? p.text : p.text.replace(new RegExp(`\\${escapeChar}\\s*$`), '\\')))
      .join('\n');
    out.push({ source: 'docker', file, text: shellText, lines: parts.map((p) => p.line), cwd });
  }
  return out;
}
