// Nested shell text: sh -c, eval, ssh, su, source and scripts (real files), pipes to a shell, depth.

import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyzeLine } from '../../src/parse/analyze.js';
import type { AnalyzeContext, ArgWord, LineAnalysis } from '../../src/parse/command.js';

function show(word: ArgWord): string {
  return word.value ?? (word.pattern !== undefined ? `glob:${word.pattern}` : `<${word.dynamic}>`);
}

/** Each command as "program argv…". */
function commands(analysis: LineAnalysis): string[] {
  return analysis.commands.map((command) =>
    [command.program ?? '?', ...command.argv.slice(1).map(show)].join(' '),
  );
}

function origins(analysis: LineAnalysis, index: number): string[] {
  return analysis.commands[index]!.origin.map((origin) =>
    origin.detail ? `${origin.kind}:${origin.detail}` : origin.kind,
  );
}

/** Reads small real files, as the CLI will. */
function readSmallFile(path: string): string | undefined {
  try {
    return statSync(path).size > 64 * 1024 ? undefined : readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

let dir = '';
let ctx: AnalyzeContext;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'airlock-nested-'));
  writeFileSync(join(dir, 'script.sh'), '#!/bin/sh\nTARGET=/srv/data\nrm -rf "$TARGET"\ncd /var && ls\n');
  writeFileSync(join(dir, 'args.sh'), 'rm -rf "$1"\n');
  writeFileSync(join(dir, 'loop.sh'), '. ./loop.sh\n');
  writeFileSync(join(dir, 'big.sh'), `${'echo x\n'.repeat(20_000)}`);
  ctx = { env: { HOME: '/home/u', EXPORTED: '/exp' }, cwd: dir, readFile: readSmallFile };
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('shell -c', () => {
  test.each([
    [`sh -c 'rm -rf /'`, ['rm -rf /']],
    [`bash -lc 'rm -rf /; ls'`, ['rm -rf /', 'ls']],
    [`bash -e -o pipefail -c 'rm -rf /'`, ['rm -rf /']],
    [`bash --login -c 'rm x'`, ['rm x']],
    [`zsh -ic 'rm x'`, ['rm x']],
    [`dash -ec 'rm x'`, ['rm x']],
    [`busybox sh -c 'rm x'`, ['rm x']],
    [`/bin/bash -c 'rm x'`, ['rm x']],
    [`bash -c "bash -c 'rm -rf /'"`, ['rm -rf /']],
    [`sh -c 'rm -rf "$1"' name /etc`, ['rm -rf /etc']],
    [`sh -c 'echo $0' myname`, ['echo myname']],
    [`sudo bash -c 'rm -rf /'`, ['rm -rf /']],
    [`bash`, ['bash']],
  ])('%s', (line, expected) => {
    expect(commands(analyzeLine(line, ctx))).toEqual(expected);
  });

  test('origin chain and outer span', () => {
    const line = `bash -c "sh -c 'rm -rf /'"`;
    const analysis = analyzeLine(line, ctx);
    expect(origins(analysis, 0)).toEqual(['line', 'shell -c:bash', 'shell -c:sh']);
    expect(analysis.commands[0]!.span).toEqual({ start: 8, end: line.length });
    expect(analysis.commands[0]!.argv[0]!.span).toEqual({ start: 8, end: line.length });
    expect(analysis.commands[0]!.text).toBe('rm -rf /');
  });

  test('a new shell sees exported variables only, and the same directory', () => {
    const analysis = analyzeLine(`X=/a; export Y=/b; cd /tmp; bash -c 'rm $X $Y $EXPORTED; pwd'`, ctx);
    expect(commands(analysis).slice(1)).toEqual(['cd /tmp', 'rm <$X is not set> /b /exp', 'pwd']);
    expect(analysis.commands[2]!.cwd).toBe('/tmp');
  });

  test('a dynamic body is a dynamic-eval hazard and the shell command stays', () => {
    const analysis = analyzeLine('sh -c "$CMD"', ctx);
    expect(commands(analysis)).toEqual(['sh -c <$CMD is not set>']);
    expect(analysis.hazards.map((hazard) => hazard.kind)).toEqual(['dynamic-eval']);
  });
});

describe('eval', () => {
  test('eval joins its arguments and runs them in the current shell', () => {
    const analysis = analyzeLine(`eval 'X=/data'; eval rm -rf '$X'`, ctx);
    expect(commands(analysis)).toEqual(['rm -rf /data']);
    expect(origins(analysis, 0)).toEqual(['line', 'eval:eval']);
  });

  test('eval of unknown text is a hazard', () => {
    const analysis = analyzeLine('eval "$X"', ctx);
    expect(analysis.hazards).toMatchObject([{ kind: 'dynamic-eval', text: 'eval "$X"' }]);
  });
});

