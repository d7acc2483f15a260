// docker's (and podman's, nerdctl's) argv grammar: global options before the verb, each
// verb's options that take a value, and the short verbs folded into their long form
// (`rm` → `container rm`, `rmi` → `image rm`) so rules name each action once.

import { once } from '../once.js';
import type { ArgvSpec, OptionSpec } from './argv.js';

/**
 * Built on first use: the tables are start-up time that a command without this tool never
 * needs.
 */
export const dockerTables = once(() => {
  const req = { value: 'required' } as const;

  const globalOptions: Record<string, OptionSpec> = {
    help: {},
    config: req,
    context: { short: 'c', ...req },
    host: { short: 'H', ...req, aliases: ['url', 'address'] },
    connection: req,
    remote: { short: 'r' },
    identity: req,
    'log-level': { short: 'l', ...req },
    debug: { short: 'D' },
    tls: {},
    tlscacert: req,
    tlscert: req,
    tlskey: req,
    tlsverify: {},
    version: { short: 'v' },
    namespace: { short: 'n', ...req },
    root: req,
    runroot: req,
    'storage-driver': req,
    snapshotter: req,
    'data-root': req,
    'cgroup-manager': req,
  };

  /** Options of `run`/`create` that take a value. */
  const runValues = (
    'volume:v mount env:e env-file publish:p name workdir:w user:u entrypoint network net label:l label-file ' +
    'hostname:h memory:m memory-swap cpus cpu-shares:c cpuset-cpus restart platform pull add-host device dns ' +
    'cap-add cap-drop security-opt ulimit log-driver log-opt tmpfs volumes-from ipc pid userns uts gpus shm-size ' +
    'stop-signal stop-timeout health-cmd health-interval health-retries health-timeout cidfile attach:a expose ' +
    'link ip cgroupns runtime storage-opt sysctl group-add detach-keys annotation pod'
  ).split(' ');

  function valueOptions(list: readonly string[]): Record<string, OptionSpec> {
    const out: Record<string, OptionSpec> = {};
    for (const entry of list) {
      const [name, short] = entry.split(':') as [string, string | undefined];
      out[name] = short === undefined ? req : { short, ...req };
    }
    return out;
  }

  const run: ArgvSpec = {
    // `docker run IMAGE cmd -x`: options end at the image.
    optionsAfterPositionals: false,
    abbreviations: false,
    options: {
      help: {},
      ...valueOptions(runValues),
      detach: { short: 'd' },
      interactive: { short: 'i' },
      tty: { short: 't' },
      rm: {},
      privileged: {},
      init: {},
      'publish-all': { short: 'P' },
      'read-only': {},
      quiet: { short: 'q' },
    },
  };

  const exec: ArgvSpec = {
    optionsAfterPositionals: false,
    abbreviations: false,
    options: {
      help: {},
      ...valueOptions(['env:e', 'env-file', 'user:u', 'workdir:w', 'detach-keys']),
      detach: { short: 'd' },
      interactive: { short: 'i' },
      tty: { short: 't' },
      privileged: {},
    },
  };

  const remove: ArgvSpec = {
    abbreviations: false,
    options: {
      help: {},
      force: { short: 'f' },
      volumes: { short: 'v' },
      link: { short: 'l' },
      time: { short: 't', ...req },
    },
  };

  const prune: ArgvSpec = {
    abbreviations: false,
    options: { help: {}, force: { short: 'f' }, all: { short: 'a' }, volumes: {}, filter: req, external: {} },
  };

  const logs: ArgvSpec = {
    abbreviations: false,
    options: {
      help: {},
      follow: { short: 'f' },
      tail: { short: 'n', ...req },
      since: req,
      until: req,
      timestamps: { short: 't' },
      details: {},
    },
  };

  const build: ArgvSpec = {
    abbreviations: false,
    options: {
      help: {},
      ...valueOptions(
        (
          'tag:t file:f build-arg target platform label cache-from cache-to secret ssh output:o progress network ' +
          'iidfile add-host shm-size ulimit builder build-context'
        ).split(' '),
      ),
      quiet: { short: 'q' },
    },
  };

  /** Everything else: the common value options, and -f as --force. */
  const generic: ArgvSpec = {
    abbreviations: false,
    options: {
      help: {},
      force: { short: 'f' },
      all: { short: 'a' },
      quiet: { short: 'q' },
      filter: req,
      format: req,
      output: { short: 'o', ...req },
      input: { short: 'i', ...req },
      time: { short: 't', ...req },
      signal: { short: 's', ...req },
      timeout: req,
      driver: { short: 'd', ...req },
      opt: req,
      label: req,
      last: { short: 'n', ...req },
      subnet: req,
      gateway: req,
      'ip-range': req,
      'no-trunc': {},
    },
  };

  const groups: Record<string, Record<string, ArgvSpec>> = {
    container: { rm: remove, remove, prune, run, create: run, exec, logs },
    image: { rm: remove, remove, prune, build },
    volume: { rm: remove, remove, prune },
    network: { rm: remove, remove, prune },
    system: { prune },
    builder: { prune, build },
    buildx: { prune, build },
    pod: { rm: remove, prune },
    machine: { rm: remove },
    context: {},
  };

  /** Group verbs this grammar knows (`container ls`, `volume rm` …), with the generic spec. */
  const groupVerbs: Record<string, readonly string[]> = {
    container: [
      'ls',
      'list',
      'ps',
      'start',
      'stop',
      'restart',
      'kill',
      'inspect',
      'cp',
      'top',
      'stats',
      'port',
      'pause',
      'unpause',
      'rename',
      'update',
      'wait',
      'attach',
      'diff',
      'export',
      'commit',
    ],
    image: ['ls', 'list', 'pull', 'push', 'tag', 'inspect', 'history', 'save', 'load', 'import'],
    volume: ['ls', 'list', 'create', 'inspect'],
    network: ['ls', 'list', 'create', 'connect', 'disconnect', 'inspect'],
    system: ['df', 'info', 'events', 'reset', 'migrate', 'renumber'],
    builder: ['ls'],
    buildx: ['ls', 'create', 'use', 'inspect', 'bake', 'imagetools'],
    pod: ['ps', 'ls', 'list', 'create', 'start', 'stop', 'inspect', 'logs'],
    machine: ['ls', 'list', 'start', 'stop', 'init', 'ssh', 'inspect', 'reset'],
    context: ['ls', 'list', 'use', 'create', 'rm', 'remove', 'inspect', 'show', 'update', 'export', 'import'],
  };

  function groupSpec(name: string): ArgvSpec {
    const subcommands: Record<string, ArgvSpec> = { ...groups[name] };
    for (const verb of groupVerbs[name] ?? []) subcommands[verb] ??= generic;
    return { ...generic, subcommands };
  }

  /** Short verbs and aliases, as the group verb they stand for. */
  const dockerVerbAliases: Readonly<Record<string, readonly string[]>> = {
    ps: ['container', 'ls'],
    rm: ['container', 'rm'],
    run: ['container', 'run'],
    create: ['container', 'create'],
    exec: ['container', 'exec'],
    logs: ['container', 'logs'],
    images: ['image', 'ls'],
    rmi: ['image', 'rm'],
    build: ['image', 'build'],
    pull: ['image', 'pull'],
    push: ['image', 'push'],
    tag: ['image', 'tag'],
    history: ['image', 'history'],
    save: ['image', 'save'],
    load: ['image', 'load'],
    import: ['image', 'import'],
    ...Object.fromEntries(
      [
        'start',
        'stop',
        'restart',
        'kill',
        'pause',
        'unpause',
        'rename',
        'update',
        'wait',
        'attach',
        'top',
        'port',
        'stats',
        'diff',
        'export',
        'commit',
        'cp',
      ].map((v) => [v, ['container', v]]),
    ),
  };

  const topLevelGeneric = (
    'start stop restart kill inspect cp diff history save load import export commit port top stats pause unpause ' +
    'rename update wait attach info version login logout search events tag'
  ).split(' ');

  const dockerSpec: ArgvSpec = {
    optionsAfterPositionals: false,
    abbreviations: false,
    options: globalOptions,
    subcommands: {
      ...Object.fromEntries(Object.keys(groups).map((g) => [g, groupSpec(g)])),
      ...Object.fromEntries(topLevelGeneric.map((v) => [v, generic])),
      ps: generic,
      rm: remove,
      rmi: remove,
      run,
      create: run,
      exec,
      logs,
      images: generic,
      build,
      pull: generic,
      push: generic,
    },
  };
  return { dockerVerbAliases, dockerSpec };
});

/** `remove` → `rm`, `list` → `ls`: one spelling per action in the verb path. */
export function canonicalDockerVerb(path: readonly string[]): string[] {
  const first = path[0];
  const aliased =
    first !== undefined && path.length === 1 ? dockerTables().dockerVerbAliases[first] : undefined;
  const verb = aliased !== undefined ? [...aliased] : [...path];
  if (verb[1] === 'remove') verb[1] = 'rm';
  if (verb[1] === 'list') verb[1] = 'ls';
  if (verb[0] === 'container' && verb[1] === 'ps') verb[1] = 'ls';
  return verb;
}
