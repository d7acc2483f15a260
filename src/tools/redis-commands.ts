// Redis commands as redis-cli sends them: the name (two words for container commands such
// as CONFIG SET), and the commands in text fed on standard input, one per line.

/** Commands whose second word selects what they do (`CONFIG SET`, `SCRIPT FLUSH`). */
const containers = new Set([
  'config',
  'script',
  'function',
  'cluster',
  'client',
  'acl',
  'memory',
  'module',
  'object',
  'slowlog',
  'latency',
  'xinfo',
  'xgroup',
  'pubsub',
  'command',
  'debug',
]);

/** The verb path of one command: `['config', 'set']`, `['flushall']`. */
export function redisVerb(words: readonly string[]): string[] {
  const first = words[0]?.toLowerCase();
  if (first === undefined) return [];
  const second = words[1]?.toLowerCase();
  return containers.has(first) && second !== undefined ? [first, second] : [first];
}

/** Splits one line the way redis-cli does: spaces separate, "…" and '…' quote. */
export function splitRedisLine(line: string): string[] | undefined {
  const words: string[] = [];
  let current = '';
  let has = false;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote !== undefined) {
      if (c === '\\' && quote === '"' && i + 1 < line.length) current += line[++i];
      else if (c === quote) quote = undefined;
      else current += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      if (has) words.push(current);
      current = '';
      has = false;
    } else {
      current += c;
      has = true;
    }
  }
  if (quote !== undefined) return undefined;
  if (has) words.push(current);
  return words;
}

export const MAX_STDIN_COMMANDS = 10_000;

/** Every command in the text; undefined for a line redis-cli would reject (unbalanced quotes). */
export function redisCommandsOf(text: string): string[][] | undefined {
  const commands: string[][] = [];
  for (const line of text.split('\n')) {
    const words = splitRedisLine(line);
    if (words === undefined) return undefined;
    if (words.length > 0) commands.push(words);
    if (commands.length > MAX_STDIN_COMMANDS) return undefined;
  }
  return commands;
}
