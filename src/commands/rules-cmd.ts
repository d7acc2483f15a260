// `airlock rules list | test [FILE…] | explain ID`: what rules are loaded, whether their
// examples hold, and what one rule means.

import { resolve } from 'node:path';
import type { Command } from 'commander';
import { explainRule, listRules } from '../classify/explain.js';
import { loadPackFiles } from '../classify/load-packs.js';
import type { Pack } from '../classify/rule.js';
import { testRules } from '../classify/rule-tester.js';
import { evaluateLine } from '../decide/evaluate.js';
import { exitCodes } from '../exec/exit-codes.js';
import { prepareSqlParsers, sqlPrograms } from '../tools/sql/index.js';
import { builtInPacks } from './packs.js';
import { styleFor } from './style.js';

type SetCode = (code: number) => void;

function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function registerRules(program: Command, env: NodeJS.ProcessEnv, setCode: SetCode): void {
  const rules = program.command('rules').description('list, test and explain rule packs');
  const style = styleFor(process.stdout, env);

  rules
    .command('list')
    .description('list every loaded rule: id, effect and reason')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const summaries = listRules(builtInPacks());
      if (opts.json) return print(JSON.stringify(summaries, null, 2));
      const width = Math.max(...summaries.map((s) => s.id.length));
      for (const s of summaries) {
        const effect = s.catastrophic ? style.red('refuse ') : s.effect.padEnd(7);
        print(`${s.id.padEnd(width)}  ${effect}  ${s.reason}`);
      }
      print(style.dim(`\n${summaries.length} rules. airlock rules explain ID shows one in full.`));
    });

  rules
    .command('explain')
    .description('show one rule: what it matches, why, what to do instead, its examples')
    .argument('<id>', 'rule id, e.g. git/push-force')
    .option('--json', 'print JSON')
    .action((id: string, opts: { json?: boolean }) => {
      const rule = explainRule(builtInPacks(), id);
      if (!rule) {
        process.stderr.write(`airlock rules explain: no rule '${id}'. airlock rules list shows them all.\n`);
        return setCode(exitCodes.usage);
      }
      if (opts.json) return print(JSON.stringify(rule, null, 2));
      const out = [
        `${style.bold(rule.id)}  (${rule.catastrophic ? 'refused outright' : rule.effect}, pack ${rule.pack}, ${rule.source.file}:${rule.source.line})`,
        `  ${rule.reason}`,
        '',
        '  matches when:',
        ...rule.matches.map((l) => `    ${l}`),
      ];
      if (rule.unless.length > 0) out.push('  unless:', ...rule.unless.map((l) => `    ${l}`));
      if (rule.alternatives.length > 0)
        out.push('  instead:', ...rule.alternatives.map((a) => `    ${style.cyan(a)}`));
      if (rule.probe) out.push(`  blast radius measured by: ${rule.probe}`);
      if (rule.regenerableExempt) out.push('  allowed when every target is regenerable');
      out.push('  stops:', ...rule.examples.stop.map((e) => `    ${e}`));
      out.push('  passes:', ...rule.examples.pass.map((e) => `    ${e}`));
      print(out.join('\n'));
    });

  rules
    .command('test')
    .description("run every rule's stop/pass examples through the whole pipeline")
    .argument('[files...]', 'rule pack files (default: the built-in packs)')
    .option('--json', 'print JSON results')
    .action(async (files: string[], opts: { json?: boolean }) => {
      await prepareSqlParsers(sqlPrograms);
      let packs: Pack[] = builtInPacks();
      if (files.length > 0) {
        const loaded = loadPackFiles(files.map((f) => resolve(f)));
        for (const p of loaded.problems) {
          process.stderr.write(
            `${p.file}:${p.line ?? 0}: ${p.rule ? `${p.rule}: ` : ''}${p.message} (${p.fix})\n`,
          );
        }
        if (loaded.problems.length > 0) return setCode(exitCodes.config);
        packs = loaded.packs;
      }
      const all = [...builtInPacks(), ...(files.length > 0 ? packs : [])];
      const results = testRules(packs, (run) =>
        evaluateLine(run.line, {
          env: run.env,
          cwd: run.cwd,
          packs: all,
          fs: run.fs,
          airlockPaths: run.airlockPaths,
        }),
      );
      const failed = results.filter((r) => !r.ok);
      if (opts.json) print(JSON.stringify(results, null, 2));
      else {
        for (const r of failed) {
          print(
            `${style.red('✗')} ${r.rule} ${r.kind}: ${r.example}\n    ${r.message} (${r.file}:${r.line})`,
          );
        }
        print(`${results.length - failed.length} passed, ${failed.length} failed`);
      }
      setCode(failed.length > 0 ? 1 : exitCodes.ok);
    });
}
