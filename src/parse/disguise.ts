// Finds characters that make a command read differently from what runs: look-alike letters
// in a program name (full-width ｒｍ, Cyrillic о), and invisible, bidirectional or terminal
// control characters anywhere in a line (a right-to-left override can show `rm -rf /` as
// something harmless; a bare CR or an ANSI escape can paint over what was typed).

import type { Hazard, SimpleCommand } from './command.js';

function describe(code: number): string {
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  if (code === 0x1b) return 'an ANSI escape (ESC)';
  if (code === 0x0d) return 'a bare carriage return';
  if (code < 0x20 || code === 0x7f) return `a control character (U+${hex})`;
  if (
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0x200e ||
    code === 0x200f ||
    code === 0x061c
  ) {
    return `a bidirectional control (U+${hex})`;
  }
  if (
    (code >= 0x200b && code <= 0x200d) ||
    code === 0x2060 ||
    code === 0xfeff ||
    code === 0x00ad ||
    code === 0x180e
  ) {
    return `an invisible character (U+${hex})`;
  }
  if (code >= 0xd800 && code <= 0xdfff) return `a broken surrogate (U+${hex})`;
  return `a non-ASCII character (U+${hex} '${String.fromCodePoint(code)}')`;
}

/** Characters that never belong in a command line typed for a shell. */
function isHiddenInLine(code: number): boolean {
  if (code === 0x09 || code === 0x0a) return false;
  if (code < 0x20 || code === 0x7f) return true;
  return (
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0x200e ||
    code === 0x200f ||
    code === 0x061c ||
    (code >= 0x200b && code <= 0x200d) ||
    code === 0x2060 ||
    code === 0xfeff ||
    code === 0x180e
  );
}

function firstUnusual(text: string, unusual: (code: number) => boolean): number | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (unusual(code)) {
      const full = text.codePointAt(i) ?? code;
      return full;
    }
  }
  return undefined;
}

/** Spaces a shell does not split on, so `rm -rf\u00a0/` reads as two words but runs as one. */
function isLookalikeSpace(code: number): boolean {
  return (
    code === 0x00a0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** A program name is a plain printable-ASCII word; anything else may be a look-alike. */
const unusualInName = (code: number) => code <= 0x20 || code >= 0x7f;

/** Printable ASCII, tabs and newlines only: the line and its raw words hide nothing. */
function isPlainText(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if ((code < 0x20 || code > 0x7e) && code !== 0x09 && code !== 0x0a) return false;
  }
  return true;
}

export function findDisguises(line: string | undefined, commands: readonly SimpleCommand[]): Hazard[] {
  const hazards: Hazard[] = [];
  // Most lines are plain text; program names still get their own check below, since quoting
  // (`$'\u0440m'`) can make a non-ASCII name out of plain text.
  const scanText = line !== undefined && !isPlainText(line);
  if (scanText) {
    const code = firstUnusual(line, isHiddenInLine);
    if (code !== undefined) {
      hazards.push({
        kind: 'disguised',
        reason: `the line contains ${describe(code)}, which can make it display differently from what runs`,
        text: line.length > 200 ? `${line.slice(0, 200)}…` : line,
        span: { start: 0, end: line.length },
      });
    }
  }
  for (const command of commands) {
    if (scanText) {
      // Quoted text may hold any character on purpose; an unquoted look-alike space only deceives.
      const word = command.argv.find(
        (w) => !/^['"$]/.test(w.text) && firstUnusual(w.text, isLookalikeSpace) !== undefined,
      );
      if (word !== undefined) {
        hazards.push({
          kind: 'disguised',
          reason: `the word '${word.text}' contains ${describe(firstUnusual(word.text, isLookalikeSpace) as number)}, which looks like a space but does not separate words`,
          command,
          text: command.text,
          span: command.span,
        });
      }
    }
    const name = command.program;
    if (name === undefined) continue;
    const code = firstUnusual(name, unusualInName);
    if (code === undefined) continue;
    hazards.push({
      kind: 'disguised',
      reason: `the program name '${name}' contains ${describe(code)}: it may imitate another program`,
      command,
      text: command.text,
      span: command.span,
    });
  }
  return hazards;
}
