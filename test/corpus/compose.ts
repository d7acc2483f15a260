// Builds dangerous command lines from templates: a destructive core, its program name
// quoted or pathed, wrapped in unwrappers and nested in shells, substitutions and heredocs.

import fc from 'fast-check';

/** Destructive commands a guard must never let through, however they are dressed. */
export const dangerousCores: readonly { program: string; args: string }[] = [
  { program: 'rm', args: '-rf /' },
  { program: 'rm', args: '-rf ~' },
  { program: 'rm', args: '-rf src' },
  { program: 'rm', args: '-rf .' },
  { program: 'git', args: 'reset --hard' },
  { program: 'git', args: 'push --force origin main' },
  { program: 'git', args: 'clean -fdx' },
  { program: 'git', args: 'stash clear' },
  { program: 'git', args: 'branch -D old-feature' },
  { program: 'dd', args: 'if=/dev/zero of=/dev/sda' },
  { program: 'mkfs.ext4', args: '/dev/sdb1' },
  { program: 'shred', args: '-u notes.txt' },
  { program: 'chmod', args: '-R 777 /' },
  { program: 'find', args: '. -delete' },
  { program: 'rsync', args: '-a --delete src/ backup/' },
];

/** Ways to write a program name that bash still runs as that program. */
const programSpellings: readonly ((name: string) => string)[] = [
  (name) => name,
  (name) => `\\${name}`,
  (name) => `"${name}"`,
  (name) => `'${name}'`,
  (name) => `${name.slice(0, 1)}''${name.slice(1)}`,
  (name) => `$'${[...name].map((c) => `\\x${c.charCodeAt(0).toString(16)}`).join('')}'`,
  (name) => `/usr/bin/${name}`,
];

/**
 * Commands that run their arguments as a command: prefix, suffix, and the shell level they
 * need. Programs (0) can wrap anything; builtins (1: exec, command, time) only work where the
 * shell reads them; an assignment prefix (2) only at the very front.
 */
const wrappers: readonly [string, string, number][] = [
  ['sudo ', '', 0],
  ['sudo -u root ', '', 0],
  ['doas ', '', 0],
  ['env ', '', 0],
  ['env -i ', '', 0],
  ['env FOO=1 ', '', 0],
  ['command ', '', 1],
  ['exec ', '', 1],
  ['nice -n 10 ', '', 0],
  ['ionice -c3 ', '', 0],
  ['nohup ', '', 0],
  ['timeout 10 ', '', 0],
  ['time ', '', 1],
  ['stdbuf -oL ', '', 0],
  ['watch -n 1 ', '', 0],
  ['FOO=bar ', '', 2],
  ['xargs ', '', 0],
  ['find . -maxdepth 0 -exec ', ' \\;', 0],
];

export const singleQuoted = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;
const doubleQuoted = (text: string) => `"${text.replace(/[\\"$`]/g, (c) => `\\${c}`)}"`;

/** Ways to nest a command inside another construct; `depth` keeps heredoc delimiters unique. */
const nestings: readonly ((cmd: string, depth: number) => string)[] = [
  (cmd) => `bash -c ${singleQuoted(cmd)}`,
  (cmd) => `bash -c ${doubleQuoted(cmd)}`,
  (cmd) => `eval ${singleQuoted(cmd)}`,
  (cmd) => `echo "$(${cmd}\n)"`,
  (cmd) => `( ${cmd}\n)`,
  (cmd) => `{ ${cmd}\n}`,
  (cmd) => `true && ${cmd}`,
  (cmd) => `false || ${cmd}`,
  (cmd) => `echo ok; ${cmd}`,
  (cmd) => `if true; then ${cmd}\nfi`,
  (cmd) => `for i in 1; do ${cmd}\ndone`,
  (cmd) => `f() { ${cmd}\n}; f`,
  (cmd) => `echo x | ${cmd}`,
  (cmd, depth) => `bash <<'AIRLOCK_${depth}'\n${cmd}\nAIRLOCK_${depth}`,
  (cmd) => `printf '%s\\n' ${singleQuoted(cmd)} | sh`,
  (cmd) => `ssh host ${singleQuoted(cmd)}`,
];

/** A random dangerous line: core, spelling, up to two wrappers, up to three nestings. */
export const dangerousLine: fc.Arbitrary<string> = fc
  .record({
    core: fc.constantFrom(...dangerousCores),
    spelling: fc.constantFrom(...programSpellings),
    wrapped: fc.array(fc.constantFrom(...wrappers), { maxLength: 2 }),
    nested: fc.array(fc.constantFrom(...nestings), { maxLength: 3 }),
  })
  .map(({ core, spelling, wrapped, nested }) => {
    let cmd = `${spelling(core.program)} ${core.args}`;
    const innermostFirst = [...wrapped].sort((a, b) => a[2] - b[2]);
    for (const [prefix, suffix] of innermostFirst) cmd = `${prefix}${cmd}${suffix}`;
    nested.forEach((nest, depth) => {
      cmd = nest(cmd, depth);
    });
    return cmd;
  });
