import { expect, test } from 'vitest';
import { parseDuration, parseSize } from '../../src/config/units.js';

test.each([
  ['500ms', 500],
  ['30s', 30_000],
  ['15m', 900_000],
  ['2h', 7_200_000],
  ['1d', 86_400_000],
  ['1.5h', 5_400_000],
  ['15', undefined],
  ['m', undefined],
  ['15 minutes', undefined],
  ['-1m', undefined],
])('parseDuration(%j) = %j', (text, expected) => {
  expect(parseDuration(text)).toBe(expected);
});

test.each([
  ['5GB', 5e9],
  ['500MB', 5e8],
  ['1.5gb', 1.5e9],
  ['2GiB', 2 * 2 ** 30],
  ['100B', 100],
  ['10 KB', 10_000],
  ['5', undefined],
  ['5XB', undefined],
])('parseSize(%j) = %j', (text, expected) => {
  expect(parseSize(text)).toBe(expected);
});
