// Shell scripts (judged whole, so `cd` and variables carry from line to line) and
// package.json scripts (each with the line of its key).

import { type ScanCommand, sequentialLines } from './types.js';

export function extractShellScript(text: string, file: string, cwd: string): ScanCommand[] {
  return [{ source: 'shell', file, text, lines: sequentialLines(1, text), cwd }];
}

/** The line of `"name"` as a key inside the scripts object, found by scanning the text. */
function keyLine(text: string, from: number, name: string): number {
  const needle = `${JSON.stringify(name)}`;
  let at = text.indexOf(needle, from);
  while (at !== -1) {
    const after = text.slice(at + needle.length).trimStart();
    if (after.startsWith(':')) break;
    at = text.indexOf(needle, at + 1);
  }
  const offset = at === -1 ? from : at;
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function extractPackageScripts(
  text: string,
  file: string,
  cwd: string,
): { commands: ScanCommand[]; problem?: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { commands: [], problem: `${file}: not valid JSON (${(error as Error).message})` };
  }
  const scripts = (data as { scripts?: unknown } | null)?.scripts;
  if (scripts === null || typeof scripts !== 'object') return { commands: [] };
  const from = Math.max(0, text.indexOf('"scripts"'));
  const commands: ScanCommand[] = [];
  for (const [name, value] of Object.entries(scripts as Record<string, unknown>)) {
    if (typeof value !== 'string' || value.trim() === '') continue;
    commands.push({ source: 'npm', file, text: value, lines: [keyLine(text, from, name)], cwd });
  }
  return { commands };
}
