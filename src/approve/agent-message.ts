// The messages an agent reads on stderr while its command waits in the queue: what was
// stopped and why, who can approve it, and what the agent must (not) do meanwhile. Plain text:
// agents read it as it is, and a colour code would only be noise in their context.

import type { Verdict } from '../decide/verdict.js';

const shorten = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}…` : text);

function findingLines(verdict: Verdict): string[] {
  const out: string[] = [];
  for (const f of verdict.findings) {
    if (f.decision === 'allow') continue;
    const where = f.environment.value ? `${f.environment.name}: ${f.environment.value}` : f.environment.name;
    out.push(`  ${f.rule} (${f.effect}, ${where}): ${f.reason}`);
  }
  for (const u of verdict.unknowns) out.push(`  cannot be known before it runs: ${u.reason}`);
  return out;
}

export interface QueuedMessage {
  requestId: number;
  command: string;
  verdict: Verdict;
  /** Seconds airlock waits; 0 = it does not wait. */
  waitSeconds: number;
}

export function queuedMessage(m: QueuedMessage): string {
  const out = [
    `airlock: stopped, needs a person's approval (request ${m.requestId}): ${shorten(m.command, 200)}`,
    ...findingLines(m.verdict),
    `  A person must approve request ${m.requestId} from their own terminal: airlock approve ${m.requestId}`,
    '  (or in airlock inbox). You cannot approve it yourself.',
    '  Do not try another way to do the same thing (another command, a script, a different path or tool).',
  ];
  if (m.waitSeconds > 0) {
    out.push(
      `  Waiting up to ${m.waitSeconds} s: if it is approved in that time, airlock runs it right away.`,
      '  Otherwise tell the person what you want to run and why, and after they approve it,',
      '  re-run exactly the same command from the same directory.',
    );
  } else {
    out.push(
      '  Not waiting. Tell the person what you want to run and why; after they approve it,',
      '  re-run exactly the same command from the same directory.',
    );
  }
  return `${out.join('\n')}\n`;
}

export function deniedMessage(requestId: number, by: string | null, reason: string | null): string {
  const who = by ? ` by ${by}` : '';
  const why = reason ? `: ${reason}` : ' (no reason given)';
  return (
    `airlock: request ${requestId} was denied${who}${why}. Not run.\n` +
    '  Do not retry it or do the same another way; ask the person what to do instead.\n'
  );
}

export function deniedAtPromptMessage(by: string): string {
  return `airlock: denied by ${by} at the prompt; not run.\n`;
}

export function timedOutMessage(requestId: number, waitSeconds: number): string {
  return (
    `airlock: no decision on request ${requestId} within ${waitSeconds} s; not run.\n` +
    `  The request stays pending. Once a person approves it (airlock approve ${requestId}),\n` +
    '  re-run exactly the same command from the same directory. Do not work around it.\n'
  );
}

export function notRunnableMessage(requestId: number, status: string): string {
  return (
    `airlock: request ${requestId} is ${status} and its approval can no longer be used; not run.\n` +
    '  Re-run the same command to ask again.\n'
  );
}

export function storeUnavailableMessage(message: string, path: string): string {
  return (
    `airlock: not run: the approval queue cannot be used (${message}).\n` +
    `  Nothing that needs approval runs until it can be recorded. Check ${path}, then run 'airlock verify'.\n`
  );
}
