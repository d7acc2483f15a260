// Wrapper unwrapping: the wrapped command becomes the SimpleCommand, the wrappers are listed.

import { describe, expect, test } from 'vitest';
import { analyzeArgv, analyzeLine } from '../../src/parse/analyze.js';
import type { AnalyzeContext, ArgWord, LineAnalysis, SimpleCommand } from '../../src/parse/command.js';
import { splitEnvString } from '../../src/parse/unwrap.js';
import { parseOptions } from '../../src/parse/unwrap-options.js';

const ctx: AnalyzeContext = { env: { HOME: '/home/u', PATH: '/usr/bin', KEEP: 'k' }, cwd: '/work' };

function show(word: ArgWord): string {
  return word.value ?? (word.pattern !== undefined ? `glob:${word.pattern}` : `<${word.dynamic}>`);
}

function only(analysis: LineAnalysis): SimpleCommand {
  expect(analysis.error).toBeUndefined();
  expect(analysis.commands).toHaveLength(1);
  return analysis.commands[0]!;
}

/** line → "program argv…" of its single command, and the wrapper names. */
function unwrap(line: string): { command: string; wrappers: string } {
  const command = only(analyzeLine(line, ctx));
  return {
    command: [command.program ?? '?', ...command.argv.slice(1).map(show)].join(' '),
    wrappers: command.wrappers.map((wrapper) => wrapper.name).join(','),
  };
}

describe('wrappers with options', () => {
  test.each([
    ['sudo rm -rf /', 'rm -rf /', 'sudo'],
    ['sudo -u root -g wheel -E -H -n -k -S -b -P rm x', 'rm x', 'sudo'],
    ['sudo -uroot rm x', 'rm x', 'sudo'],
    ['sudo -p "pw:" -C 3 -h host -r role -t type -T 10 rm x', 'rm x', 'sudo'],
    ['sudo --preserve-env=PATH,HOME --user=root -- rm x', 'rm x', 'sudo'],
    ['sudo --user root rm x', 'rm x', 'sudo'],
    ['sudo -s', 'bash', 'sudo'],
    ['sudo -i', 'bash', 'sudo'],
    ['sudo -v', 'sudo -v', ''],
    ['sudo -l rm', 'sudo -l rm', ''],
    ['sudo', 'sudo', ''],
    ['doas -u root -n rm x', 'rm x', 'doas'],
    ['doas -s', 'sh', 'doas'],
    ['env rm x', 'rm x', 'env'],
    ['env -i -u HOME -0 -- rm x', 'rm x', 'env'],
    ['env', 'env', ''],
    ['env X=1', 'env X=1', ''],
    ['env -S "rm -rf" /', 'rm -rf /', 'env,env'],
    ['env --split-string="rm -rf /"', 'rm -rf /', 'env,env'],
    ['command rm x', 'rm x', 'command'],
    ['command -p rm x', 'rm x', 'command'],
    ['command -v rm', 'command -v rm', ''],
    ['builtin cd /', 'cd /', 'builtin'],
    ['exec -a name -c -l rm x', 'rm x', 'exec'],
    ['exec', 'exec', ''],
    ['nice -n 5 rm x', 'rm x', 'nice'],
    ['nice -n5 rm x', 'rm x', 'nice'],
    ['nice -5 rm x', 'rm x', 'nice'],
    ['nice --adjustment=5 rm x', 'rm x', 'nice'],
    ['ionice -c 2 -n 7 -t rm x', 'rm x', 'ionice'],
    ['ionice -p 42', 'ionice -p 42', ''],
    ['nohup rm x', 'rm x', 'nohup'],
    ['timeout 5 rm -rf /', 'rm -rf /', 'timeout'],
    ['timeout -s KILL -k 1m --preserve-status --foreground 5s rm x', 'rm x', 'timeout'],
    ['timeout --signal=TERM 5 rm x', 'rm x', 'timeout'],
    ['timeout 5', 'timeout 5', ''],
    ['time -p rm x', 'rm x', ''],
    ['/usr/bin/time -f %e -o out rm x', 'rm x', 'time'],
    ['stdbuf -o0 -e L -i 0 rm x', 'rm x', 'stdbuf'],
    ['stdbuf --output=0 rm x', 'rm x', 'stdbuf'],
    ['watch -x rm x', 'rm x', 'watch'],
    ['chroot /mnt rm x', 'rm x', 'chroot'],
    ['chroot --userspec=u:g /mnt rm x', 'rm x', 'chroot'],
    ['setsid -f rm x', 'rm x', 'setsid'],
    ['unbuffer -p rm x', 'rm x', 'unbuffer'],
    ['flock /tmp/lock rm x', 'rm x', 'flock'],
    ['flock -w 5 -x /tmp/lock rm x', 'rm x', 'flock'],
    ['flock 9', 'flock 9', ''],
    ['caffeinate -i -t 60 rm x', 'rm x', 'caffeinate'],
    ['torsocks rm x', 'rm x', 'torsocks'],
    ['proxychains -q -f conf rm x', 'rm x', 'proxychains'],
    ['proxychains4 rm x', 'rm x', 'proxychains4'],
    ['chronic -e rm x', 'rm x', 'chronic'],
    ['strace -f -e trace=file -o out rm x', 'rm x', 'strace'],
    ['ltrace -f rm x', 'rm x', 'ltrace'],
    ['busybox rm -rf /', 'rm -rf /', 'busybox'],
    ['pkexec --user root rm x', 'rm x', 'pkexec'],
    ['sudo -u root env -i nice rm -rf /', 'rm -rf /', 'sudo,env,nice'],
    ['sudo env X=1 nice -n5 timeout 3 nohup rm -rf x', 'rm -rf x', 'sudo,env,nice,timeout,nohup'],
    ['\\sudo /usr/bin/env rm x', 'rm x', 'sudo,env'],
  ])('%s', (line, command, wrappers) => {
    expect(unwrap(line)).toEqual({ command, wrappers });
  });
});

