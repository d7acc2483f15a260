// The message printed when airlock does not run a command: what was stopped, why, and
// what to do next, written for whoever is asking (a person, or an agent).

import type { Actor } from '../approve/actor.js';
import type { Verdict } from '../decide/verdict.js';
import { styleFor } from './style.js';

export function renderRefusal(
  subject: string,
  verdict: Verdict,
  actor: Actor,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const style = styleFor(process.stderr, env);
  const out: string[] = [];
  const shown = subject.length > 200 ? `${subject.slice(0, 200)}…` : subject;
  if (verdict.decision === 'deny') {
    out.push(`${style.red(style.bold('airlock: refused'))}: ${shown}`);
  } else {
    out.push(`${style.yellow(style.bold('airlock: needs approval, not run'))}: ${shown}`);
  }
  for (const f of verdict.findings) {
    if (f.decision === 'allow') continue;
    out.push(`  ${f.rule} (${f.effect}, ${f.environment.name}): ${f.reason}`);
    for (const alt of f.alternatives) out.push(`    instead: ${alt}`);
  }
  for (const u of verdict.unknowns) out.push(`  cannot be known before it runs: ${u.reason}`);
  if (verdict.decision === 'deny') {
    out.push('  This is refused by policy and cannot be approved here.');
  } else if (actor.kind === 'agent') {
    out.push('  A person must approve this command. Do not try another way to do the same thing;');
    out.push('  stop and tell the person what you wanted to run and why.');
  } else {
    out.push(`  See why: airlock check '${subject.replace(/'/g, `'\\''`)}'`);
  }
  return `${out.join('\n')}\n`;
}
