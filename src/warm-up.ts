// Before the boot loader writes a start-up code cache for lines (src/boot.ts), the run's own
// path is joined by one line that needs approval, judged and answered as check and the hook
// answer it. A cache written by an allowed line alone left the approval path compiling on every
// start: the hook's answer to `git push --force` took 1.62x of node's start with it, 1.57x with
// this path in the cache. Pure: reads files, writes and runs nothing.

import { buildRunContext, callerEnv } from './commands/context.js';
import { renderVerdictText, verdictJson } from './commands/render-verdict.js';
import { plainStyle } from './commands/style.js';
import { evaluateLine } from './decide/evaluate.js';
import { dialects } from './hook/dialects/index.js';
import { askMessage } from './hook/messages.js';

/** `kind`: the boot loader's cache kind; only line runs (check, sh, hook) are warmed. */
export function warmUp(kind: string): void {
  if (kind !== '') return;
  const ctx = buildRunContext(callerEnv(process.env), process.cwd());
  const line = 'git push --force origin main';
  const verdict = evaluateLine(line, ctx.options);
  renderVerdictText(line, verdict, plainStyle);
  JSON.stringify(verdictJson(verdict));
  dialects['claude-code'].answer({ kind: 'ask', reason: askMessage(verdict) });
}
