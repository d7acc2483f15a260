// What the agent (and the person beside it) reads in the harness when airlock stops a
// command: what happened, why, and what to do next. Plain text, one paragraph.

import type { Verdict } from '../decide/verdict.js';

const shorten = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}…` : text);

function why(verdict: Verdict): string {
  const reasons = verdict.reasons.length > 0 ? verdict.reasons : ['no reason recorded'];
  return shorten(reasons.join('; '), 1000);
}

export function refusedMessage(verdict: Verdict): string {
  return (
    `airlock refused this command: ${why(verdict)}. It is refused by policy and cannot be approved; ` +
    'do not try another way to do the same thing.'
  );
}

export function askMessage(verdict: Verdict): string {
  return `airlock: this command needs a person's approval: ${why(verdict)}.`;
}

export function queuedMessage(verdict: Verdict, requestId: number): string {
  return (
    `airlock: this command needs a person's approval (request ${requestId}): ${why(verdict)}. ` +
    `A person must approve it from their own terminal with 'airlock approve ${requestId}' ` +
    `(or in 'airlock inbox'); you cannot approve it yourself. Stop here, tell the person what ` +
    'you want to run and why, wait for them to approve it, then re-run exactly the same command ' +
    'from the same directory. Do not try another way to do the same thing.'
  );
}

export function queueUnavailableMessage(verdict: Verdict, problem: string): string {
  return (
    `airlock: this command needs a person's approval (${why(verdict)}), but the approval queue ` +
    `cannot be used (${problem}). Not run; tell the person.`
  );
}

export function auditUnavailableMessage(problem: string): string {
  return (
    `airlock: the audit log cannot be written (${problem}), and commands that change anything run ` +
    "only when they can be recorded. Not run; tell the person ('airlock verify' shows the problem)."
  );
}

export function unreadableMessage(harness: string, reason: string): string {
  return (
    `airlock blocked this ${harness} tool call because it could not read the hook payload (${reason}). ` +
    "Check the hook configuration ('airlock hook --help')."
  );
}
