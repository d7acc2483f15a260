// The line analysis end to end: where commands hide, their contexts, cd tracking, stdin,
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are shell text, not JS templates
// hazards, bypass attempts, parse failures and speed.

import { describe, expect, test } from 'vitest';
import { analyzeArgv, analyzeLine } from '../../src/parse/analyze.js';
import type { AnalyzeContext, ArgWord, LineAnalysis } from '../../src/parse/command.js';

const ctx: AnalyzeContext = { env: { HOME: '/home/u', PATH: '/usr/bin:/bin' }, cwd: '/work' };

function show(word: ArgWord): string {
  return word.value ?? (word.pattern !== undefined ? `glob:${word.pattern}` : `<${word.dynamic}>`);
}

function commands(analysis: LineAnalysis): string[] {
  return analysis.commands.map((command) =>
    [command.program ?? '?', ...command.argv.slice(1).map(show)].join(' '),
  );
}

function find(analysis: LineAnalysis, program: string) {
  const command = analysis.commands.find((c) => c.program === program);
  expect(command, `${program} in ${commands(analysis).join(' | ')}`).toBeDefined();
  return command!;
}

describe('every simple command is found', () => {
  test.each([
    ['a; b && c || d & e', ['a', 'b', 'c', 'd', 'e']],
    ['a | b |& c', ['a', 'b', 'c']],
    ['(a; b) && { c; }', ['a', 'b', 'c']],
    ['if a; then b; elif c; then d; else e; fi', ['a', 'b', 'c', 'd', 'e']],
    ['while a; do b; done; until c; do d; done', ['a', 'b', 'c', 'd']],
    ['for x in $(a); do b; done', ['a', 'b']],
    ['for ((i=$(a); i<3; i++)); do b; done', ['a', 'b']],
    ['select x in 1; do b; done', ['b']],
    ['case $(a) in $(b)) c;; *) d;; esac', ['a', 'b', 'c', 'd']],
    ['[[ -f $(a) ]] && (( $(b) + 1 ))', ['a', 'b']],
    ['echo $(( $(a) ))', ['a', 'echo']],
    ['f() { a; }; g() ( b ); f', ['a', 'b', 'f']],
    ['coproc a', ['a']],
    ['! a', ['a']],
    ['echo "x $(a) `b`"', ['a', 'b', 'echo']],
    ['echo ${x:-$(a)} "${y:=$(b)}"', ['a', 'b', 'echo']],
    ['diff <(a) >(b)', ['a', 'b', 'diff']],
    ['cat <<EOF\n$(a)\nEOF', ['a', 'cat']],
    ["cat <<'EOF'\n$(a)\nEOF", ['cat']],
    ['echo > $(a) 2>"$(b)"', ['a', 'b', 'echo']],
    ['X=$(a) Y=`b` c', ['a', 'b', 'c']],
    ['arr=($(a) x); echo', ['a', 'echo']],
    ['echo $(echo $(a))', ['a', 'echo', 'echo']],
    ['time a | b', ['a', 'b']],
  ])('%s', (line, expected) => {
    const analysis = analyzeLine(line, ctx);
    expect(analysis.error).toBeUndefined();
    expect(analysis.commands.map((command) => command.program)).toEqual(expected);
  });

  test('contexts record where each command sits', () => {
    const analysis = analyzeLine(
      'a | b; (c) && d || e & if f; then g; fi; for i in 1; do h; done; case x in x) k;; esac; ! m; echo $(n) <(o); p(){ q; }',
      ctx,
    );
    const contexts = Object.fromEntries(
      analysis.commands.map((command) => [command.program, command.context.join(',')]),
    );
    expect(contexts).toMatchObject({
      a: 'pipeline',
      b: 'pipeline',
      c: 'background,subshell',
      d: 'background,and',
      e: 'background,or',
      f: 'if,condition',
      g: 'if',
      h: 'loop',
      k: 'case',
      m: 'negated',
      n: 'command-substitution',
      o: 'process-substitution',
      q: 'function,group',
    });
  });

  test('a bare redirect is reported with an empty argv', () => {
    const analysis = analyzeLine('> /etc/passwd', ctx);
    expect(analysis.commands).toHaveLength(1);
    expect(analysis.commands[0]!.argv).toEqual([]);
    expect(analysis.commands[0]!.redirects[0]).toMatchObject({ op: '>', target: { value: '/etc/passwd' } });
    expect(analyzeLine('X=1', ctx).commands).toEqual([]);
  });
});

