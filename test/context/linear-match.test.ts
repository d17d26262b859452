import { describe, expect, it } from 'vitest';
import { compileGlob, matchGlob, type MatcherPattern } from '../../src/model/context/pattern.js';
import { matchAtoms } from '../../src/match-atoms.js';
import { re2ToAtoms } from '../../src/model/context/re2.js';

const pattern = (p: string): MatcherPattern => ({ cleaned: p, negated: false, glob: compileGlob(p), source: 0 });

describe('linear-time pattern matching', () => {
  it('agrees with the RegExp translation of Docker\'s expression on random patterns and paths', () => {
    let seed = 11;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const patternParts = ['a', 'b', '/', '*', '**', '**/', '?', '[ab]', '[^a]', '\\.', '\\d', '[[:alpha:]]', '.', 'é', '[*]', '[?]', '\\*', '[a-c]*', '^', 'x', '[]a]', '\\Qa*\\E', '1', '\\b', '\\B', '\\A', '\\z', '_', '😀'];
    const pathParts = ['a', 'b', '/', 'c', '.', 'é', '1', '*', 'x', '\n', ']', '^', '[', 'ab/', '_', ' ', '😀'];
    let compared = 0;
    for (let r = 0; r < 30_000; r++) {
      let p = '';
      for (let k = 1 + rnd(6); k > 0; k--) p += patternParts[rnd(patternParts.length)];
      const g = compileGlob(p);
      if (g.type !== 'regexp' || !g.regex) continue;
      // (Patterns with one star or none keep the RegExp; the atoms are compared for all.)
      const atoms = re2ToAtoms(g.re2!);
      expect(atoms).not.toBeNull();
      for (let t = 0; t < 5; t++) {
        let s = '';
        for (let k = rnd(7); k > 0; k--) s += pathParts[rnd(pathParts.length)];
        if (matchAtoms(atoms!, s) !== g.regex.test(s)) throw new Error(`pattern ${JSON.stringify(p)} (${g.re2}) on ${JSON.stringify(s)}`);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100_000);
  });

  it('matches patterns that make a backtracking RegExp take exponential time', () => {
    // Each of these takes a backtracking engine far longer than a test run on the path below it.
    const stars = `${'a*'.repeat(30)}b`;
    expect(matchGlob(pattern(stars), 'a'.repeat(200))).toBe(false);
    expect(matchGlob(pattern(stars), `${'a'.repeat(200)}b`)).toBe(true);
    const dirs = `${'**/'.repeat(30)}x`;
    expect(matchGlob(pattern(dirs), `${'q/'.repeat(200)}y`)).toBe(false);
    expect(matchGlob(pattern(dirs), `${'q/'.repeat(200)}x`)).toBe(true);
    const mixed = `${'[a]*?'.repeat(20)}\\b^`;
    expect(matchGlob(pattern(mixed), 'a'.repeat(200))).toBe(false);
    for (const p of [stars, dirs, mixed]) expect(pattern(p).glob.atoms).not.toBeNull();
    // One star cannot blow up: the RegExp stays.
    expect(pattern('a*b').glob.atoms).toBeNull();
  });
});
