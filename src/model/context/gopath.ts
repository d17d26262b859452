/**
 * The few Go standard-library behaviours Docker's `.dockerignore` handling depends on, reimplemented
 * for `/`-separated paths: `strings.TrimSpace`, `path/filepath.Clean`, `filepath.Dir` and
 * `filepath.Match` (used by Docker both to validate ignore patterns and to expand COPY wildcards).
 */

/** Characters Go's `unicode.IsSpace` accepts (what `strings.TrimSpace` removes). Not U+FEFF. */
const GO_SPACE = '\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

export function isGoSpace(ch: string): boolean {
  return ch.length > 0 && GO_SPACE.includes(ch);
}

/** Go's `strings.TrimSpace`. */
export function goTrimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && GO_SPACE.includes(s[a])) a++;
  while (b > a && GO_SPACE.includes(s[b - 1])) b--;
  return s.slice(a, b);
}

/** Offsets of the text `goTrimSpace` keeps: `[start, end)`. */
export function goTrimSpaceRange(s: string): [number, number] {
  let a = 0;
  let b = s.length;
  while (a < b && GO_SPACE.includes(s[a])) a++;
  while (b > a && GO_SPACE.includes(s[b - 1])) b--;
  return [a, b];
}

/** Go's `filepath.Clean` on a Unix system. */
export function goClean(p: string): string {
  if (p === '') return '.';
  const rooted = p[0] === '/';
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const s = (rooted ? '/' : '') + out.join('/');
  return s === '' ? '.' : s;
}

/** Go's `filepath.Dir` on a Unix system. */
export function goDir(p: string): string {
  const i = p.lastIndexOf('/');
  return goClean(p.slice(0, i + 1));
}

export class BadPatternError extends Error {
  constructor(message = 'syntax error in pattern') {
    super(message);
    this.name = 'BadPatternError';
  }
}

/** One code point of `s` at `i`: [the code point, its length in UTF-16 units]. */
function cpAt(s: string, i: number): [number, number] {
  const c = s.codePointAt(i)!;
  return [c, c > 0xffff ? 2 : 1];
}

function scanChunk(pattern: string): { star: boolean; chunk: string; rest: string } {
  let star = false;
  while (pattern.length > 0 && pattern[0] === '*') {
    pattern = pattern.slice(1);
    star = true;
  }
  let inRange = false;
  let i = 0;
  scan: for (; i < pattern.length; i++) {
    switch (pattern[i]) {
      case '\\':
        if (i + 1 < pattern.length) i++;
        break;
      case '[':
        inRange = true;
        break;
      case ']':
        inRange = false;
        break;
      case '*':
        if (!inRange) break scan;
        break;
    }
  }
  return { star, chunk: pattern.slice(0, i), rest: pattern.slice(i) };
}

/** Reads one (possibly escaped) character of a class; throws on the forms Go rejects. */
function getEsc(chunk: string): [number, string] {
  if (chunk.length === 0 || chunk[0] === '-' || chunk[0] === ']') throw new BadPatternError();
  if (chunk[0] === '\\') {
    chunk = chunk.slice(1);
    if (chunk.length === 0) throw new BadPatternError();
  }
  const [r, n] = cpAt(chunk, 0);
  const next = chunk.slice(n);
  if (next.length === 0) throw new BadPatternError();
  return [r, next];
}

/**
 * Matches one chunk (no `*`) at the start of `s`. Returns the rest of `s` on success, null on failure.
 * Like Go, keeps parsing after a failure so that a malformed pattern always throws.
 */
function matchChunk(chunk: string, s: string): string | null {
  let failed = false;
  while (chunk.length > 0) {
    if (!failed && s.length === 0) failed = true;
    const c = chunk[0];
    if (c === '[') {
      let r = -1;
      if (!failed) {
        const [cp, n] = cpAt(s, 0);
        r = cp;
        s = s.slice(n);
      }
      chunk = chunk.slice(1);
      let negated = false;
      if (chunk.length > 0 && chunk[0] === '^') {
        negated = true;
        chunk = chunk.slice(1);
      }
      let match = false;
      let nrange = 0;
      for (;;) {
        if (chunk.length > 0 && chunk[0] === ']' && nrange > 0) {
          chunk = chunk.slice(1);
          break;
        }
        let lo: number;
        let hi: number;
        [lo, chunk] = getEsc(chunk);
        hi = lo;
        if (chunk[0] === '-') [hi, chunk] = getEsc(chunk.slice(1));
        if (lo <= r && r <= hi) match = true;
        nrange++;
      }
      if (match === negated) failed = true;
    } else if (c === '?') {
      if (!failed) {
        if (s[0] === '/') failed = true;
        s = s.slice(cpAt(s, 0)[1]);
      }
      chunk = chunk.slice(1);
    } else {
      if (c === '\\') {
        chunk = chunk.slice(1);
        if (chunk.length === 0) throw new BadPatternError();
      }
      if (!failed) {
        if (chunk[0] !== s[0]) failed = true;
        s = s.slice(1);
      }
      chunk = chunk.slice(1);
    }
  }
  return failed ? null : s;
}

