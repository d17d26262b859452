import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, formatMessage } from '../../src/engine/messages.js';

/** The textbook table, as the reference. */
function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length][b.length];
}

/** The first candidate at the smallest distance, if within max(2, length / 3). */
function reference(input: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = levenshtein(input.toLowerCase(), c.toLowerCase());
    if (d < bestD) { bestD = d; best = c; }
  }
  return bestD <= Math.max(2, Math.floor(input.length / 3)) ? best : undefined;
}

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

describe('did-you-mean hints', () => {
  const rnd = random(7);
  const word = (): string => Array.from({ length: Math.floor(rnd() * 9) }, () => 'abcdE-'[Math.floor(rnd() * 6)]).join('');

  it('editDistance is Levenshtein, and past `max` says max + 1', () => {
    for (let k = 0; k < 3000; k++) {
      const a = word();
      const b = word();
      const max = Math.floor(rnd() * 5);
      const exact = levenshtein(a, b);
      expect(editDistance(a, b), `${a} ${b}`).toBe(exact);
      expect(editDistance(a, b, max), `${a} ${b} ${max}`).toBe(exact <= max ? exact : max + 1);
    }
  });

  it('didYouMean picks what the full search picks', () => {
    for (let k = 0; k < 1000; k++) {
      const candidates = Array.from({ length: 1 + Math.floor(rnd() * 12) }, word);
      const input = word();
      expect(didYouMean(input, candidates), `${input} in ${candidates.join(',')}`).toBe(reference(input, candidates));
    }
    expect(didYouMean('latest-tagg', ['latest-tag', 'user-missing'])).toBe('latest-tag');
    expect(didYouMean('failureTreshold', ['failureThreshold', 'format'])).toBe('failureThreshold');
  });

  it('answers at once for a key far longer than any candidate', () => {
    // The full table for this would be 5 million cells per candidate.
    expect(didYouMean('x'.repeat(500_000), ['latest-tag', 'user-missing', 'x'.repeat(10)])).toBeUndefined();
  });
});

describe('formatMessage', () => {
  it('fills placeholders, and cuts a value from the input after 300 characters (never inside a surrogate pair)', () => {
    expect(formatMessage('Image "{{image}}" uses {{n}} tags; {{missing}} stays', { image: 'node:20', n: 2 })).toBe('Image "node:20" uses 2 tags; {{missing}} stays');
    expect(formatMessage('Image "{{image}}" is big', { image: 'a'.repeat(100_000) })).toBe(`Image "${'a'.repeat(300)}…" is big`);
    expect(formatMessage('{{v}}', { v: 'a'.repeat(299) + '😀'.repeat(5) })).toBe(`${'a'.repeat(299)}…`);
    expect(formatMessage('{{v}}', { v: 'b'.repeat(300) })).toBe('b'.repeat(300));
  });
});