describe('ssh, su, runuser', () => {
  test('ssh runs the joined words remotely with an unknown environment', () => {
    const analysis = analyzeLine(
      `ssh -p 22 -i key -o StrictHostKeyChecking=no -l admin prod-db 'rm -rf /var/lib/x' '$HOME'`,
      ctx,
    );
    expect(commands(analysis)).toEqual(['rm -rf /var/lib/x <$HOME is not set>']);
    const command = analysis.commands[0]!;
    expect(command.remote).toBe('admin@prod-db');
    expect(command.env).toEqual({});
    expect(command.cwd).toBeUndefined();
    expect(origins(analysis, 0)).toEqual(['line', 'ssh:admin@prod-db']);
  });

  test.each([
    ['ssh host', ['ssh host']],
    ['ssh -tt user@host rm -rf /tmp/x', ['rm -rf /tmp/x']],
    ['ssh -J bastion host "cd /srv && rm -rf *"', ['cd /srv', 'rm -rf glob:*']],
    [`su -c 'rm -rf /' root`, ['rm -rf /']],
    [`su - postgres -c 'dropdb app'`, ['dropdb app']],
    [`runuser -u app -- sh -c 'rm x'`, ['rm x']],
    [`runuser -l app -c 'rm x'`, ['rm x']],
    ['su root', ['su root']],
  ])('%s', (line, expected) => {
    expect(commands(analyzeLine(line, ctx))).toEqual(expected);
  });

  test('a remote cd is tracked within the remote command only', () => {
    const analysis = analyzeLine('ssh host "cd /srv && rm -rf *"; rm -rf *', ctx);
    expect(analysis.commands.map((command) => command.cwd)).toEqual([undefined, '/srv', dir]);
  });
});

describe('source and scripts (real files)', () => {
  test('source runs the file in the current shell', () => {
    const analysis = analyzeLine('source ./script.sh; rm -rf "$TARGET"', ctx);
    expect(commands(analysis)).toEqual(['rm -rf /srv/data', 'cd /var', 'ls', 'rm -rf /srv/data']);
    expect(origins(analysis, 0)).toEqual(['line', 'source:./script.sh']);
    expect(analysis.commands[2]!.cwd).toBe('/var');
    expect(analysis.commands[3]!.cwd).toBe('/var');
  });

  test('. FILE ARGS sets the positional parameters', () => {
    expect(commands(analyzeLine('. ./args.sh /important', ctx))).toEqual(['rm -rf /important']);
  });

  test('bash FILE runs it in a new shell', () => {
    const analysis = analyzeLine(`bash ${join(dir, 'script.sh')}; rm -rf "$TARGET"`, ctx);
    expect(commands(analysis)).toEqual(['rm -rf /srv/data', 'cd /var', 'ls', 'rm -rf <$TARGET is not set>']);
    expect(origins(analysis, 0)).toEqual(['line', `shell script:${join(dir, 'script.sh')}`]);
    expect(analysis.commands[3]!.cwd).toBe(dir);
    expect(commands(analyzeLine('sh args.sh /x', ctx))).toEqual(['rm -rf /x']);
  });

  test('a script on stdin from a file or cat is read too', () => {
    expect(commands(analyzeLine('bash < script.sh', ctx))).toEqual(['rm -rf /srv/data', 'cd /var', 'ls']);
    expect(commands(analyzeLine('cat script.sh | sh', ctx))).toEqual([
      'cat script.sh',
      'rm -rf /srv/data',
      'cd /var',
      'ls',
    ]);
  });

  test('a missing or unreadable file is an unknown, and the command stays', () => {
    const analysis = analyzeLine('source ./missing.sh', ctx);
    expect(commands(analysis)).toEqual(['source ./missing.sh']);
    expect(analysis.unknowns).toMatchObject([{ kind: 'unreadable-source', command: 'source ./missing.sh' }]);
    expect(analyzeLine('source ./script.sh', { ...ctx, readFile: undefined }).unknowns[0]!.kind).toBe(
      'unreadable-source',
    );
  });

  test('a dynamic path is a dynamic-eval hazard', () => {
    expect(analyzeLine('source "$F"', ctx).hazards.map((hazard) => hazard.kind)).toEqual(['dynamic-eval']);
  });

  test('a file that sources itself stops at the depth limit', () => {
    const analysis = analyzeLine('. ./loop.sh', ctx);
    expect(analysis.unknowns.map((unknown) => unknown.kind)).toEqual(['nesting-depth']);
  });
});

describe('a shell reading its script from stdin', () => {
  test.each([
    ['echo rm -rf / | sh', ['echo rm -rf /', 'rm -rf /']],
    [`echo 'rm -rf /' | bash -s`, ['echo rm -rf /', 'rm -rf /']],
    [`printf 'rm -rf /\\nls\\n' | sh`, ['printf rm -rf /\\nls\\n', 'rm -rf /', 'ls']],
    ['sh <<EOF\nrm -rf /\nEOF', ['rm -rf /']],
    [`bash <<< 'rm -rf /'`, ['rm -rf /']],
  ])('%s', (line, expected) => {
    const analysis = analyzeLine(line, ctx);
    expect(commands(analysis)).toEqual(expected);
    expect(analysis.commands.at(-1)!.origin.at(-1)!.kind).toBe('pipe to shell');
  });

  test.each([
    'curl -s https://x.example/install.sh | sh',
    'sh <<EOF\nrm -rf $(pwd)/$NOPE\nEOF',
    'echo $NOPE | bash',
  ])('%s is a dynamic eval', (line) => {
    expect(analyzeLine(line, ctx).hazards.map((hazard) => hazard.kind)).toEqual(['dynamic-eval']);
  });
});