/**
 * Go's `filepath.Match(pattern, name)` on Unix: `*` and `?` never match `/`, `[...]` classes with
 * `^` negation and ranges, `\` escapes. Throws BadPatternError for a malformed pattern.
 */
export function goMatch(pattern: string, name: string): boolean {
  outer: while (pattern.length > 0) {
    const { star, chunk, rest } = scanChunk(pattern);
    pattern = rest;
    if (star && chunk === '') return !name.includes('/');
    const t = matchChunk(chunk, name);
    if (t !== null && (t.length === 0 || pattern.length > 0)) {
      name = t;
      continue;
    }
    if (star) {
      for (let i = 0; i < name.length && name[i] !== '/'; i++) {
        const t2 = matchChunk(chunk, name.slice(i + 1));
        if (t2 !== null) {
          if (pattern.length === 0 && t2.length > 0) continue;
          name = t2;
          continue outer;
        }
      }
    }
    // Before returning false, make sure the rest of the pattern is well formed.
    while (pattern.length > 0) {
      const s = scanChunk(pattern);
      pattern = s.rest;
      matchChunk(s.chunk, '');
    }
    return false;
  }
  return name.length === 0;
}

/** The error `filepath.Match(pattern, ".")` reports, or null: how Docker validates an ignore pattern. */
export function goPatternError(pattern: string): string | null {
  try {
    goMatch(pattern, '.');
    return null;
  } catch (e) {
    if (e instanceof BadPatternError) return e.message;
    throw e;
  }
}

/** Does the path contain characters Docker treats as COPY wildcards (`*`, `?`, `[`)? Escaped ones do not count. */
export function containsWildcards(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

/** Splits a COPY source at its first wildcard component: `src/*.js` -> [`src`, `*.js`]. */
export function splitWildcards(p: string): [string, string] {
  const parts = p.split('/');
  let k = parts.length;
  for (let i = 0; i < parts.length; i++) {
    if (containsWildcards(parts[i])) {
      k = i;
      break;
    }
  }
  return [parts.slice(0, k).join('/'), parts.slice(k).join('/')];
}

const globCache = new Map<string, { test(name: string): boolean } | null>();

/**
 * A tester matching exactly what `goMatch(pattern, name)` matches, or null for a malformed
 * pattern: a RegExp (faster when one pattern is tested against many names), except for patterns
 * with two or more stars, on which a backtracking RegExp can take exponential time while goMatch
 * (Go's own algorithm) does not.
 */
export function goGlob(pattern: string): { test(name: string): boolean } | null {
  const hit = globCache.get(pattern);
  if (hit !== undefined) return hit;
  let re: { test(name: string): boolean } | null = null;
  if (goPatternError(pattern) !== null) {
    // Malformed: null.
  } else if (pattern.indexOf('*') !== pattern.lastIndexOf('*')) {
    re = { test: (name) => goMatch(pattern, name) };
  } else {
    const esc = (cp: number) => `\\u{${cp.toString(16)}}`;
    let out = '^';
    const cps = Array.from(pattern);
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (c === '*') out += '[^/]*';
      else if (c === '?') out += '[^/]';
      else if (c === '\\') out += esc(cps[++i].codePointAt(0)!);
      else if (c === '[') {
        let j = i + 1;
        let neg = false;
        if (cps[j] === '^') { neg = true; j++; }
        const items: string[] = [];
        let first = true;
        while (first || cps[j] !== ']') {
          first = false;
          let lo = cps[j] === '\\' ? cps[++j] : cps[j];
          j++;
          let hi = lo;
          if (cps[j] === '-') {
            j++;
            hi = cps[j] === '\\' ? cps[++j] : cps[j];
            j++;
          }
          const a = lo.codePointAt(0)!;
          const b = hi.codePointAt(0)!;
          if (a <= b) items.push(a === b ? esc(a) : `${esc(a)}-${esc(b)}`);
        }
        i = j;
        // A class whose ranges are all reversed matches nothing (or, negated, any character).
        out += items.length ? `[${neg ? '^' : ''}${items.join('')}]` : neg ? '[^]' : '[]';
      } else out += esc(c.codePointAt(0)!);
    }
    re = new RegExp(`${out}$`, 'u');
  }
  globCache.set(pattern, re);
  return re;
}
