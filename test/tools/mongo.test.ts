import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isEmptyFilter, scanMongoScript } from '../../src/tools/mongo-js.js';
import { invocationsOf, outcome } from './cloud-helpers.js';

describe('mongosh script scan', () => {
  it.each([
    ['db.orders.deleteMany({})', [['deleteMany', '{}']]],
    [
      'db.getCollection("a").drop(); db.b.find({ x: 1 }).count()',
      [
        ['getCollection', '"a"'],
        ['drop', ''],
        ['find', '{ x: 1 }'],
        ['count', ''],
      ],
    ],
    ['print("db.dropDatabase()") // db.x.drop()\n/* db.y.drop() */', []],
    ['db.a.updateMany(\n  {},\n  { $set: { b: 1 } }\n)', [['updateMany', '{}']]],
    [
      'db.a.find().forEach(d => db.b.deleteOne({ _id: d._id }))',
      [
        ['find', ''],
        ['forEach', 'd => db.b.deleteOne({ _id: d._id })'],
        ['deleteOne', '{ _id: d._id }'],
      ],
    ],
  ])('%s', (text, calls) => {
    const scan = scanMongoScript(text);
    expect(scan.ok && scan.calls.map((c) => [c.name, c.firstArg])).toEqual(calls);
  });

  it.each([
    ['db["orders"]["drop"]()', 'computed'],
    ['eval("db.x.drop()")', 'eval'],
    ['load("cleanup.js")', 'load'],
    ['db.x.find({ a: "b })', 'not closed'],
    ['db.x.find({ a: 1 }); "open', 'string'],
    ['db.x.deleteMany({', 'not closed'],
    [`db[\`${'$'}{name}\`].drop()`, 'template'],
  ])('cannot check %s', (text, reason) => {
    const scan = scanMongoScript(text);
    expect(scan.ok ? 'ok' : scan.reason).toContain(reason);
  });

  it.each([
    ['', true],
    ['{}', true],
    ['{ }', true],
    ['{ a: 1 }', false],
    ['filter', false],
  ])('empty filter %j', (arg, empty) => {
    expect(isEmptyFilter(arg)).toBe(empty);
  });
});

describe('mongosh recognizer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-mongo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'wipe.js'), 'db.sessions.deleteMany({});\n');
  writeFileSync(join(dir, 'report.js'), 'db.orders.find({ status: "open" }).count();\n');

  it.each([
    ['mongosh mongodb://u:p@db.prod.internal:27017/shop?authSource=admin', ['db.prod.internal', 'shop']],
    ['mongosh "mongodb+srv://cluster0.abc.mongodb.net/app"', ['cluster0.abc.mongodb.net', 'app']],
    ['mongosh --host rs0/db1.prod:27017,db2.prod:27017 shop', ['db1.prod', 'shop']],
    ['mongo db.staging:27017/orders', ['db.staging', 'orders']],
    ['mongosh shop', ['localhost', 'shop']],
  ])('connection of %s', (line, [host, db]) => {
    const hints = invocationsOf('mongo', line)[0]!.envHints;
    expect(hints).toEqual([
      expect.objectContaining({ kind: 'db-host', value: host }),
      expect.objectContaining({ kind: 'db-name', value: db }),
    ]);
  });

  it.each([
    ['mongosh --eval "db.a.drop()"', ['mongo/drop-collection'], 'approve'],
    [`mongosh --host db.dev.internal ${'wipe.js'}`, ['mongo/delete-all', 'mongo/write'], 'approve'],
    ['mongosh --host db.prod.internal -f report.js', [], 'allow'],
    ['mongosh --host db.prod.internal missing.js', [], 'approve'],
    ['mongosh --host db.prod.internal < wipe.js', ['mongo/delete-all', 'mongo/write'], 'approve'],
    ['cat wipe.js | mongosh --host db.prod.internal', ['mongo/delete-all', 'mongo/write'], 'approve'],
    ['mongosh --eval "$JS"', [], 'approve'],
    ["mongosh --eval 'db.a.deleteOne({ _id: 1 })'", ['mongo/write'], 'allow'],
    ["mongosh --host db.prod.internal --eval 'db.a.deleteOne({ _id: 1 })'", ['mongo/write'], 'approve'],
    ['mongosh --host db.prod.internal', [], 'allow'],
    ['mongorestore --drop -d shop_dev dump/shop', ['mongo/restore-drop'], 'approve'],
    ['mongorestore -d shop_dev dump/shop', ['mongo/restore'], 'allow'],
    ['mongorestore --uri=mongodb://db.prod.internal dump', ['mongo/restore'], 'approve'],
    ['mongodump --uri mongodb://db.prod.internal/shop', [], 'allow'],
  ] as const)('%s → %j %s', (line, rules, decision) => {
    const result = outcome(line, { cwd: dir });
    expect([result.rules, result.decision]).toEqual([rules, decision]);
  });
});