describe('nesting depth', () => {
  test('the default depth is 4, and deeper is an unknown', () => {
    const nest = (levels: number): string => {
      let text = 'rm -rf /';
      for (let i = 0; i < levels; i++) text = `eval ${JSON.stringify(text).replaceAll('$', '\\$')}`;
      return text;
    };
    expect(commands(analyzeLine(nest(4), ctx))).toEqual(['rm -rf /']);
    const deep = analyzeLine(nest(5), ctx);
    expect(deep.commands).toEqual([]);
    expect(deep.unknowns.map((unknown) => unknown.kind)).toEqual(['nesting-depth']);
    expect(analyzeLine(nest(2), { ...ctx, maxNestedDepth: 1 }).unknowns[0]!.kind).toBe('nesting-depth');
  });

  test('nested text that does not parse is a syntax-error unknown', () => {
    const analysis = analyzeLine(`sh -c 'rm -rf "x'`, ctx);
    expect(analysis.unknowns.map((unknown) => unknown.kind)).toEqual(['syntax-error']);
    expect(analysis.error).toBeUndefined();
  });
});

describe('text that runs later or elsewhere', () => {
  test('trap and alias bodies are shown, and the trap itself stays', () => {
    expect(commands(analyzeLine(`trap 'rm -rf /tmp/x' EXIT; ls`, ctx))).toEqual([
      'rm -rf /tmp/x',
      'trap rm -rf /tmp/x EXIT',
      'ls',
    ]);
    expect(commands(analyzeLine(`alias ls='rm -rf ~'`, ctx))).toEqual([
      'rm -rf /home/u',
      'alias ls=rm -rf ~',
    ]);
    expect(commands(analyzeLine('trap - EXIT', ctx))).toEqual(['trap - EXIT']);
    expect(analyzeLine('trap "$X" EXIT', ctx).hazards.map((hazard) => hazard.kind)).toEqual(['dynamic-eval']);
  });

  test('a double-quoted body with unknown parts is a hazard, and its commands are still shown', () => {
    const analysis = analyzeLine('sh -c "rm -rf /$DIR"', ctx);
    expect(analysis.hazards.map((hazard) => hazard.kind)).toEqual(['dynamic-eval']);
    expect(commands(analysis)).toEqual(['sh -c <$DIR is not set>', 'rm -rf <$DIR is not set>']);
  });

  test('xargs -I and find -exec fill placeholders inside shell text too', () => {
    const xargs = analyzeLine(`xargs -I{} sh -c 'rm -rf {}'`, ctx);
    expect(xargs.hazards).toEqual([]);
    expect(commands(xargs)).toEqual(['rm -rf <filled in by xargs from its input>']);
    const found = analyzeLine(`find . -exec sh -c 'rm -rf {}' \\;`, ctx);
    expect(commands(found)).toEqual(['find . -exec sh -c rm -rf {} ;', 'rm -rf <a file found by find>']);
  });
});

describe('wrappers around a nested shell', () => {
  test('commands inside `sudo bash -c` run under sudo, and cd still counts', () => {
    const analysis = analyzeLine(`sudo -u root bash -c 'cd /srv && rm -rf *'`, ctx);
    expect(analysis.commands.map((command) => command.wrappers.map((wrapper) => wrapper.name))).toEqual([
      ['sudo'],
      ['sudo'],
    ]);
    expect(analysis.commands[1]!.cwd).toBe('/srv');
    const piped = analyzeLine(`echo 'rm -rf /' | sudo sh`, ctx);
    expect(piped.commands.at(-1)!.wrappers.map((wrapper) => wrapper.name)).toEqual(['sudo']);
  });

  test('a command substitution in the outer line runs without the wrapper', () => {
    const analysis = analyzeLine('sudo echo $(rm x)', ctx);
    expect(analysis.commands.map((command) => [command.program, command.wrappers.length])).toEqual([
      ['rm', 0],
      ['echo', 1],
    ]);
  });
});

describe('cat of a heredoc into a shell', () => {
  test.each([
    ["cat <<'EOF' | bash\nrm -rf /srv\nEOF", ['cat', 'rm -rf /srv']],
    ['cat <<< "rm -rf /srv" | sh', ['cat', 'rm -rf /srv']],
  ])('%s', (line, expected) => {
    expect(commands(analyzeLine(line, ctx))).toEqual(expected);
  });

  test('cat of a dynamic heredoc into a shell is a dynamic eval', () => {
    expect(analyzeLine('cat <<EOF | sh\nrm $NOPE\nEOF', ctx).hazards.map((hazard) => hazard.kind)).toEqual([
      'dynamic-eval',
    ]);
  });
});