describe('environment and directory changes', () => {
  test('env assignments, -u and -i shape the environment', () => {
    expect(only(analyzeLine('env X=1 rm x', ctx)).env).toMatchObject({ X: '1', KEEP: 'k' });
    expect(only(analyzeLine('env -i Y=2 rm x', ctx)).env).toEqual({ Y: '2' });
    expect(only(analyzeLine('env - rm x', ctx)).env).toEqual({});
    expect('KEEP' in only(analyzeLine('env -u KEEP rm x', ctx)).env).toBe(false);
    expect(only(analyzeLine('sudo KUBECONFIG=/k kubectl get pods', ctx)).env.KUBECONFIG).toBe('/k');
  });

  test('env -C, sudo -D and chroot move the working directory', () => {
    expect(only(analyzeLine('env -C sub rm x', ctx)).cwd).toBe('/work/sub');
    expect(only(analyzeLine('env --chdir=/srv rm x', ctx)).cwd).toBe('/srv');
    expect(only(analyzeLine('sudo -D /var rm x', ctx)).cwd).toBe('/var');
    expect(only(analyzeLine('chroot /mnt rm x', ctx)).cwd).toBeUndefined();
  });

  test('wrapper args are kept as written', () => {
    expect(only(analyzeLine('sudo -u root rm x', ctx)).wrappers).toEqual([
      { name: 'sudo', args: ['-u', 'root'] },
    ]);
    expect(only(analyzeLine('timeout -s KILL 5 rm x', ctx)).wrappers).toEqual([
      { name: 'timeout', args: ['-s', 'KILL', '5'] },
    ]);
  });

  test('a dynamic wrapper option hides where the command starts', () => {
    const analysis = analyzeLine('sudo $OPTS rm -rf /', ctx);
    expect(analysis.commands[0]!.program).toBe('sudo');
    expect(analysis.hazards.map((hazard) => hazard.kind)).toEqual(['dynamic-command']);
  });
});

