import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact, redactJson, redactWords } from '../../src/audit/index.js';

const lines: [string, string][] = [
  ['psql postgres://app:s3cr3t@db.prod:5432/shop', 'psql postgres://app:***@db.prod:5432/shop'],
  [
    'psql "postgresql://app:p%40ss@db/shop?sslmode=require"',
    'psql "postgresql://app:***@db/shop?sslmode=require"',
  ],
  ['redis-cli -u redis://:hunter2@cache:6379', 'redis-cli -u redis://:***@cache:6379'],
  ['curl https://example.com:8443/path', 'curl https://example.com:8443/path'],
  ['PGPASSWORD=hunter2 psql -h db -c "drop table x"', 'PGPASSWORD=*** psql -h db -c "drop table x"'],
  ["PGPASSWORD='two words' psql", 'PGPASSWORD=*** psql'],
  ['export MYSQL_PWD=abc; mysql -u root', 'export MYSQL_PWD=***; mysql -u root'],
  ['AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG aws s3 ls', 'AWS_SECRET_ACCESS_KEY=*** aws s3 ls'],
  ['GITHUB_TOKEN=abc gh pr list', 'GITHUB_TOKEN=*** gh pr list'],
  ['PWD=/home/me OLDPWD=/tmp ls', 'PWD=/home/me OLDPWD=/tmp ls'],
  ['mysql -u root -phunter2 shop', 'mysql -u root -p*** shop'],
  ['mysqldump -psecret --all-databases', 'mysqldump -p*** --all-databases'],
  ['mysql -u root -p shop', 'mysql -u root -p shop'],
  ['psql -p 5433 -h db', 'psql -p 5433 -h db'],
  ['mysql --password=hunter2 -e "show tables"', 'mysql --password=*** -e "show tables"'],
  ['mysql --password hunter2 shop', 'mysql --password *** shop'],
  ['mysql --password --host db', 'mysql --password --host db'],
  ['psql --no-password -d shop', 'psql --no-password -d shop'],
  ['kubectl --token eyJhbGciOi get pods', 'kubectl --token *** get pods'],
  ['kubectl --token=eyJhbGciOi get pods', 'kubectl --token=*** get pods'],
  ['vault login --client-secret abc', 'vault login --client-secret ***'],
  [
    'curl -H "Authorization: Bearer abc.def.ghi" https://api',
    'curl -H "Authorization: Bearer ***" https://api',
  ],
  ["curl -H 'Authorization: Basic dXNlcjpwYXNz' x", "curl -H 'Authorization: Basic ***' x"],
  [
    'git push https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/o/r',
    'git push https://ghp_***@github.com/o/r',
  ],
  ['echo ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'echo ghp_***'],
  ['echo github_pat_11ABCDEFG0123456789_abcdefghijk', 'echo github_pat_***'],
  ['aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE', 'aws configure set aws_access_key_id AKIA***'],
  ['aws configure set aws_secret_access_key wJalrXUtnFEMI', 'aws configure set aws_secret_access_key ***'],
  ['slack-cli --channel x xoxb-123456789012-abcdefghij', 'slack-cli --channel x xoxb-***'],
  ['OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwx python x.py', 'OPENAI_API_KEY=*** python x.py'],
  ['echo sk-abcdefghijklmnopqrstuvwxyz123456', 'echo sk-***'],
  ['psql "host=db password=hunter2 dbname=shop"', 'psql "host=db password=*** dbname=shop"'],
  ['curl "https://api/x?token=abc123&page=2"', 'curl "https://api/x?token=***&page=2"'],
  ['docker run -e DB_PASSWORD=hunter2 img', 'docker run -e DB_PASSWORD=*** img'],
  ['  rm   -rf\tbuild  ', '  rm   -rf\tbuild  '],
  ['', ''],
  ['git commit -m "rotate the token handling"', 'git commit -m "rotate the token handling"'],
];

describe('redact', () => {
  it.each(lines)('%s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });
});

const argvs: [string[], string[]][] = [
  [
    ['mysql', '-uroot', '-phunter2', 'shop'],
    ['mysql', '-uroot', '-p***', 'shop'],
  ],
  [
    ['/usr/bin/mysql', '-pa b'],
    ['/usr/bin/mysql', '-p***'],
  ],
  [
    ['psql', '-p', '5432'],
    ['psql', '-p', '5432'],
  ],
  [
    ['mysql', '--password', 'two words'],
    ['mysql', '--password', '***'],
  ],
  [
    ['kubectl', '--token', 'abc', 'get', 'pods'],
    ['kubectl', '--token', '***', 'get', 'pods'],
  ],
  [
    ['curl', '-H', 'Authorization: Bearer abc'],
    ['curl', '-H', 'Authorization: Bearer ***'],
  ],
  [
    ['psql', 'postgres://u:pw@h/db'],
    ['psql', 'postgres://u:***@h/db'],
  ],
  [
    ['env', 'PGPASSWORD=x y', 'psql'],
    ['env', 'PGPASSWORD=***', 'psql'],
  ],
  [
    ['rm', '-rf', '--', 'token'],
    ['rm', '-rf', '--', 'token'],
  ],
];

describe('redactWords (argv)', () => {
  it.each(argvs)('%j', (input, expected) => {
    expect(redactWords(input)).toEqual(expected);
  });
});

describe('redactJson', () => {
  it('masks secret-named keys and redacts nested strings', () => {
    const value = {
      name: 'prod',
      source: 'postgres://app:pw@db/shop',
      env: { PGPASSWORD: 'x', KUBECONFIG: '/k', AWS_SESSION_TOKEN: 't' },
      list: ['Bearer abc', 3, null, true],
    };
    expect(redactJson(value)).toEqual({
      name: 'prod',
      source: 'postgres://app:***@db/shop',
      env: { PGPASSWORD: '***', KUBECONFIG: '/k', AWS_SESSION_TOKEN: '***' },
      list: ['Bearer ***', 3, null, true],
    });
  });
});

describe('redact, property: no secret shape survives, whatever surrounds it', () => {
  const alnum = fc.stringMatching(/^[A-Za-z0-9]{24,40}$/);
  const upper = fc.stringMatching(/^[A-Z0-9]{16}$/);
  const word = fc.stringMatching(/^[a-z0-9./:-]{1,12}$/);
  // Each: the text to place in a line, and the secret part that must not come out.
  const secrets: fc.Arbitrary<[string, string]> = fc.oneof(
    alnum.map((s): [string, string] => [`ghp_${s}`, s]),
    alnum.map((s): [string, string] => [`github_pat_${s}`, s]),
    alnum.map((s): [string, string] => [`glpat-${s}`, s]),
    upper.map((s): [string, string] => [`AKIA${s}`, s]),
    alnum.map((s): [string, string] => [`xoxb-${s}`, s]),
    alnum.map((s): [string, string] => [`sk-${s}`, s]),
    alnum.map((s): [string, string] => [`Bearer ${s}`, s]),
    alnum.map((s): [string, string] => [`postgres://app:${s}@db/shop`, s]),
    alnum.map((s): [string, string] => [`DB_PASSWORD=${s}`, s]),
    alnum.map((s): [string, string] => [`--client-secret ${s}`, s]),
  );
  it('in a line', () => {
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 4 }),
        secrets,
        fc.array(word, { maxLength: 4 }),
        (before, [text, secret], after) => {
          const out = redact([...before, text, ...after].join(' '));
          expect(out).not.toContain(secret);
        },
      ),
      { numRuns: 500 },
    );
  });
  it('in an argv', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 4 }), secrets, (before, [text, secret]) => {
        const out = redactWords([...before, ...text.split(' ')]).join(' ');
        expect(out).not.toContain(secret);
      }),
      { numRuns: 500 },
    );
  });
});
