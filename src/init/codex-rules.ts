// .codex/rules/airlock.rules: Codex's own execpolicy prompts a person for the guarded tools'
// destructive verbs. Codex ignores "ask" from hooks (and then runs the command), so these
// rules are what gives Codex users a native approval prompt; the hook still denies.

import { stamped } from './owned-file.js';

interface PromptRule {
  pattern: (string | string[])[];
  why: string;
  match: string;
  notMatch: string;
}

const rules: readonly PromptRule[] = [
  {
    pattern: ['terraform', ['apply', 'destroy', 'import']],
    why: 'changes real infrastructure',
    match: 'terraform apply',
    notMatch: 'terraform plan',
  },
  {
    pattern: ['tofu', ['apply', 'destroy', 'import']],
    why: 'changes real infrastructure',
    match: 'tofu destroy',
    notMatch: 'tofu plan',
  },
  {
    pattern: ['kubectl', ['delete', 'apply', 'replace', 'drain', 'scale', 'patch']],
    why: 'changes a cluster',
    match: 'kubectl delete ns prod',
    notMatch: 'kubectl get pods',
  },
  {
    pattern: ['helm', ['uninstall', 'delete', 'upgrade', 'rollback']],
    why: 'changes a cluster',
    match: 'helm uninstall api',
    notMatch: 'helm list',
  },
  {
    pattern: ['git', 'push', ['--force', '-f']],
    why: 'rewrites a shared remote',
    match: 'git push --force origin main',
    notMatch: 'git push origin main',
  },
  {
    pattern: ['psql'],
    why: 'can change a database',
    match: 'psql -c "drop table users"',
    notMatch: 'pg_dump',
  },
  {
    pattern: ['mysql'],
    why: 'can change a database',
    match: 'mysql -e "drop table users"',
    notMatch: 'mysqldump',
  },
  { pattern: ['dropdb'], why: 'drops a database', match: 'dropdb app', notMatch: 'createdb app' },
  {
    pattern: ['aws', 's3', ['rm', 'rb', 'sync', 'mv']],
    why: 'can delete bucket contents',
    match: 'aws s3 rm s3://b --recursive',
    notMatch: 'aws s3 ls',
  },
];

function list(items: (string | string[])[]): string {
  return `[${items.map((i) => (Array.isArray(i) ? list(i) : JSON.stringify(i))).join(', ')}]`;
}

export function codexRules(): string {
  const body = rules
    .map(
      (r) => `prefix_rule(
    pattern = ${list(r.pattern)},
    decision = "prompt",
    justification = ${JSON.stringify(`airlock: ${r.why}; a person approves it`)},
    match = [${JSON.stringify(r.match)}],
    not_match = [${JSON.stringify(r.notMatch)}],
)
`,
    )
    .join('\n');
  const intro = `# Codex asks a person before these run (airlock's hook also judges every command).
# Codex loads rules only for trusted projects.

`;
  return stamped('#', intro + body);
}
