// What a recognizer makes of one simple command: the tool, its verb, flags, targets
// and the hints that tell which environment it touches.

import type { SimpleCommand } from '../parse/command.js';

export type TargetKind =
  | 'path'
  | 'ref'
  | 'remote'
  | 'branch'
  | 'device'
  | 'namespace'
  | 'resource'
  | 'table'
  | 'database'
  | 'bucket'
  | 'object'
  | 'workspace'
  | 'host'
  | 'container'
  | 'volume'
  | 'key'
  | 'other';

export interface Target {
  kind: TargetKind;
  /** Static value, when known. */
  value?: string;
  /** Glob pattern, when the value is a pattern. */
  pattern?: string;
  /** Why the value is not known. */
  dynamic?: string;
  /**
   * Paths only: absolute path after resolving `.`/`..` and, where it exists, symlinks.
   * For a glob: the directory its matches lie in (`node_modules/*` → …/node_modules).
   */
  resolved?: string;
  exists?: boolean;
  isDirectory?: boolean;
}

export type EnvHintKind =
  | 'kube-context'
  | 'kube-namespace'
  | 'aws-profile'
  | 'aws-region'
  | 'aws-account'
  | 'endpoint'
  | 'gcp-project'
  | 'azure-subscription'
  | 'db-host'
  | 'db-name'
  | 'tf-workspace'
  | 'git-branch'
  | 'git-remote'
  | 'host';

export interface EnvHint {
  kind: EnvHintKind;
  value?: string;
  /** Where the value came from: `--context flag`, `KUBECONFIG current-context`, `AWS_PROFILE`… */
  source: string;
}

export type FactValue = string | number | boolean;

export interface Invocation {
  /** Tool family (`git`, `rm`, `kubectl`); the key rule packs match on. */
  tool: string;
  /** The program as invoked (`oc` for the kubectl family). */
  program: string;
  /** Verb path: `['push']`, `['stash', 'drop']`, `['s3', 'rm']`, `['sql', 'drop']`. */
  subcommand: string[];
  /** Options by canonical long name; each occurrence's value ('' for a switch). */
  flags: Readonly<Record<string, string[]>>;
  /** Non-option arguments after the verb path. */
  positionals: string[];
  targets: Target[];
  envHints: EnvHint[];
  /** Derived booleans and values that rules match on (`sql.where`: false, `push.plus-refspec`: true). */
  facts: Readonly<Record<string, FactValue>>;
  /** What the recognizer could not know about this invocation. */
  unknowns: string[];
  /** The command it came from. */
  command: SimpleCommand;
}

/** What the outside world offers a recognizer: pure callers pass a fake or the real thing. */
export interface FsView {
  /** realpath when the path exists, else undefined. */
  realpath(path: string): string | undefined;
  /** lstat-like facts, or undefined when missing. */
  stat(path: string): { isDirectory: boolean; isSymlink: boolean; size: number } | undefined;
  /** Reads a text file up to `limit` bytes; undefined when missing, unreadable or larger. */
  readText(path: string, limit: number): string | undefined;
}

export interface RecognizeContext {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  home?: string;
  /** The project root (git top level, else cwd). */
  projectRoot: string;
  /** airlock's own files and directories (config, store, trash, shims, install). */
  airlockPaths: string[];
  fs: FsView;
}

export interface Recognition {
  invocations: Invocation[];
  /** Commands this one runs inside (kubectl exec, docker run …), to classify like any other. */
  inner?: SimpleCommand[];
}

export interface Recognizer {
  /** Program names this recognizer handles (basenames). */
  programs: readonly string[];
  /** Program name prefixes it also handles (`mkfs.` for mkfs.ext4). */
  programPrefixes?: readonly string[];
  recognize(command: SimpleCommand, ctx: RecognizeContext): Recognition;
  /** false: recognized only for what it touches; `airlock shims install` makes no shim for it. */
  shim?: boolean;
}
