// Shells and interpreters that read their program from standard input: what feeds them
// decides whether the code that runs can be seen at all (`curl … | sh`, `base64 -d | sh`).

import type { ArgWord, Hazard, SimpleCommand } from '../parse/command.js';
import type { Invocation, Recognition, RecognizeContext, Recognizer } from './invocation.js';
import { makeInvocation } from './make-invocation.js';

const shells = ['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'fish', 'busybox'];
const interpreters = ['python', 'python2', 'python3', 'perl', 'ruby', 'node', 'php', 'pwsh'];

const downloaders = new Set(['curl', 'wget', 'fetch', 'http', 'https', 'xh', 'aria2c', 'lwp-request', 'GET']);

function valuesOf(command: SimpleCommand): string[] {
  return command.argv.slice(1).map((w) => w.value ?? '');
}

/** True when a pipeline stage turns encoded text back into something runnable. */
function decodes(command: SimpleCommand): boolean {
  const args = valuesOf(command);
  const shortHas = (letter: string) => args.some((a) => /^-[a-zA-Z]+$/.test(a) && a.includes(letter));
  switch (command.program) {
    case 'base64':
    case 'base32':
    case 'basenc':
      return args.includes('--decode') || shortHas('d') || shortHas('D');
    case 'xxd':
      return args.includes('-revert') || shortHas('r');
    case 'openssl':
      return (args[0] === 'enc' || args[0] === 'base64') && args.includes('-d');
    case 'uudecode':
      return true;
    default:
      return false;
  }
}

/** Whether this shell or interpreter takes its program from standard input. */
function readsCodeFromStdin(program: string, args: readonly ArgWord[]): boolean {
  const isShell = shells.includes(program);
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === undefined) return false;
    if (v === '-' || v === '--') return true;
    if (isShell && (v === '-o' || v === '+o' || v === '--rcfile' || v === '--init-file')) {
      i++;
      continue;
    }
    if (v.startsWith('--')) {
      if (v === '--eval' || v === '--print' || v === '--command') return false;
      continue;
    }
    if (v.startsWith('-') || (isShell && v.startsWith('+'))) {
      const letters = v.slice(1);
      if (isShell) {
        if (letters.includes('s')) return true;
        if (letters.includes('c')) return false;
      } else if (/[cmeEprW]/.test(letters[0] ?? '')) return false;
      continue;
    }
    // A script file (or, for busybox, an applet name) is the program.
    return false;
  }
  return true;
}

function recognizeShell(command: SimpleCommand, _ctx: RecognizeContext): Recognition {
  const program = command.program ?? 'sh';
  const facts: Record<string, boolean> = {};
  const stdin = command.stdin;
  if (stdin !== undefined && readsCodeFromStdin(program, command.argv.slice(1))) {
    facts['stdin.code'] = true;
    if (stdin.kind === 'pipe') {
      facts['stdin.remote-code'] = stdin.from.some(
        (c) => c.program !== undefined && downloaders.has(c.program),
      );
      facts['stdin.decoded-code'] = stdin.from.some(decodes);
    } else if (stdin.kind === 'heredoc' || stdin.kind === 'herestring') {
      facts['stdin.dynamic-code'] = stdin.text === undefined;
    }
  }
  const tool = shells.includes(program) ? 'sh' : 'interpreter';
  return {
    invocations: [makeInvocation(command, { tool, positionals: valuesOf(command), facts })],
  };
}

export const shellRecognizer: Recognizer = {
  programs: [...shells, ...interpreters],
  recognize: recognizeShell,
};

/** A parse-stage hazard (fork bomb, dynamic command, eval of dynamic text) as a `shell` invocation. */
export function hazardInvocation(hazard: Hazard): Invocation {
  const command: SimpleCommand = hazard.command ?? {
    argv: [],
    env: {},
    redirects: [],
    wrappers: [],
    origin: [{ kind: 'line' }],
    context: [],
    span: hazard.span,
    text: hazard.text,
  };
  return {
    tool: 'shell',
    program: 'shell',
    subcommand: [hazard.kind],
    flags: {},
    positionals: [],
    targets: [],
    envHints: [],
    facts: { [`hazard.${hazard.kind}`]: true },
    unknowns: [],
    command,
  };
}
