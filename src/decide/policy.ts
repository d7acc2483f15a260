// The knobs decide reads: environment patterns, regenerable targets, rule overrides.
// Built-in defaults live here; src/config layers user and project files over them.

import type { Decision, EnvironmentName } from './verdict.js';

export interface Policy {
  /**
   * Name patterns per environment, checked prod first. A pattern matches a whole name or a
   * part of it delimited by `-`, `_`, `.`, `/`, `:` or `@`; `*` is a wildcard.
   */
  environments: Record<Exclude<EnvironmentName, 'unknown'>, string[]>;
  /** Directory names whose contents can be rebuilt; deleting them needs no approval. */
  regenerable: string[];
  /** Per-rule decision overrides (`git/push-force: deny`). */
  rules: Record<string, Decision>;
  /** Targets (names or path globs) that always need approval for any write or destroy. */
  protected: string[];
}

export const defaultPolicy: Policy = {
  environments: {
    prod: ['prod', 'prd', 'production', 'live'],
    staging: ['stag', 'stg', 'staging', 'preprod'],
    dev: ['dev', 'development', 'test', 'sandbox'],
    local: ['kind-*', 'minikube', 'docker-desktop', 'localhost', '127.0.0.1', '::1', 'unix-socket'],
  },
  regenerable: [
    'node_modules',
    'dist',
    'build',
    'target',
    '.venv',
    'venv',
    '__pycache__',
    'coverage',
    '.cache',
    '.next',
    '.nuxt',
    '.turbo',
    '.parcel-cache',
    '.pytest_cache',
    '.mypy_cache',
    '.ruff_cache',
    '.gradle',
    '.tox',
    'out',
  ],
  rules: {},
  protected: [],
};
