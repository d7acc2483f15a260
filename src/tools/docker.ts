// docker, podman and nerdctl: the verb (short forms folded into long ones), what a rm or
// prune removes, the engine it talks to, and the command a run or exec starts inside a
// container, with bind-mounted paths mapped back to the host.

import type { ArgWord, SimpleCommand } from '../parse/command.js';
import { hasFlag, lastFlag, parseArgv } from './argv.js';
import { recognizeCompose } from './compose.js';
import { type EngineTarget, engineHints, resolveEngine } from './docker-env.js';
import { mapMountedPaths, parseMounts } from './docker-mounts.js';
import { canonicalDockerVerb, dockerTables } from './docker-spec.js';
import type {
  FactValue,
  Recognition,
  RecognizeContext,
  Recognizer,
  Target,
  TargetKind,
} from './invocation.js';
import { type InnerRun, innerCommands } from './kubectl-inner.js';
import { argsOf, makeInvocation } from './make-invocation.js';

const removedKind: Record<string, TargetKind> = {
  container: 'container',
  volume: 'volume',
  network: 'other',
  image: 'other',
};

function remoteOf(engine: EngineTarget): string | undefined {
  return engine.host ?? (engine.unknown ? '(unknown container engine)' : undefined);
}

/** `docker run … IMAGE cmd…` / `docker exec … CONTAINER cmd…`: the command, mapped through mounts. */
function innerRun(
  verb: string,
  flags: Readonly<Record<string, string[]>>,
  words: readonly ArgWord[],
  command: SimpleCommand,
  engine: EngineTarget,
) {
  const remote = remoteOf(engine);
  const run: InnerRun = {
    via: `${command.program ?? 'docker'} ${verb}`,
    ...(remote === undefined ? {} : { remote }),
  };
  // Mounts only mean host paths when the engine runs on this machine.
  if ((verb === 'run' || verb === 'create') && remote === undefined) {
    const mounts = parseMounts(flags.volume ?? [], flags.mount ?? [], command.cwd);
    if (mounts.length > 0) {
      run.mapValue = (value) => mapMountedPaths(value, mounts);
      const workdir = lastFlag(flags, 'workdir');
      const mapped = workdir === undefined ? undefined : mapMountedPaths(workdir, mounts);
      if (mapped !== undefined && mapped !== workdir) run.cwd = mapped;
    }
  }
  return innerCommands(words, command, run);
}

function recognizeDocker(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  const program = command.program ?? 'docker';
  const words = argsOf(command);
  const parsed = parseArgv(words, dockerTables().dockerSpec);
  const globalFlags = parsed.subcommand.length > 0 ? parsed.globalFlags : parsed.flags;
  const engine = resolveEngine(program === 'podman-compose' ? 'podman' : program, globalFlags, command, ctx);
  const first = parsed.positionalWords[0];
  if (program === 'docker-compose' || program === 'podman-compose')
    return recognizeCompose(command, words, engine);
  if (parsed.subcommand.length === 0 && first?.value === 'compose') {
    return recognizeCompose(command, words.slice(words.indexOf(first) + 1), engine);
  }
  const unknowns: string[] = [];
  let verb = canonicalDockerVerb(parsed.subcommand);
  let rest = parsed.positionalWords;
  const known = verb.length > 0 || first === undefined;
  if (!known && first !== undefined) {
    // A CLI plugin (`docker scout`, `docker sbom`) or a verb this grammar does not list.
    if (first.value === undefined) unknowns.push(`${program} verb ${first.text} is not known before it runs`);
    verb = [first.value ?? first.text];
    rest = rest.slice(1);
    // Options after an unknown verb are not parsed; `docker scout --help` still only prints help.
    const dash = rest.findIndex((w) => w.value === '--');
    if (rest.slice(0, dash === -1 ? undefined : dash).some((w) => w.value === '--help' || w.value === '-h')) {
      parsed.flags.help = [''];
    }
  }
  const flags = parsed.flags;
  const facts: Record<string, FactValue> = { 'verb.known': known };
  const targets: Target[] = [];
  const [group, action] = verb;
  const fromXargs = command.origin.some((o) => o.kind === 'xargs' || o.kind === 'parallel');
  if (action === 'rm') {
    facts['rm.force'] = hasFlag(flags, 'force');
    facts['rm.volumes'] = hasFlag(flags, 'volumes');
    const kind = removedKind[group ?? ''] ?? 'other';
    for (const word of rest) {
      targets.push(
        word.value === undefined
          ? { kind, dynamic: word.dynamic ?? `${word.text} is not known before it runs` }
          : { kind, value: word.value },
      );
    }
    if (fromXargs) targets.push({ kind, dynamic: 'names come from xargs input' });
    facts['targets.dynamic'] = targets.some((t) => t.dynamic !== undefined);
  }
  if (action === 'prune') {
    facts['prune.all'] = hasFlag(flags, 'all');
    facts['prune.volumes'] = hasFlag(flags, 'volumes');
  }
  const invocation = makeInvocation(command, {
    tool: 'docker',
    subcommand: verb,
    flags: { ...globalFlags, ...flags },
    positionals: rest.map((w) => w.value ?? w.pattern ?? w.text),
    targets,
    envHints: engineHints(engine),
    facts,
    unknowns,
  });
  const runsInside = group === 'container' && (action === 'run' || action === 'create' || action === 'exec');
  if (!runsInside || rest.length < 2) return { invocations: [invocation] };
  const inside = innerRun(action, flags, rest.slice(1), command, engine);
  unknowns.push(...inside.unknowns);
  return { invocations: [invocation, ...inside.hazards], inner: inside.commands };
}

export const dockerRecognizer: Recognizer = {
  programs: ['docker', 'podman', 'nerdctl', 'docker-compose', 'podman-compose'],
  recognize: recognizeDocker,
};
