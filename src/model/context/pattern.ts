/**
 * Docker's `.dockerignore` pattern semantics (moby/patternmatcher, as BuildKit uses it).
 *
 * - A pattern is matched against a `/`-separated path relative to the context root, anchored at
 *   the root: `foo` matches `foo`, never `a/foo`.
 * - `*` and `?` never match `/`; `**` matches any number of directories (also none); `[...]` and
 *   `\x` are passed to a regular expression as written.
 * - A pattern "matches" a path when it matches the path or one of its parent directories, and the
 *   last pattern that matches decides (`!` patterns re-include).
 * - While walking, a directory's per-pattern results are handed to its children
 *   (MatchesUsingParentResults): patterns skipped at the parent are not re-tested against the
 *   parent, which the walk reproduces exactly (see `matchUsingParent`).
 */
import { goClean, goDir, goPatternError, goTrimSpace } from './gopath.js';
import { matchAtoms } from '../../match-atoms.js';
import { re2ToAtoms, re2ToRegExp, Re2Error } from './re2.js';

export type MatchType = 'exact' | 'prefix' | 'suffix' | 'regexp';

/** The characters that make an exception "not a plain prefix" for BuildKit's directory-skipping shortcut. */
const PATTERN_CHARS = /[*[\]?^\\]/;
const SHOULD_ESCAPE = '.+()|{}$';

export interface CompiledGlob {
  type: MatchType;
  /** The RE2 source Docker builds (only for `regexp`). */
  re2: string | null;
  regex: RegExp | null;
  /** The same expression for the linear-time matcher (null: the RegExp is used). */
  atoms: ReturnType<typeof re2ToAtoms>;
  /** Set when Go's regexp would not compile the pattern: matching fails and so does the build. */
  error: string | null;
}

/** Docker's pattern compilation: the match type and, for `regexp`, the expression. */
export function compileGlob(cleaned: string): CompiledGlob {
  let re = '^';
  let type: MatchType = 'exact';
  const chars = Array.from(cleaned); // runes, like Go's text/scanner
  let k = 0;
  const peek = () => chars[k];
  for (let i = 0; k < chars.length; i++) {
    const ch = chars[k++];
    if (ch === '*') {
      if (peek() === '*') {
        k++;
        if (peek() === '/') k++;
        if (peek() === undefined) {
          if (type === 'exact') type = 'prefix';
          else {
            re += '.*';
            type = 'regexp';
          }
        } else {
          re += '(.*/)?';
          type = 'regexp';
        }
        if (i === 0) type = 'suffix';
      } else {
        re += '[^/]*';
        type = 'regexp';
      }
    } else if (ch === '?') {
      re += '[^/]';
      type = 'regexp';
    } else if (SHOULD_ESCAPE.includes(ch)) {
      re += `\\${ch}`;
    } else if (ch === '\\') {
      if (peek() !== undefined) {
        re += `\\${chars[k++]}`;
        type = 'regexp';
      } else re += '\\';
    } else if (ch === '[' || ch === ']') {
      re += ch;
      type = 'regexp';
    } else re += ch;
  }
  if (type !== 'regexp') return { type, re2: null, regex: null, atoms: null, error: null };
  re += '$';
  try {
    const regex = re2ToRegExp(re);
    return { type, re2: re, regex, atoms: mayBacktrack(re) ? re2ToAtoms(re) : null, error: null };
  } catch (e) {
    if (e instanceof Re2Error) return { type, re2: re, regex: null, atoms: null, error: `error parsing regexp: ${e.message}` };
    throw e;
  }
}

/**
 * Could a backtracking RegExp take more than quadratic time on this expression? Only with two or
 * more unbounded repetitions (`*`, from `*`, `**` or a class followed by `*`): those patterns go to
 * the linear-time matcher, the others keep the faster RegExp.
 */
function mayBacktrack(re2: string): boolean {
  let stars = 0;
  for (let i = 0; i < re2.length; i++) if (re2.charCodeAt(i) === 42 /* * */ && ++stars > 1) return true;
  return false;
}

