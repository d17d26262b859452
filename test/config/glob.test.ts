import { describe, expect, it } from 'vitest';
import { globMatcher } from '../../src/config/resolve.js';

/** The RegExp reading of the same globs, as a reference for ordinary ones. */
function reference(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') { i++; re += '(?:.*/)?'; } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'u');
}

describe('override globs', () => {
  it('match as documented', () => {
    const m = (g: string, p: string) => globMatcher(g).test(p);
    expect(m('legacy/**', 'legacy/a/b/Dockerfile')).toBe(true);
    expect(m('**/Dockerfile', 'Dockerfile')).toBe(true);
    expect(m('**/Dockerfile', 'a/b/Dockerfile')).toBe(true);
    expect(m('*.Dockerfile', 'a/x.Dockerfile')).toBe(false);
    expect(m('docker/?.yml', 'docker/a.yml')).toBe(true);
    expect(m('docker/?.yml', 'docker//.yml')).toBe(false);
    expect(m('a.b', 'axb')).toBe(false);
  });

  it('agree with the RegExp reading on random globs and paths', () => {
    let seed = 5;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const globParts = ['a', 'b', '/', '*', '**', '**/', '?', '.', '(', '[', 'é', '😀'];
    const pathParts = ['a', 'b', '/', '.', 'é', '😀', 'ab/', '\n', '('];
    for (let r = 0; r < 20_000; r++) {
      let g = '';
      for (let k = 1 + rnd(5); k > 0; k--) g += globParts[rnd(globParts.length)];
      const ref = reference(g);
      const mine = globMatcher(g);
      for (let t = 0; t < 5; t++) {
        let p = '';
        for (let k = rnd(6); k > 0; k--) p += pathParts[rnd(pathParts.length)];
        if (mine.test(p) !== ref.test(p)) throw new Error(`${JSON.stringify(g)} on ${JSON.stringify(p)}`);
      }
    }
  });

  it('take linear time on globs a backtracking RegExp takes exponential time on', () => {
    const g = globMatcher(`${'*a'.repeat(30)}b`);
    expect(g.test('a'.repeat(300))).toBe(false);
    expect(g.test(`${'a'.repeat(300)}b`)).toBe(true);
  });
});
