// git's argv grammar: global options before the verb, and the options of the verbs
// that rules care about (options that take a value must be listed so their value is
// not mistaken for a path or refspec).

import { once } from '../once.js';
import type { ArgvSpec, OptionSpec } from './argv.js';

/**
 * Built on first use: the tables are start-up time that a command without this tool never
 * needs.
 */
export const gitTables = once(() => {
  const req = { value: 'required' } as const;
  const opt = { value: 'optional' } as const;
  const help: Record<string, OptionSpec> = { help: { short: 'h' } };

  const gitSpec: ArgvSpec = {
    optionsAfterPositionals: false,
    options: {
      ...help,
      directory: { short: 'C', ...req },
      config: { short: 'c', ...req },
      'config-env': req,
      'git-dir': req,
      'work-tree': req,
      namespace: req,
      'exec-path': opt,
      'no-pager': { short: 'P' },
      paginate: { short: 'p' },
      bare: {},
      version: { short: 'v' },
      'no-replace-objects': {},
      'literal-pathspecs': {},
      'glob-pathspecs': {},
      'noglob-pathspecs': {},
      'icase-pathspecs': {},
      'no-optional-locks': {},
    },
    subcommands: {
      reset: {
        options: {
          ...help,
          hard: {},
          merge: {},
          keep: {},
          soft: {},
          mixed: {},
          quiet: { short: 'q' },
          patch: { short: 'p' },
          'pathspec-from-file': req,
        },
      },
      checkout: {
        options: {
          ...help,
          force: { short: 'f' },
          branch: { short: 'b', ...req },
          'force-branch': { short: 'B', ...req },
          orphan: req,
          track: { short: 't', ...opt },
          detach: {},
          merge: { short: 'm' },
          patch: { short: 'p' },
          ours: {},
          theirs: {},
          quiet: { short: 'q' },
          conflict: req,
          'pathspec-from-file': req,
        },
      },
      switch: {
        options: {
          ...help,
          create: { short: 'c', ...req },
          'force-create': { short: 'C', ...req },
          'discard-changes': {},
          force: { short: 'f' },
          orphan: req,
          detach: { short: 'd' },
          track: { short: 't', ...opt },
          merge: { short: 'm' },
          quiet: { short: 'q' },
          conflict: req,
        },
      },
      restore: {
        options: {
          ...help,
          staged: { short: 'S' },
          worktree: { short: 'W' },
          source: { short: 's', ...req },
          patch: { short: 'p' },
          ours: {},
          theirs: {},
          'pathspec-from-file': req,
          quiet: { short: 'q' },
        },
      },
      clean: {
        options: {
          ...help,
          force: { short: 'f' },
          'dry-run': { short: 'n' },
          interactive: { short: 'i' },
          directories: { short: 'd' },
          ignored: { short: 'x' },
          'only-ignored': { short: 'X' },
          exclude: { short: 'e', ...req },
          quiet: { short: 'q' },
        },
      },
      stash: {
        options: { ...help, message: { short: 'm', ...req }, quiet: { short: 'q' } },
        subcommands: Object.fromEntries(
          ['drop', 'clear', 'pop', 'apply', 'list', 'show', 'push', 'save', 'branch', 'create', 'store'].map(
            (v) => [v, { options: { ...help, message: { short: 'm', ...req }, quiet: { short: 'q' } } }],
          ),
        ),
      },
      branch: {
        options: {
          ...help,
          delete: { short: 'd' },
          'delete-force': { short: 'D' },
          force: { short: 'f' },
          move: { short: 'm' },
          'move-force': { short: 'M' },
          copy: { short: 'c' },
          'copy-force': { short: 'C' },
          'set-upstream-to': { short: 'u', ...req },
          track: { short: 't', ...opt },
          contains: req,
          'no-contains': req,
          merged: opt,
          'no-merged': opt,
          'points-at': req,
          format: req,
          sort: req,
          list: { short: 'l' },
          all: { short: 'a' },
          remotes: { short: 'r' },
          'show-current': {},
        },
      },
      push: {
        options: {
          ...help,
          force: { short: 'f' },
          'force-with-lease': opt,
          'force-if-includes': {},
          mirror: {},
          delete: { short: 'd' },
          'dry-run': { short: 'n' },
          all: {},
          branches: {},
          tags: {},
          prune: {},
          'set-upstream': { short: 'u' },
          'push-option': { short: 'o', ...req },
          repo: req,
          'receive-pack': req,
          exec: req,
          quiet: { short: 'q' },
          verbose: { short: 'v' },
        },
      },
      'filter-branch': {},
      'filter-repo': {},
      reflog: {
        options: { ...help },
        subcommands: {
          expire: {
            options: { ...help, expire: req, 'expire-unreachable': req, all: {}, 'dry-run': { short: 'n' } },
          },
          delete: { options: { ...help, 'dry-run': { short: 'n' } } },
          show: {},
          exists: {},
        },
      },
      gc: {
        options: { ...help, prune: opt, 'no-prune': {}, aggressive: {}, auto: {}, quiet: { short: 'q' } },
      },
      prune: { options: { ...help, 'dry-run': { short: 'n' }, expire: req, verbose: { short: 'v' } } },
      'update-ref': {
        options: { ...help, delete: { short: 'd' }, message: { short: 'm', ...req }, stdin: {} },
      },
      worktree: {
        options: { ...help },
        subcommands: {
          remove: { options: { ...help, force: { short: 'f' } } },
          add: { options: { ...help, force: { short: 'f' }, branch: { short: 'b', ...req } } },
          prune: { options: { ...help, 'dry-run': { short: 'n' } } },
          list: {},
        },
      },
      rm: {
        options: {
          ...help,
          recursive: { short: 'r' },
          force: { short: 'f' },
          cached: {},
          'dry-run': { short: 'n' },
          quiet: { short: 'q' },
        },
      },
      commit: {
        options: {
          ...help,
          message: { short: 'm', ...req },
          file: { short: 'F', ...req },
          'reuse-message': { short: 'C', ...req },
          'reedit-message': { short: 'c', ...req },
          amend: {},
          author: req,
          date: req,
          all: { short: 'a' },
        },
      },
    },
  };
  return { gitSpec };
});