/** One pattern as the matcher sees it. */
export interface MatcherPattern {
  /** Cleaned pattern without the leading `!`. */
  cleaned: string;
  /** `!pattern`: re-includes what earlier patterns excluded. */
  negated: boolean;
  glob: CompiledGlob;
  /** Index of the source line's pattern (see DockerignoreFile.patterns), or the input index. */
  source: number;
}

export function matchGlob(p: MatcherPattern, path: string): boolean {
  const g = p.glob;
  switch (g.type) {
    case 'exact':
      return path === p.cleaned;
    case 'prefix':
      return path.startsWith(p.cleaned.slice(0, -2));
    case 'suffix': {
      const suffix = p.cleaned.slice(2);
      if (path.endsWith(suffix)) return true;
      return suffix[0] === '/' && path === suffix.slice(1);
    }
    case 'regexp':
      return g.atoms !== null ? matchAtoms(g.atoms, path) : g.regex !== null && g.regex.test(path);
  }
}

/** Per-pattern results of a directory, handed to its children while walking. */
export type MatchInfo = Uint8Array;

export interface MatchResult {
  excluded: boolean;
  info: MatchInfo;
  /** Index (in `patterns`) of the pattern that decided the result, or -1 when none matched. */
  by: number;
}

/** Problems that make Docker reject the pattern list (the build fails). */
export interface PatternProblem {
  /** Index of the input pattern. */
  input: number;
  message: string;
  /**
   * Found only when a path is matched against the pattern (a regular expression Go refuses): Docker
   * compiles patterns on first use, so the build fails once a file reaches this line, not before.
   */
  lazy?: boolean;
}

/**
 * The compiled pattern list of one ignore file. Patterns Docker would reject are listed in
 * `problems` (with them, the real build fails) and left out of matching.
 */
export class PatternMatcher {
  readonly patterns: MatcherPattern[] = [];
  readonly problems: PatternProblem[] = [];
  /** Any `!` pattern. */
  readonly exclusions: boolean;
  /** True when every `!` pattern is a plain path (BuildKit then skips excluded directories it cannot re-enter). */
  readonly onlyPrefixExceptions: boolean;
  private readonly exceptionPrefixes: string[];

  /**
   * `lines` are patterns as `ignorefile.ReadAll` returns them (see dockerignore.ts), or patterns
   * another matcher compiled already (see `prefix`).
   */
  constructor(lines: readonly string[] | { compiled: readonly MatcherPattern[] }) {
    if ('compiled' in lines) for (const c of lines.compiled) this.patterns.push(c);
    else lines.forEach((line, input) => {
      let p = goTrimSpace(line);
      if (p === '') return;
      p = goClean(p);
      let negated = false;
      if (p[0] === '!') {
        if (p.length === 1) {
          this.problems.push({ input, message: 'illegal exclusion pattern: "!"' });
          return;
        }
        negated = true;
        p = p.slice(1);
      }
      const bad = goPatternError(p);
      if (bad) {
        this.problems.push({ input, message: bad });
        return;
      }
      const glob = compileGlob(p);
      if (glob.error) this.problems.push({ input, message: glob.error, lazy: true });
      this.patterns.push({ cleaned: p, negated, glob, source: input });
    });
    this.exclusions = this.patterns.some((p) => p.negated);
    this.onlyPrefixExceptions = !this.patterns.some((p) => p.negated && PATTERN_CHARS.test(withoutTrailingGlob(p.cleaned)));
    this.exceptionPrefixes = this.patterns.filter((p) => p.negated).map((p) => `${withoutTrailingGlob(p.cleaned)}/`);
  }

  get empty(): boolean {
    return this.patterns.length === 0;
  }

