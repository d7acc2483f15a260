// Whether the UI may use color, and the switch that applies it: Ink colors through chalk,
// whose own detection looks at process.stdout, not at the terminal the prompt draws on.

import chalk from 'chalk';

type Env = Readonly<Record<string, string | undefined>>;

/** NO_COLOR (any non-empty value) and TERM=dumb turn color off; FORCE_COLOR=0 too. */
export function colorEnabled(env: Env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return false;
  return env.TERM !== 'dumb';
}

/** Sets the level for every Text the UI draws: 0 strips every escape code (bold, inverse too). */
export function applyColor(enabled: boolean, env: Env): void {
  if (!enabled) {
    chalk.level = 0;
    return;
  }
  const rich = env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit';
  chalk.level = rich ? 3 : (env.TERM ?? '').includes('256') ? 2 : 1;
}
