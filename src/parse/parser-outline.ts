// A compact one-line rendering of a syntax tree, and the simple command names in it, for diagnostics and tests.

import type { Command, List, Redirect, Script, Word } from './ast.js';

function words(list: Word[]): string {
  return list.map((w) => w.text).join(' ');
}

function redirects(list: Redirect[]): string {
  return list
    .map((r) => ` ${typeof r.fd === 'string' ? `{${r.fd}}` : (r.fd ?? '')}${r.op}${r.target.text}`)
    .join('');
}

function outlineList(list: List): string {
  return list.items
    .map(
      (item) =>
        outlineCommand(item.command) +
        (item.separator === undefined ? '' : item.separator === '\n' ? ' ⏎' : item.separator),
    )
    .join(' ');
}

function outlineCommand(c: Command): string {
  switch (c.type) {
    case 'Simple': {
      const assigns = c.assignments.map(
        (a) =>
          `${a.name}${a.index === undefined ? '' : `[${a.index}]`}${a.append ? '+=' : '='}${a.array ? `(${words(a.array)})` : (a.value?.text ?? '')}`,
      );
      return `cmd(${[...assigns, ...c.words.map((w) => w.text)].join(' ')}${redirects(c.redirects)})`;
    }
    case 'Pipeline':
      return `${c.timed ? 'time ' : ''}${c.negated ? '! ' : ''}${c.commands.map((x, i) => outlineCommand(x) + (i < c.commands.length - 1 ? (c.stderr[i] ? ' |&' : ' |') : '')).join(' ')}`;
    case 'AndOr':
      return `(${outlineCommand(c.left)} ${c.op} ${outlineCommand(c.right)})`;
    case 'List':
      return `{${outlineList(c)}}`;
    case 'Subshell':
      return `sub(${outlineList(c.body)})${redirects(c.redirects)}`;
    case 'Group':
      return `group(${outlineList(c.body)})${redirects(c.redirects)}`;
    case 'Function':
      return `fn ${c.name}(${outlineCommand(c.body)})${redirects(c.redirects)}`;
    case 'If':
      return `if(${c.clauses.map((k) => `${outlineList(k.condition)} then ${outlineList(k.body)}`).join(' elif ')}${c.elseBody ? ` else ${outlineList(c.elseBody)}` : ''})${redirects(c.redirects)}`;
    case 'For':
    case 'Select':
      return `${c.type === 'For' ? 'for' : 'select'} ${c.variable}${c.items ? ` in(${words(c.items)})` : ''} do(${outlineList(c.body)})${redirects(c.redirects)}`;
    case 'ArithFor':
      return `for((${c.init};${c.condition};${c.step})) do(${outlineList(c.body)})${redirects(c.redirects)}`;
    case 'While':
      return `${c.until ? 'until' : 'while'}(${outlineList(c.condition)}) do(${outlineList(c.body)})${redirects(c.redirects)}`;
    case 'Case':
      return `case ${c.word.text}(${c.items.map((i) => `${words(i.patterns)}) ${outlineList(i.body)}${i.terminator ?? ''}`).join(' ')})${redirects(c.redirects)}`;
    case 'Test':
      return `[[${words(c.words)}]]${redirects(c.redirects)}`;
    case 'ArithCommand':
      return `((${c.expr}))${redirects(c.redirects)}`;
    case 'Coproc':
      return `coproc${c.name === undefined ? '' : ` ${c.name}`}(${outlineCommand(c.body)})`;
  }
}

export function outlineScript(script: Script): string {
  return outlineList(script.body);
}

/** Every nested script and simple command in the tree, in no particular order. */
function visit(node: unknown, onSimple: (c: Command & { type: 'Simple' }) => void): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) visit(item, onSimple);
    return;
  }
  const record = node as Record<string, unknown>;
  if (record.type === 'Simple') onSimple(record as unknown as Command & { type: 'Simple' });
  for (const key of Object.keys(record)) {
    if (key !== 'span') visit(record[key], onSimple);
  }
}

/**
 * The first word of every simple command, nested ones included (substitutions, heredoc bodies),
 * in source order, as written.
 */
export function commandNames(script: Script): string[] {
  const found: { at: number; name: string }[] = [];
  visit(script, (c) => {
    const first = c.words[0];
    if (first !== undefined) found.push({ at: first.span.start, name: first.text });
  });
  return found.sort((a, b) => a.at - b.at).map((f) => f.name);
}
