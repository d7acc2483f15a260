// kustomize: `build` renders manifests (a read); `edit`, `create` and `cfg` change local
// files only. What reaches a cluster is the kubectl that reads its output.

import type { SimpleCommand } from '../parse/command.js';
import { type ArgvSpec, parseArgv } from './argv.js';
import type { Recognition, Recognizer } from './invocation.js';
import { argsOf, makeInvocation } from './make-invocation.js';

const req = { value: 'required' } as const;

const options = {
  help: { short: 'h' },
  output: { short: 'o', ...req },
  'load-restrictor': req,
  'enable-helm': {},
  'helm-command': req,
  'enable-alpha-plugins': {},
  'enable-exec': {},
  reorder: req,
  env: { short: 'e', ...req },
  mount: req,
  network: {},
  'network-name': req,
  'as-current-user': {},
  stack: {},
};

const plain: ArgvSpec = { options, abbreviations: false };

const kustomizeSpec: ArgvSpec = {
  options,
  abbreviations: false,
  subcommands: {
    build: plain,
    edit: {
      options,
      abbreviations: false,
      subcommands: Object.fromEntries(['add', 'set', 'remove', 'fix'].map((v) => [v, plain])),
    },
    create: plain,
    cfg: plain,
    fn: plain,
    localize: plain,
    version: plain,
    completion: plain,
    docs: plain,
  },
};

function recognizeKustomize(command: SimpleCommand): Recognition {
  const parsed = parseArgv(argsOf(command), kustomizeSpec);
  // `kustomize build --enable-exec` runs plugin programs named in the kustomization.
  const facts = {
    'build.runs-plugins':
      parsed.flags['enable-exec'] !== undefined || parsed.flags['enable-alpha-plugins'] !== undefined,
  };
  return { invocations: [makeInvocation(command, { tool: 'kustomize', parsed, facts })] };
}

export const kustomizeRecognizer: Recognizer = { programs: ['kustomize'], recognize: recognizeKustomize };
