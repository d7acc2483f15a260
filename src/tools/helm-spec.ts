// helm's argv grammar: global flags anywhere, the options that take a value, verbs and
// their aliases (`un`/`del`/`delete` for uninstall, `ls` for list).

import { once } from '../once.js';
import type { ArgvSpec, OptionSpec } from './argv.js';

/**
 * Built on first use: the tables are start-up time that a command without this tool never
 * needs.
 */
export const helmTables = once(() => {
  const req = { value: 'required' } as const;
  const opt = { value: 'optional' } as const;

  const options: Record<string, OptionSpec> = {
    help: { short: 'h' },
    'kube-context': req,
    kubeconfig: req,
    namespace: { short: 'n', ...req },
    'kube-apiserver': req,
    'kube-as-user': req,
    'kube-as-group': req,
    'kube-ca-file': req,
    'kube-token': req,
    'kube-tls-server-name': req,
    'kube-insecure-skip-tls-verify': opt,
    'registry-config': req,
    'repository-cache': req,
    'repository-config': req,
    'content-cache': req,
    'burst-limit': req,
    qps: req,
    debug: opt,
    values: { short: 'f', ...req },
    set: req,
    'set-string': req,
    'set-file': req,
    'set-json': req,
    'set-literal': req,
    version: req,
    timeout: req,
    output: { short: 'o', ...req },
    'post-renderer': req,
    'post-renderer-args': req,
    description: req,
    repo: req,
    username: req,
    password: req,
    'ca-file': req,
    'cert-file': req,
    'key-file': req,
    keyring: req,
    'history-max': req,
    'max-history': req,
    max: req,
    revision: req,
    selector: { short: 'l', ...req },
    filter: req,
    destination: { short: 'd', ...req },
    untardir: req,
    'app-version': req,
    'api-versions': { short: 'a', ...req },
    'kube-version': req,
    'show-only': { short: 's', ...req },
    'output-dir': req,
    'name-template': req,
    cascade: req,
    labels: req,
    'dry-run': opt,
    force: opt,
    install: { short: 'i' },
    'all-namespaces': { short: 'A' },
    'create-namespace': opt,
    wait: opt,
    atomic: opt,
    'keep-history': opt,
    'reuse-values': opt,
    'reset-values': opt,
    'skip-crds': opt,
    'dependency-update': opt,
    quiet: { short: 'q' },
    all: { short: 'a' },
  };

  const plain: ArgvSpec = { options, abbreviations: false };
  const sub = (names: readonly string[]): ArgvSpec => ({
    options,
    abbreviations: false,
    subcommands: Object.fromEntries(names.map((n) => [n, plain])),
  });

  const get = sub(['all', 'hooks', 'manifest', 'notes', 'values', 'metadata']);
  const show = sub(['all', 'chart', 'crds', 'readme', 'values']);
  const repo = sub(['add', 'index', 'list', 'ls', 'remove', 'rm', 'update', 'up']);
  const dependency = sub(['build', 'list', 'ls', 'update', 'up']);
  const plugin = sub([
    'install',
    'list',
    'ls',
    'uninstall',
    'rm',
    'remove',
    'update',
    'up',
    'package',
    'verify',
  ]);

  /** Aliases helm accepts, folded to one verb so rules name each action once. */
  const helmVerbAliases: Readonly<Record<string, string>> = {
    un: 'uninstall',
    del: 'uninstall',
    delete: 'uninstall',
    ls: 'list',
    hist: 'history',
    inspect: 'show',
    fetch: 'pull',
    dep: 'dependency',
    dependencies: 'dependency',
  };

  const verbs = [
    'install',
    'upgrade',
    'rollback',
    'uninstall',
    'list',
    'status',
    'history',
    'template',
    'lint',
    'package',
    'pull',
    'push',
    'create',
    'env',
    'version',
    'verify',
    'test',
    'completion',
    'registry',
    'diff',
    'secrets',
  ];

  const helmSpec: ArgvSpec = {
    options,
    abbreviations: false,
    subcommands: {
      ...Object.fromEntries(verbs.map((v) => [v, plain])),
      ...Object.fromEntries(Object.keys(helmVerbAliases).map((v) => [v, plain])),
      get,
      show,
      inspect: show,
      repo,
      dependency,
      dep: dependency,
      dependencies: dependency,
      plugin,
      search: sub(['hub', 'repo']),
    },
  };

  /** Verbs that talk to the cluster; the rest work on local files and repositories. */
  const helmClusterVerbs: ReadonlySet<string> = new Set([
    'install',
    'upgrade',
    'rollback',
    'uninstall',
    'list',
    'status',
    'get',
    'history',
    'test',
    'diff',
  ]);
  return { helmVerbAliases, helmSpec, helmClusterVerbs };
});
