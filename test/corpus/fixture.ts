// Builds the real directory tree the corpus lines are judged in: a git project, config files
// for environment resolution (kubeconfig, aws config, pg_service.conf), terraform folders.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const repoRoot = new URL('../..', import.meta.url).pathname;

export interface CorpusFixture {
  /** Top temporary directory: `@ROOT@` in corpus lines. */
  root: string;
  /** The git project every line runs in unless it says otherwise: `@PROJECT@`. */
  project: string;
  remove(): void;
}

/** Files committed to the project's git history. */
const trackedFiles: Record<string, string> = {
  'README.md': '# shop\n\nA small web shop.\n',
  'package.json': `${JSON.stringify({ name: 'shop', version: '1.0.0', scripts: { build: 'tsc', test: 'vitest run', clean: 'rm -rf dist' } }, null, 2)}\n`,
  'package-lock.json': '{ "lockfileVersion": 3 }\n',
  'tsconfig.json': '{ "compilerOptions": { "strict": true } }\n',
  '.gitignore':
    'node_modules/\ndist/\nbuild/\ncoverage/\n.venv/\n__pycache__/\n.env\nnotes.txt\ndata.csv\nlogs/\napp.db\n',
  '.env.example': 'DATABASE_URL=postgres://localhost/shop\n',
  '.airlockrc.yaml': 'environments:\n  prod: [shop-live]\n',
  'config.json': '{ "port": 3000 }\n',
  'todo.md': '- ship it\n',
  'src/index.ts': 'export const main = () => 1;\n',
  'src/util.ts': 'export const add = (a: number, b: number) => a + b;\n',
  'src/old/legacy.ts': 'export {};\n',
  'test/index.test.ts': "import { test } from 'vitest';\ntest('x', () => {});\n",
  'scripts/build.sh': '#!/bin/sh\necho building\nnpx tsc -p .\n',
  'scripts/env.sh': 'export NODE_ENV=development\nexport PORT=3000\n',
  'scripts/nuke.sh': '#!/bin/sh\n# resets the machine\nrm -rf ~\n',
  'db/queries/report.sql': "SELECT id, total FROM orders WHERE created_at > now() - interval '1 day';\n",
  'db/seed.sql':
    "INSERT INTO users (id, name) VALUES (1, 'ada');\nINSERT INTO users (id, name) VALUES (2, 'bob');\n",
  'db/drop_all.sql': 'DROP TABLE orders;\nDROP TABLE users;\n',
  'db/cleanup.sql': 'DELETE FROM sessions;\n',
  'db/migrations/001_init.sql': 'CREATE TABLE users (id int PRIMARY KEY, name text);\n',
  'db/migrations/002_add_email.sql': 'ALTER TABLE users ADD COLUMN email text;\n',
  'db/dump-mysql.sql':
    'DROP TABLE IF EXISTS `users`;\nCREATE TABLE `users` (`id` int PRIMARY KEY);\nINSERT INTO `users` VALUES (1);\n',
  'db/broken.sql': 'SELEC * FRM users WHERE;\n',
  'mongo/report.js': 'db.orders.find({ status: "open" }).count();\n',
  'k8s/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
  'infra/main.tf': 'resource "null_resource" "x" {}\n',
};

/** Untracked data and regenerable output, as a project has after working on it a while. */
const untrackedFiles: Record<string, string> = {
  'notes.txt': 'call the bank\n',
  'data.csv': 'id,name\n1,ada\n',
  '.env': 'DATABASE_URL=postgres://shop:secret@localhost/shop\n',
  'logs/app.log': 'started\n',
  'app.db': 'SQLite format 3\u0000',
  'node_modules/left-pad/index.js': 'module.exports = (s) => s;\n',
  'node_modules/.cache/x': 'x\n',
  'dist/index.js': 'export const main = () => 1;\n',
  'build/out.js': '1;\n',
  'coverage/lcov.info': 'TN:\n',
  '.venv/bin/activate': 'export VIRTUAL_ENV="$PWD/.venv"\n',
  '__pycache__/mod.cpython-311.pyc': 'x',
};

