// dd: `of=` is what gets overwritten (a device or a file), `if=` is only read.

import type { SimpleCommand } from '../parse/command.js';
import type { Recognition, RecognizeContext, Recognizer, Target } from './invocation.js';
import { makeInvocation } from './make-invocation.js';
import { isWholeDisk, pathTarget } from './paths.js';

function recognizeDd(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  const flags: Record<string, string[]> = {};
  const targets: Target[] = [];
  const unknowns: string[] = [];
  for (const word of command.argv.slice(1)) {
    if (word.value === undefined) {
      unknowns.push(`dd operand ${word.text} is not known before it runs`);
      continue;
    }
    if (word.value === '--help' || word.value === '--version') {
      flags[word.value.slice(2)] = [''];
      continue;
    }
    const eq = word.value.indexOf('=');
    if (eq === -1) continue;
    const key = word.value.slice(0, eq);
    const value = word.value.slice(eq + 1);
    flags[key] = [...(flags[key] ?? []), value];
    // `if=` is only read; the target is what `of=` overwrites.
    if (key === 'of') targets.push(pathTarget({ ...word, value, text: value }, command, ctx));
  }
  const conv = (flags.conv ?? []).join(',').split(',');
  const out = targets[0];
  return {
    invocations: [
      makeInvocation(command, {
        tool: 'dd',
        flags,
        targets,
        unknowns,
        facts: {
          'dd.writes': out !== undefined,
          'dd.notrunc': conv.includes('notrunc'),
          'dd.device': out?.kind === 'device',
          'whole-disk': out?.resolved !== undefined && isWholeDisk(out.resolved),
        },
      }),
    ],
  };
}

export const ddRecognizer: Recognizer = { programs: ['dd'], recognize: recognizeDd };