  /**
   * MatchesOrParentMatches: the last pattern matching the path or one of its parents decides.
   * Returns the deciding pattern index too (-1 when nothing matched).
   */
  matchesOrParentMatches(file: string): { excluded: boolean; by: number } {
    let matched = false;
    let by = -1;
    const parent = goDir(file);
    const dirs = parent === '.' ? [] : parent.split('/');
    for (let i = 0; i < this.patterns.length; i++) {
      const p = this.patterns[i];
      if (p.negated !== matched) continue;
      let m = matchGlob(p, file);
      if (!m) {
        for (let k = 1; k <= dirs.length && !m; k++) m = matchGlob(p, dirs.slice(0, k).join('/'));
      }
      if (m) {
        matched = !p.negated;
        by = i;
      }
    }
    return { excluded: matched, by };
  }

  /**
   * MatchesUsingParentResults, as the context walk evaluates each path: `parent` is the result of
   * the parent directory (null for an entry of the context root, which then behaves like
   * matchesOrParentMatches).
   */
  matchUsingParent(file: string, parent: MatchInfo | null, wantInfo = true): MatchResult {
    const n = this.patterns.length;
    // Only directories hand their results on: files reuse one scratch array.
    const info = wantInfo ? new Uint8Array(n) : this.scratch(n);
    let matched = false;
    let by = -1;
    let dirs: string[] | null = null;
    for (let i = 0; i < n; i++) {
      const p = this.patterns[i];
      let m = parent !== null && parent[i] === 1;
      if (!m) {
        if (p.negated !== matched) continue;
        m = matchGlob(p, file);
        if (!m && parent === null) {
          if (dirs === null) {
            const d = goDir(file);
            dirs = d === '.' ? [] : d.split('/');
          }
          for (let k = 1; k <= dirs.length && !m; k++) m = matchGlob(p, dirs.slice(0, k).join('/'));
        }
      }
      info[i] = m ? 1 : 0;
      if (m) {
        matched = !p.negated;
        by = i;
      }
    }
    return { excluded: matched, info, by };
  }

  private scratchInfo: Uint8Array | null = null;
  private scratch(n: number): Uint8Array {
    if (!this.scratchInfo || this.scratchInfo.length !== n) this.scratchInfo = new Uint8Array(n);
    else this.scratchInfo.fill(0);
    return this.scratchInfo;
  }

  /**
   * For an excluded directory: may the walk skip it? BuildKit (fsutil) skips it when every `!`
   * pattern is a plain path and none of them lies inside the directory. With `classic`, the rule
   * of the classic builder's tar walk.
   */
  canSkipExcludedDir(dir: string, classic = false): boolean {
    if (classic) {
      // The classic builder (docker CLI, DOCKER_BUILDKIT=0) skips unless a `!` pattern, as
      // written, starts with the directory: `!**/*.keep` cannot reach into an excluded directory.
      if (!this.exclusions) return true;
      const slash = `${dir}/`;
      return !this.patterns.some((p) => p.negated && `${p.cleaned}/`.startsWith(slash));
    }
    if (!this.onlyPrefixExceptions) return false;
    if (!this.exclusions) return true;
    const dirSlash = `${dir}/`;
    return !this.exceptionPrefixes.some((p) => p.startsWith(dirSlash));
  }

  /**
   * Evaluates `path` the way the walk does, through each parent directory; a path inside a
   * directory the walk skips is excluded by whatever excluded that directory.
   */
  /** The matcher of this one's first `n` patterns (what they decide on their own), without compiling them again. */
  prefix(n: number): PatternMatcher {
    return new PatternMatcher({ compiled: this.patterns.slice(0, n) });
  }

  evaluate(path: string): MatchResult {
    const parts = path.split('/');
    let info: MatchInfo | null = null;
    let r: MatchResult = { excluded: false, info: new Uint8Array(this.patterns.length), by: -1 };
    for (let k = 1; k <= parts.length; k++) {
      const sub = parts.slice(0, k).join('/');
      r = this.matchUsingParent(sub, info);
      if (k < parts.length && r.excluded && this.canSkipExcludedDir(sub)) return r;
      info = r.info;
    }
    return r;
  }
}

/** `dir/**` and `dir/*` count as `dir` for the directory-skipping shortcut. */
function withoutTrailingGlob(p: string): string {
  if (p.endsWith('/**')) p = p.slice(0, -3);
  if (p.endsWith('/*')) p = p.slice(0, -2);
  return p;
}
