import { describe, expect, it } from 'vitest';
import { redisCommandsOf, redisVerb, splitRedisLine } from '../../src/tools/redis-commands.js';
import { invocationsOf, outcome } from './cloud-helpers.js';

describe('redis-cli recognizer', () => {
  it.each([
    ['SET a "b c"', ['SET', 'a', 'b c']],
    ["HSET u:1 name 'Ada L'", ['HSET', 'u:1', 'name', 'Ada L']],
    ['GET "say \\"hi\\""', ['GET', 'say "hi"']],
    ['  ', []],
  ])('splits %j', (line, words) => {
    expect(splitRedisLine(line)).toEqual(words);
  });

  it('rejects unbalanced quotes and reads container verbs', () => {
    expect(redisCommandsOf('SET a "b\n')).toBeUndefined();
    expect(redisVerb(['CONFIG', 'SET', 'x', 'y'])).toEqual(['config', 'set']);
    expect(redisVerb(['FlushAll'])).toEqual(['flushall']);
  });

  it.each([
    ['redis-cli -h cache.prod.internal -p 6380 -n 2 GET a', [['get']], 'cache.prod.internal'],
    ['redis-cli -u redis://user:pw@redis.staging:6379/0 DEL a', [['del']], 'redis.staging'],
    ['redis-cli -s /tmp/redis.sock PING', [['ping']], 'unix-socket'],
    ['redis-cli --tls -h r.example DBSIZE', [['dbsize']], 'r.example'],
    ['redis-cli <<EOF\nSET a 1\nCONFIG SET maxmemory 1gb\nEOF', [['set'], ['config', 'set']], '127.0.0.1'],
    ["redis-cli <<< 'FLUSHDB'", [['flushdb']], '127.0.0.1'],
    ['redis-cli --cluster call 10.0.0.1:6379 FLUSHALL', [['flushall']], '127.0.0.1'],
    ['redis-cli --scan --pattern "x*"', [[]], '127.0.0.1'],
  ])('%s', (line, verbs, host) => {
    const invs = invocationsOf('redis', line);
    expect(invs.map((i) => i.subcommand)).toEqual(verbs);
    expect(invs[0]!.envHints[0]!.value).toBe(host);
  });

  it('does not know commands from a variable or an unknown producer', () => {
    expect(invocationsOf('redis', 'redis-cli $CMD')[0]!.unknowns).toHaveLength(1);
    expect(invocationsOf('redis', 'generate | redis-cli')[0]!.unknowns).toHaveLength(1);
    expect(invocationsOf('redis', 'redis-cli < /nonexistent/cmds.txt')[0]!.unknowns).toHaveLength(1);
  });

  it.each([
    ['redis-cli FLUSHALL', ['redis/flush'], 'approve'],
    ['redis-cli GET a', [], 'allow'],
    ['redis-cli SET a b', ['redis/write'], 'allow'],
    ['redis-cli -h cache.prod.internal SET a b', ['redis/write'], 'approve'],
    ['redis-cli -h cache.prod.internal del a', ['redis/write'], 'approve'],
    ['redis-cli --scan --pattern "a*" | xargs redis-cli DEL', ['redis/delete-matching'], 'approve'],
    ['redis-cli CONFIG GET maxmemory', [], 'allow'],
    ['redis-cli -h cache.dev CONFIG SET maxmemory 1gb', ['redis/write'], 'allow'],
    ['redis-cli DEBUG SLEEP 0', ['redis/server-reset'], 'approve'],
    ['redis-cli -h cache.prod.internal', [], 'allow'],
    ['echo "GET a" | redis-cli -h cache.prod.internal', [], 'allow'],
    ['generate | redis-cli -h cache.dev', [], 'approve'],
  ] as const)('%s → %j %s', (line, rules, decision) => {
    const result = outcome(line);
    expect([result.rules, result.decision]).toEqual([rules, decision]);
  });
});
