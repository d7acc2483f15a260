// docker compose (and docker-compose, podman compose): the verb, whether `down`/`rm`
// deletes volumes, and the commands `exec`/`run` start inside a service's container.

import { once } from '../once.js';
import type { ArgWord, SimpleCommand } from '../parse/command.js';
import { type ArgvSpec, hasFlag, type OptionSpec, parseArgv } from './argv.js';
import type { EngineTarget } from './docker-env.js';
import { engineHints } from './docker-env.js';
import type { FactValue, Recognition } from './invocation.js';
import { innerCommands } from './kubectl-inner.js';
import { makeInvocation } from './make-invocation.js';

/** compose's argv table, built on first use: start-up time a command without compose never needs. */
const composeTables = once(() => {
  const req = { value: 'required' } as const;

  const globalOptions: Record<string, OptionSpec> = {
    help: {},
    file: { short: 'f', ...req },
    'project-name': { short: 'p', ...req },
    'project-directory': req,
    'env-file': req,
    profile: req,
    ansi: req,
    progress: req,
    parallel: req,
    compatibility: {},
    'dry-run': {},
    'all-resources': {},
  };

  const verb = (options: Record<string, OptionSpec>, optionsAfterPositionals = true): ArgvSpec => ({
    abbreviations: false,
    optionsAfterPositionals,
    options: { help: {}, ...options },
  });

  const inside = {
    detach: { short: 'd' },
    env: { short: 'e', ...req },
    user: { short: 'u', ...req },
    workdir: { short: 'w', ...req },
    'no-TTY': { short: 'T' },
    index: req,
    privileged: {},
  };

  const common = verb({
    timeout: { short: 't', ...req },
    follow: { short: 'f' },
    tail: { short: 'n', ...req },
    since: req,
    until: req,
  });

  const composeSpec: ArgvSpec = {
    abbreviations: false,
    options: globalOptions,
    subcommands: {
      down: verb({
        volumes: { short: 'v' },
        rmi: req,
        'remove-orphans': {},
        timeout: { short: 't', ...req },
      }),
      rm: verb({ force: { short: 'f' }, stop: { short: 's' }, volumes: { short: 'v' } }),
      up: verb({
        detach: { short: 'd' },
        'renew-anon-volumes': { short: 'V' },
        scale: req,
        timeout: { short: 't', ...req },
        'exit-code-from': req,
        attach: req,
        pull: req,
        'wait-timeout': req,
      }),
      exec: verb(inside, false),
      run: verb(
        {
          ...inside,
          entrypoint: req,
          name: req,
          publish: { short: 'p', ...req },
          volume: { short: 'v', ...req },
          label: { short: 'l', ...req },
          'cap-add': req,
          'cap-drop': req,
          rm: {},
        },
        false,
      ),
      ...Object.fromEntries(
        [
          'ps',
          'logs',
          'build',
          'pull',
          'push',
          'config',
          'stop',
          'start',
          'restart',
          'kill',
          'pause',
          'unpause',
          'top',
          'images',
          'create',
          'events',
          'port',
          'cp',
          'ls',
          'version',
          'watch',
          'wait',
          'attach',
          'scale',
          'stats',
        ].map((v) => [v, common]),
      ),
    },
  };
  return { composeSpec };
});

/** Everything after `compose` (or after `docker-compose`). */
export function recognizeCompose(
  command: SimpleCommand,
  words: readonly ArgWord[],
  engine: EngineTarget,
): Recognition {
  const parsed = parseArgv(words, composeTables().composeSpec);
  const flags: Record<string, string[]> = { ...parsed.globalFlags };
  for (const [name, values] of Object.entries(parsed.flags))
    flags[name] = [...(flags[name] ?? []), ...values];
  const unknowns: string[] = [];
  let path = parsed.subcommand;
  let args = parsed.positionalWords;
  if (path.length === 0 && args[0] !== undefined) {
    if (args[0].value === undefined)
      unknowns.push(`compose verb ${args[0].text} is not known before it runs`);
    path = [args[0].value ?? args[0].text];
    args = args.slice(1);
  }
  const head = path[0];
  const facts: Record<string, FactValue> = {
    'dry-run': hasFlag(flags, 'dry-run'),
    'verb.known': parsed.subcommand.length > 0 || head === undefined,
  };
  if (head === 'down' || head === 'rm') facts['compose.volumes'] = hasFlag(flags, 'volumes');
  if (head === 'up') facts['compose.volumes'] = hasFlag(flags, 'renew-anon-volumes');
  const invocation = makeInvocation(command, {
    tool: 'docker',
    subcommand: head === undefined ? ['compose'] : ['compose', head],
    flags,
    positionals: args.map((w) => w.value ?? w.pattern ?? w.text),
    targets: args
      .slice(0, head === 'exec' || head === 'run' ? 1 : undefined)
      .map((w) => ({ kind: 'container', value: w.value ?? w.text })),
    envHints: engineHints(engine),
    facts,
    unknowns,
  });
  if ((head !== 'exec' && head !== 'run') || args.length < 2) return { invocations: [invocation] };
  const run = innerCommands(args.slice(1), command, {
    via: `compose ${head}`,
    ...(engine.host !== undefined || engine.unknown
      ? { remote: engine.host ?? '(unknown container engine)' }
      : {}),
  });
  unknowns.push(...run.unknowns);
  return { invocations: [invocation, ...run.hazards], inner: run.commands };
}