describe('program names', () => {
  test.each([
    ['rm x', 'rm', undefined],
    ['\\rm x', 'rm', undefined],
    ["r''m x", 'rm', undefined],
    ['"rm" x', 'rm', undefined],
    ['/usr/bin/rm x', 'rm', '/usr/bin/rm'],
    ['./bin/tool x', 'tool', './bin/tool'],
    ["$'\\x72\\x6d' x", 'rm', undefined],
    ['X=rm; $X -rf /', 'rm', undefined],
    ['a=r;b=m; $a$b -rf /', 'rm', undefined],
  ])('%s', (line, program, path) => {
    const command = analyzeLine(line, ctx).commands.at(-1)!;
    expect(command.program).toBe(program);
    expect(command.programPath).toBe(path);
    expect(analyzeLine(line, ctx).hazards).toEqual([]);
  });

  test.each([
    ['$CMD -rf /', '$CMD is not set'],
    ['$(echo rm) x', 'command substitution'],
    ['/usr/bin/r? x', 'glob'],
    ['"" x', 'empty'],
    ['if true; then X=rm; fi; $X x', '$X is not known statically'],
  ])('%s is a dynamic command', (line, reason) => {
    const analysis = analyzeLine(line, ctx);
    const hazard = analysis.hazards.find((h) => h.kind === 'dynamic-command');
    expect(hazard?.reason).toContain(reason);
    expect(hazard?.command?.program).toBeUndefined();
  });
});

describe('cd tracking', () => {
  test.each([
    ['cd /tmp && rm -rf *', '/tmp'],
    ['cd /tmp; rm -rf *', '/tmp'],
    ['cd /tmp\nrm -rf *', '/tmp'],
    ['cd sub/dir && rm x', '/work/sub/dir'],
    ['cd .. && rm x', '/'],
    ['cd && rm x', '/home/u'],
    ['cd ~/p && rm x', '/home/u/p'],
    ['cd /a; cd /b; cd - && rm x', '/a'],
    ['cd -P /x && rm x', '/x'],
    ['(cd / && ls); rm y', '/work'],
    ['cd $NOPE && rm x', undefined],
    ['pushd /x && rm x', undefined],
    ['if c; then cd /x; fi; rm x', undefined],
    ['for d in a b; do rm x; cd $d; done', undefined],
    ['CDPATH=/srv; cd app && rm x', undefined],
    ['CDPATH=/srv; cd ./app && rm x', '/work/app'],
    ['cd /x | true; rm x', '/work'],
    ['f(){ cd /; }; f; rm x', undefined],
    ['cd /x & rm x', '/work'],
    ['command cd /x; rm x', '/x'],
  ])('%s', (line, cwd) => {
    const rm = analyzeLine(line, ctx).commands.filter((command) => command.program === 'rm');
    expect(rm).toHaveLength(1);
    expect(rm[0]!.cwd).toBe(cwd);
  });

  test('inside a subshell the change applies until it ends', () => {
    const analysis = analyzeLine('(cd / && rm -rf *)', ctx);
    expect(find(analysis, 'rm').cwd).toBe('/');
  });

  test('$PWD and OLDPWD follow cd', () => {
    const analysis = analyzeLine('cd /srv; echo $PWD $OLDPWD', { ...ctx, env: { ...ctx.env, PWD: '/work' } });
    expect(commands(analysis).at(-1)).toBe('echo /srv /work');
  });
});

describe('standard input', () => {
  test('pipes name the earlier commands, nearest last', () => {
    const analysis = analyzeLine('a | b | c', ctx);
    const stdin = find(analysis, 'c').stdin;
    expect(stdin?.kind).toBe('pipe');
    expect(stdin?.kind === 'pipe' && stdin.from.map((command) => command.program)).toEqual(['a', 'b']);
    expect(find(analysis, 'a').stdin).toBeUndefined();
  });

  test.each([
    ['psql <<EOF\nDROP TABLE t;\nEOF', { kind: 'heredoc', text: 'DROP TABLE t;\n' }],
    ["psql <<'EOF'\nDROP $T;\nEOF", { kind: 'heredoc', text: 'DROP $T;\n' }],
    ['psql <<EOF\nDROP $T;\nEOF', { kind: 'heredoc', dynamic: '$T is not set' }],
    ['psql <<< "DROP TABLE t"', { kind: 'herestring', text: 'DROP TABLE t\n' }],
    ['psql < dump.sql', { kind: 'file', path: { value: 'dump.sql' } }],
    ['psql 0< a.sql', { kind: 'file', path: { value: 'a.sql' } }],
    ['psql 2< a.sql', undefined],
    ['{ psql; } < a.sql', { kind: 'file', path: { value: 'a.sql' } }],
    ['while read l; do psql; done < a.sql', { kind: 'file', path: { value: 'a.sql' } }],
  ])('%s', (line, stdin) => {
    const command = find(analyzeLine(line, ctx), 'psql');
    if (stdin === undefined) expect(command.stdin).toBeUndefined();
    else expect(command.stdin).toMatchObject(stdin);
  });

  test('a compound pipeline element feeds all its commands', () => {
    const analysis = analyzeLine('echo x | { a; b; }', ctx);
    expect(find(analysis, 'b').stdin).toMatchObject({ kind: 'pipe' });
  });

  test('redirects are resolved', () => {
    const command = analyzeLine('X=/tmp/o; cmd > $X 2>&1 >> ~/log', ctx).commands[0]!;
    expect(command.redirects.map((r) => [r.op, r.fd, r.target.value])).toEqual([
      ['>', undefined, '/tmp/o'],
      ['>&', 2, '1'],
      ['>>', undefined, '/home/u/log'],
    ]);
  });
});

