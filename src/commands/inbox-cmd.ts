// `airlock inbox`: the approval queue on the person's own terminal, live. A person only: an
// agent that could open it could approve its own requests.

import type { Command } from 'commander';
import { detectActor } from '../approve/actor.js';
import { personName } from '../approve/ask.js';
import { queueSource } from '../approve/inbox/queue-source.js';
import { colorEnabled } from '../approve/ui/color.js';
import { loadUi } from '../approve/ui/load-ui.js';
import { appendAudit } from '../audit/append.js';
import { closeStore, openStore } from '../audit/store.js';
import { loadConfig } from '../config/load.js';
import { airlockDirs } from '../config/paths.js';
import { parseDuration } from '../config/units.js';
import { exitCodes } from '../exec/exit-codes.js';
import { callerEnv } from './context.js';

type SetCode = (code: number) => void;

export const inboxHelp = `Opens the list of requests agents are waiting on, newest first, and keeps it current.
Keys: ↑↓ or j/k move, Enter details, a approve (type the name for production), d deny, q quit.
A bell rings when a new request arrives. Needs a terminal, and a person: agents are refused.`;

export async function runInbox(env: NodeJS.ProcessEnv, pollMs = 1000): Promise<number> {
  const caller = callerEnv(env);
  const config = loadConfig({ cwd: process.cwd(), env: caller }).config;
  const actor = detectActor(caller);
  const store = openStore(airlockDirs(caller).state, { sign: config.audit.key });
  try {
    if (actor.kind !== 'human') {
      appendAudit(store, {
        actorKind: actor.kind,
        agent: actor.agent,
        modeReason: actor.reason,
        entry: 'cli',
        argv: ['airlock', 'inbox'],
        step: 'refused',
        ruleIds: ['self/approve'],
        decision: 'deny',
        note: `inbox needs a person: refused in agent mode (${actor.reason})`,
      });
      process.stderr.write(
        `airlock inbox: refused: the inbox is for a person, and this looks like an agent (${actor.reason}).\n` +
          `  Approvals must come from outside the agent. Ask the person to run 'airlock inbox' in their own terminal.\n` +
          `  This attempt was recorded.\n`,
      );
      return exitCodes.refused;
    }
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      process.stderr.write("airlock inbox: needs a terminal; for scripts use 'airlock pending --json'.\n");
      return exitCodes.usage;
    }
    const ttlText = config.approval.grantTtl;
    const source = queueSource({
      store,
      actor,
      by: personName(caller),
      grantTtl: { ms: parseDuration(ttlText) ?? 15 * 60_000, text: ttlText },
    });
    const ui = await loadUi();
    await ui.runInboxScreen({
      source,
      stdin: process.stdin,
      stdout: process.stdout,
      color: colorEnabled(caller),
      env: caller,
      pollMs,
    });
    return exitCodes.ok;
  } finally {
    closeStore(store);
  }
}

export function registerInbox(program: Command, env: NodeJS.ProcessEnv, setCode: SetCode): void {
  program
    .command('inbox')
    .description('the requests agents are waiting on, live: approve or deny by key (a person only)')
    .addHelpText('after', `\n${inboxHelp}`)
    .action(async () => setCode(await runInbox(env)));
}