const kubeconfig = (context: string) =>
  [
    'apiVersion: v1',
    'kind: Config',
    `current-context: ${context}`,
    'clusters:',
    `- name: ${context}`,
    '  cluster: { server: "https://127.0.0.1:6443" }',
    'contexts:',
    `- name: ${context}`,
    `  context: { cluster: ${context}, user: ${context}, namespace: default }`,
    'users:',
    `- name: ${context}`,
    '  user: {}',
    '',
  ].join('\n');

/** Files outside the project: environment sources and sibling folders. */
const rootFiles: Record<string, string> = {
  'kube/prod.yaml': kubeconfig('prod-eu'),
  'kube/staging.yaml': kubeconfig('staging-us'),
  'kube/dev.yaml': kubeconfig('dev-cluster'),
  'kube/kind.yaml': kubeconfig('kind-dev'),
  'aws/config': [
    '[default]',
    'region = us-east-1',
    '[profile prod]',
    'region = eu-west-1',
    '[profile dev]',
    'region = eu-west-1',
    '[profile main]',
    'role_arn = arn:aws:iam::111111111111:role/prod-admin',
    'source_profile = default',
    '[profile team]',
    'role_arn = arn:aws:iam::222222222222:role/dev-deployer',
    'source_profile = default',
    '',
  ].join('\n'),
  'pg/pg_service.conf':
    '[shop-prod]\nhost=db.prod.internal\ndbname=shop\n[shop-dev]\nhost=localhost\ndbname=shop_dev\n',
  'tf-prod/.terraform/environment': 'prod',
  'tf-prod/main.tf': 'resource "null_resource" "x" {}\n',
  'tf-dev/.terraform/environment': 'dev',
  'tf-dev/main.tf': 'resource "null_resource" "x" {}\n',
  'outside/important.txt': 'not part of the project\n',
  'scratch/a.txt': 'a\n',
};

function writeTree(base: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(base, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=dev', '-c', 'user.email=dev@example.com', ...args], {
    cwd,
    stdio: 'ignore',
  });
}

function fixtureBase(): string {
  const temps = ['/tmp', realpathSync(tmpdir())];
  const repo = realpathSync(repoRoot);
  if (!temps.some((t) => repo === t || repo.startsWith(`${t}/`))) return repoRoot;
  // Not ~/.cache either: a .cache directory is itself regenerable.
  const base = join(homedir(), '.airlock-tests');
  mkdirSync(base, { recursive: true });
  return base;
}

export function createCorpusFixture(): CorpusFixture {
  // Not under /tmp: temp dirs are regenerable, so the places around the project (its parent, a
  // sibling project) would count as scratch. The checkout itself may live in /tmp (CI clones
  // anywhere), so then the fixture goes under the user's cache directory instead.
  const root = mkdtempSync(join(fixtureBase(), '.airlock-test-corpus-'));
  const project = join(root, 'shop');
  writeTree(root, rootFiles);
  writeTree(project, trackedFiles);
  git(project, 'init', '-q', '-b', 'main');
  git(project, 'add', '-A');
  git(project, 'commit', '-q', '-m', 'initial');
  git(project, 'branch', 'feature/login');
  git(project, 'branch', 'old-feature');
  writeTree(project, untrackedFiles);
  mkdirSync(join(project, 'src/empty'));
  // Regenerable names that are really symlinks: deleting through them reaches real data.
  symlinkSync('src', join(project, 'target'));
  symlinkSync(join(root, 'outside'), join(project, '.cache'));
  return { root, project, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Replaces `@ROOT@` and `@PROJECT@` in a corpus line's env values or cwd. */
export function expandPlaceholders(text: string, fixture: CorpusFixture): string {
  return text.replaceAll('@PROJECT@', fixture.project).replaceAll('@ROOT@', fixture.root);
}