describe('xargs, parallel, watch, find', () => {
  test('xargs runs its command with arguments from stdin', () => {
    const command = only(analyzeLine('xargs -0 -n 1 -P4 rm -rf < list', ctx));
    expect(command.program).toBe('rm');
    expect(command.argv.map(show)).toEqual(['rm', '-rf']);
    expect(command.origin.map((origin) => origin.kind)).toEqual(['line', 'xargs']);
    expect(command.stdin).toMatchObject({ kind: 'file', path: { value: 'list' } });
  });

  test.each([
    ['xargs', 'echo'],
    ['xargs -I {} mv {} /tmp', 'mv <filled in by xargs from its input> /tmp'],
    ['xargs -i rm {}.bak', 'rm <filled in by xargs from its input>'],
    ['xargs -d "\\n" -L 1 -s 100 -E end -a file rm', 'rm'],
    ['xargs --max-args=2 --delimiter=, rm', 'rm'],
  ])('%s', (line, command) => {
    expect(unwrap(line).command).toBe(command);
  });

  test('xargs sh -c re-parses the body, with positional parameters unknown', () => {
    const command = only(analyzeLine(`xargs sh -c 'rm -rf "$1"' _`, ctx));
    expect(command.argv.map(show)).toEqual(['rm', '-rf', '<$1 is a positional parameter>']);
    expect(command.origin.map((origin) => origin.kind)).toEqual(['line', 'xargs', 'shell -c']);
  });

  test('parallel runs its template through a shell, with {} filled in', () => {
    const command = only(analyzeLine(`parallel -j4 'rm -rf {}' ::: a b`, ctx));
    expect(command.argv.map(show)).toEqual(['rm', '-rf', '<filled in by parallel from its input>']);
    expect(command.origin.map((origin) => origin.kind)).toEqual(['line', 'parallel']);
    expect(unwrap('parallel rm ::: a b').command).toBe('rm');
  });

  test('parallel without a template runs its inputs as command lines', () => {
    const analysis = analyzeLine(`parallel ::: 'rm -rf a' 'ls'`, ctx);
    expect(analysis.commands.map((command) => command.program)).toEqual(['rm', 'ls']);
    const fromStdin = analyzeLine('cat cmds | parallel', ctx);
    expect(fromStdin.hazards.map((hazard) => hazard.kind)).toEqual(['dynamic-eval']);
  });

  test('watch without -x joins its arguments and runs them with sh -c', () => {
    const analysis = analyzeLine(`watch -n1 -d 'rm -rf /tmp/x; ls'`, ctx);
    expect(analysis.commands.map((command) => command.program)).toEqual(['rm', 'ls']);
    expect(analysis.commands[0]!.argv.map(show)).toEqual(['rm', '-rf', '/tmp/x']);
    expect(analysis.commands[0]!.origin.map((origin) => origin.kind)).toEqual(['line', 'watch']);
    expect(unwrap('watch -n1 rm -rf /tmp/x').command).toBe('rm -rf /tmp/x');
  });

  test('flock -c runs a command string', () => {
    expect(unwrap(`flock /tmp/l -c 'rm -rf x'`).command).toBe('rm -rf x');
    expect(unwrap(`flock -c 'rm -rf x' /tmp/l`).command).toBe('rm -rf x');
  });

  test.each([
    ['find . -name x -exec rm -rf {} +', 'rm -rf <a file found by find>', '-exec'],
    ['find . -execdir rm {} \\;', 'rm <a file found by find>', '-execdir'],
    ['find / -ok sudo rm {} ";"', 'rm <a file found by find>', '-ok'],
    ['find . -okdir rm -- {} \\;', 'rm -- <a file found by find>', '-okdir'],
  ])('%s keeps the find and adds the inner command', (line, inner, action) => {
    const analysis = analyzeLine(line, ctx);
    expect(analysis.commands.map((command) => command.program)).toEqual(['find', 'rm']);
    const rm = analysis.commands[1]!;
    expect([rm.program, ...rm.argv.slice(1).map(show)].join(' ')).toBe(inner);
    expect(rm.origin.at(-1)).toEqual({ kind: 'find -exec', detail: action });
  });

  test('find -delete stays a find command, and find -exec sh -c re-parses', () => {
    expect(unwrap('find . -name "*.o" -delete').command).toBe('find . -name *.o -delete');
    const analysis = analyzeLine(`find . -exec sh -c 'rm -rf "$0"' {} \\;`, ctx);
    expect(analysis.commands.map((command) => command.program)).toEqual(['find', 'rm']);
    expect(analysis.commands[1]!.argv.map(show)).toEqual(['rm', '-rf', '<$0 is a positional parameter>']);
  });
});

describe('argv mode', () => {
  test('argv from a shim is unwrapped and its shell bodies re-parsed', () => {
    const analysis = analyzeArgv(['sudo', '-u', 'root', 'bash', '-c', 'rm -rf /; ls'], ctx);
    expect(analysis.commands.map((command) => command.program)).toEqual(['rm', 'ls']);
    expect(analysis.commands[0]!.span).toEqual({ start: 21, end: 33 });
    expect(only(analyzeArgv(['rm', '-rf', '*'], ctx)).argv.map(show)).toEqual(['rm', '-rf', '*']);
  });
});

describe('option reading', () => {
  const words = (...values: string[]): ArgWord[] =>
    values.map((value) => ({ text: value, value, span: { start: 0, end: 0 } }));

  test('clusters, attached values, long options and --', () => {
    const parsed = parseOptions(words('x', '-abn5', '--long=v', '--file', 'f', '--', '-c'), 1, {
      short: 'n',
      long: ['file'],
    });
    expect(parsed.options).toEqual([
      { name: 'a' },
      { name: 'b' },
      { name: 'n', value: '5' },
      { name: 'long', value: 'v' },
      { name: 'file', value: 'f' },
    ]);
    expect(parsed.next).toBe(6);
  });

  test('env -S strings split like env does', () => {
    expect(splitEnvString(`rm -rf "a b" 'c d' e\\ f`)).toEqual(['rm', '-rf', 'a b', 'c d', 'e f']);
    expect(splitEnvString('  ')).toEqual([]);
  });
});