describe('hazards', () => {
  test.each([':(){ :|:& };:', 'bomb(){ bomb|bomb& }; bomb', 'f() { f & f; }; f', 'b(){ b | b; }'])(
    '%s is a fork bomb',
    (line) => {
      const analysis = analyzeLine(line, ctx);
      expect(analysis.hazards.map((hazard) => hazard.kind)).toEqual(['fork-bomb']);
    },
  );

  test.each(['f(){ f; }; f', 'f(){ g | g; }; f', 'a | a &'])('%s is not a fork bomb', (line) => {
    expect(analyzeLine(line, ctx).hazards).toEqual([]);
  });
});

describe('bypass attempts', () => {
  test.each([
    [`r''m -rf /`, 'rm -rf /'],
    [`"rm" -rf /`, 'rm -rf /'],
    [`\\rm -rf /`, 'rm -rf /'],
    [`/usr/bin/rm -rf /`, 'rm -rf /'],
    [`$'\\x72\\x6d' -rf /`, 'rm -rf /'],
    [`X=rm; $X -rf /`, 'rm -rf /'],
    [`a=r;b=m; $a$b -rf /`, 'rm -rf /'],
    [`echo $(rm -rf x)`, 'rm -rf x'],
    ['`rm -rf x`', 'rm -rf x'],
    [`echo "$(rm x)"`, 'rm x'],
    ['echo ${x:-$(rm y)}', 'rm y'],
    [`echo a#b; rm -rf /`, 'rm -rf /'],
    [`ls # c\nrm -rf /`, 'rm -rf /'],
    [`sudo -u root env -i nice rm -rf /`, 'rm -rf /'],
    [`bash -c "bash -c 'rm -rf /'"`, 'rm -rf /'],
    [`eval 'rm -rf /'`, 'rm -rf /'],
    [`ssh host 'rm -rf /'`, 'rm -rf /'],
    [`find . -name x -exec rm -rf {} +`, 'rm -rf <a file found by find>'],
    [`xargs rm -rf < list`, 'rm -rf'],
    [`echo rm -rf / | sh`, 'rm -rf /'],
    [`sh <<EOF\nrm -rf /\nEOF`, 'rm -rf /'],
    [`timeout 5 rm -rf /`, 'rm -rf /'],
    [`watch -n1 rm -rf /tmp/x`, 'rm -rf /tmp/x'],
    [`f(){ rm -rf /; }; f`, 'rm -rf /'],
    [`(cd / && rm -rf *)`, 'rm -rf glob:*'],
    [`cd /tmp && rm -rf *`, 'rm -rf glob:*'],
    [`X="-rf /"; rm $X`, 'rm -rf /'],
    [`rm -rf /{,}`, 'rm -rf / /'],
    [`IFS=,; X=rm,-rf,/; $X`, 'rm -rf /'],
    [`env -S 'rm -rf /'`, 'rm -rf /'],
    [`command -p rm -rf /`, 'rm -rf /'],
    [`exec rm -rf /`, 'rm -rf /'],
    [`builtin eval 'rm -rf /'`, 'rm -rf /'],
    [`sudo sh -c 'cd / && rm -rf *'`, 'rm -rf glob:*'],
    [`echo 'rm -rf /' | sudo bash`, 'rm -rf /'],
    [`bash <<< 'rm -rf /'`, 'rm -rf /'],
    [`time rm -rf /`, 'rm -rf /'],
    [`nohup rm -rf / &`, 'rm -rf /'],
    [`{ rm -rf /; }`, 'rm -rf /'],
    [`true || rm -rf /`, 'rm -rf /'],
    [`rm -rf "$HOME"/`, 'rm -rf /home/u/'],
    [`rm\t-rf /`, 'rm -rf /'],
    [`r\\\nm -rf /`, 'rm -rf /'],
  ])('%s', (line, expected) => {
    const analysis = analyzeLine(line, ctx);
    expect(commands(analysis)).toContain(expected);
    expect(analysis.commands.find((command) => command.program === 'rm')).toBeDefined();
  });

  test('the cwd of the bypass commands', () => {
    expect(find(analyzeLine('(cd / && rm -rf *)', ctx), 'rm').cwd).toBe('/');
    expect(find(analyzeLine('cd /tmp && rm -rf *', ctx), 'rm').cwd).toBe('/tmp');
    expect(find(analyzeLine(`sudo sh -c 'cd / && rm -rf *'`, ctx), 'rm').cwd).toBe('/');
  });
});

