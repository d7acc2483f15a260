// A long `check --batch` is answered chunk by chunk as stdin arrives: answers must still come
// one per line, in input order, exactly as a short batch gives them.

import { afterAll, describe, expect, it } from 'vitest';
import { sandbox } from './helpers.js';

const box = sandbox();
afterAll(() => box.cleanup());

/** Lines of every kind, each with the answer a one-line batch gives it. */
const kinds = [
  '{"cmd":"ls -la"}',
  '{"cmd":"rm -rf /"}',
  'not json',
  '{"cmd":"git push --force origin main"}',
  '{"other":1}',
  '{"cmd":"psql -c \'DROP TABLE users\'"}',
  '{"cmd":"kubectl get pods"}',
];

describe('airlock check --batch over many chunks', () => {
  it('answers 5,000 lines in order, each as a short batch would', () => {
    const single = box.run(['check', '--batch'], { input: `${kinds.join('\n')}\n` });
    const expected = single.stdout.trimEnd().split('\n');
    expect(expected).toHaveLength(kinds.length);

    const count = 5000;
    // A prime stride through the kinds so neighbouring blocks differ.
    const picks = Array.from({ length: count }, (_, i) => (i * 3 + (i >> 7)) % kinds.length);
    // The last line has no newline: it must still be answered.
    const input = picks.map((k) => kinds[k]).join('\n');
    const run = box.run(['check', '--batch'], { input });
    expect(run.status).toBe(0);
    const answers = run.stdout.trimEnd().split('\n');
    expect(answers).toHaveLength(count);
    for (let i = 0; i < count; i++) {
      if (answers[i] !== expected[picks[i] as number]) {
        expect({ line: i, answer: answers[i] }).toEqual({ line: i, answer: expected[picks[i] as number] });
      }
    }
  });
});
