/**
 * A linear-time matcher for the glob-like expressions shipready evaluates (.dockerignore patterns
 * through the RE2 expression Docker builds, config override globs): a list of atoms, each taking
 * one code point, optionally repeated, run as a set of states over the text.
 */

/** One element of a pattern for the linear-time matcher: what it takes of one code point, and how often. */
export interface Atom {
  /** Does the atom take this code point? (For `dirs`: the dot of the `**` group.) */
  test: (cp: number) => boolean;
  repeat: '' | '*' | '?';
  /** A `**` group (Docker's optional any-text-then-slash group, or `**` and a slash in a config glob): optional, any text, then a slash. */
  dirs: boolean;
  /** A zero-width assertion: `^` or `\A` (start), `\z` (end), `\b` or `\B` (ASCII word boundary or not). */
  assert?: 'start' | 'end' | 'word' | 'notWord';
}

const isWordChar = (cp: number) => (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) || cp === 95;

/**
 * Does the whole `text` match the atoms? A set of positions is carried over the text (Thompson's
 * construction), so the time is linear in the text for any pattern: backtracking regular
 * expressions take exponential time on patterns such as `a*a*a*a*b` (Go's RE2, which Docker uses,
 * does not). State 2k is "before atom k"; 2k+1 is "inside the any-text part of a `**` group atom k".
 */
export function matchAtoms(atoms: readonly Atom[], text: string): boolean {
  const n = atoms.length;
  let cur = new Uint8Array(2 * n + 2);
  let next = new Uint8Array(2 * n + 2);
  cur[0] = 1;
  close(atoms, cur, -1, text.length > 0 ? text.codePointAt(0)! : -1);
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    next.fill(0);
    let any = false;
    for (let k = 0; k < n; k++) {
      const a = atoms[k];
      if (a.dirs) {
        if (cur[2 * k + 1] && a.test(cp)) {
          next[2 * k + 1] = 1;
          if (cp === 47 /* / */) next[2 * k + 2] = 1;
          any = true;
        }
      } else if (cur[2 * k] && a.test(cp)) {
        next[a.repeat === '*' ? 2 * k : 2 * k + 2] = 1;
        any = true;
      }
    }
    if (!any) return false;
    close(atoms, next, cp, i < text.length ? text.codePointAt(i)! : -1);
    [cur, next] = [next, cur];
  }
  return cur[2 * n] === 1;
}

/**
 * Adds the states reachable without taking a code point (all such moves go forward), between the
 * code points `before` and `after` (-1 at the start and end of the text).
 */
function close(atoms: readonly Atom[], set: Uint8Array, before: number, after: number): void {
  for (let k = 0; k < atoms.length; k++) {
    if (!set[2 * k]) continue;
    const a = atoms[k];
    if (a.assert) {
      const holds =
        a.assert === 'start' ? before === -1
        : a.assert === 'end' ? after === -1
        : (before !== -1 && isWordChar(before)) !== (after !== -1 && isWordChar(after)) === (a.assert === 'word');
      if (holds) set[2 * k + 2] = 1;
      continue;
    }
    if (a.dirs) set[2 * k + 1] = 1;
    if (a.repeat !== '') set[2 * k + 2] = 1;
  }
}