describe('parse failures', () => {
  test('a syntax error is an unknown, with the commands before it salvaged', () => {
    const analysis = analyzeLine('rm -rf /tmp/a; echo "unterminated', ctx);
    expect(analysis.error?.kind).toBe('syntax');
    expect(analysis.unknowns[0]!.kind).toBe('syntax-error');
    expect(commands(analysis)).toEqual(['rm -rf /tmp/a']);
  });

  test('nothing to salvage', () => {
    const analysis = analyzeLine('if then fi (', ctx);
    expect(analysis.error).toBeDefined();
    expect(analysis.commands).toEqual([]);
    expect(analysis.unknowns.map((unknown) => unknown.kind)).toEqual(['syntax-error']);
  });

  test('too many commands is a limit unknown', () => {
    const analysis = analyzeLine('echo {1..999}{1..2}'.replace('echo', 'true;'.repeat(10_050)), ctx);
    expect(analysis.commands).toHaveLength(10_000);
    expect(analysis.unknowns.map((unknown) => unknown.kind)).toEqual(['limit']);
  });

  test('an internal error fails closed instead of throwing', () => {
    const broken: AnalyzeContext = {
      env: {},
      cwd: '/',
      readFile: () => {
        throw new Error('disk on fire');
      },
    };
    const analysis = analyzeLine('rm x; source ./f', broken);
    expect(analysis.commands).toEqual([]);
    expect(analysis.unknowns).toEqual([
      { kind: 'unsupported', reason: 'internal error while analyzing the line: disk on fire' },
    ]);
    expect(analyzeArgv(['bash', 'script.sh'], broken).unknowns[0]!.kind).toBe('unsupported');
  });
});

describe('speed', () => {
  test('a typical line takes microseconds once warm', () => {
    const line =
      'cd /srv/app && sudo -u deploy env RAILS_ENV=production bundle exec rake db:migrate | tee log';
    for (let i = 0; i < 200; i++) analyzeLine(line, ctx);
    const runs = 2000;
    const started = performance.now();
    for (let i = 0; i < runs; i++) analyzeLine(line, ctx);
    const perLine = ((performance.now() - started) / runs) * 1000;
    // About 30 µs in a bundled build; the test runner's module loader is several times slower.
    expect(perLine).toBeLessThan(500);
  });

  test('big inputs stay linear', () => {
    const words = `echo ${'a '.repeat(50_000)}`;
    const started = performance.now();
    const analysis = analyzeLine(words, ctx);
    expect(analysis.error).toBeUndefined();
    expect(analysis.commands[0]!.argv).toHaveLength(50_001);
    expect(analyzeLine(`echo "${'$x'.repeat(50_000)}"`, ctx).commands).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('spans and text', () => {
  test('commands inside substitutions point into the line', () => {
    const line = 'echo "$(rm -rf x)" && ls';
    const analysis = analyzeLine(line, ctx);
    const rm = find(analysis, 'rm');
    expect(line.slice(rm.span.start, rm.span.end)).toBe('rm -rf x');
    expect(rm.text).toBe('rm -rf x');
    expect(line.slice(rm.argv[2]!.span.start, rm.argv[2]!.span.end)).toBe('x');
    const ls = find(analysis, 'ls');
    expect(line.slice(ls.span.start, ls.span.end)).toBe('ls');
  });

  test('brace and field expansion keep the span of the word they came from', () => {
    const line = 'X="a b"; rm $X {c,d}';
    const rm = find(analyzeLine(line, ctx), 'rm');
    expect(rm.argv.map((word) => line.slice(word.span.start, word.span.end))).toEqual([
      'rm',
      '$X',
      '$X',
      '{c,d}',
      '{c,d}',
    ]);
    expect(rm.argv.map((word) => word.text)).toEqual(['rm', '$X', '$X', '{c,d}', '{c,d}']);
  });
});
