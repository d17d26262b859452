/** The build-context sources of a Dockerfile's COPY and ADD instructions. */
import type { Dockerfile, Instruction } from '../dockerfile/types.js';
import type { Span } from '../source.js';
import { containsWildcards, goClean, splitWildcards } from './gopath.js';
import { PatternMatcher } from './pattern.js';

export interface CopySource {
  instr: Instruction;
  /** `COPY`, `ADD`, or `RUN --mount` for a bind mount of the context (not copied into the image). */
  keyword: 'COPY' | 'ADD' | 'RUN --mount';
  /** A `RUN --mount=type=bind` source: transferred and must exist, but not copied into the image. */
  mount: boolean;
  /** The source as written (quotes removed). */
  written: string;
  /** Span of the source word in the Dockerfile. */
  span: Span;
  /** After variable expansion. */
  value: string;
  /** Cleaned path relative to the context root; `.` is the root itself. */
  path: string;
  wildcard: boolean;
  /** For wildcards: the literal directories before the first wildcard component, and the rest. */
  base: string;
  rest: string;
  /** The instruction's `--exclude` patterns, or null. */
  exclude: PatternMatcher | null;
  /**
   * For a wildcard of `COPY --parents`: the pattern as BuildKit matches it, relative to `base`
   * (an include pattern: `**` spans directories, a matched directory takes its subtree), or null.
   */
  include: PatternMatcher | null;
}

export interface UnresolvedSource {
  instr: Instruction;
  written: string;
  span: Span;
}

const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@)/i;

/** Cleans a source path the way BuildKit does: relative to the context root, never above it. */
function cleanSource(df: Dockerfile, value: string): string {
  let p = value;
  if (df.escape === '`') p = p.replace(/\\/g, '/');
  p = p.replace(/^[A-Za-z]:(?=[\\/]|$)/, '');
  return goClean(`/${p}`).slice(1) || '.';
}

/**
 * `COPY --parents` with a wildcard: BuildKit copies from the pivot (the part before `/./`, else the
 * context root) with the rest as an include pattern. Returns [pivot as a base ('' for the root),
 * pattern], or null when the pivot itself has wildcards (then it is read like any wildcard).
 */
function parentsPivot(df: Dockerfile, value: string): [string, string] | null {
  const cut = value.indexOf('/./');
  const pivot = cut < 0 ? '.' : cleanSource(df, value.slice(0, cut));
  const pattern = cleanSource(df, cut < 0 ? value : value.slice(cut + 3));
  if (containsWildcards(pivot)) return null;
  return [pivot === '.' ? '' : pivot, pattern];
}

/** `RUN --mount=type=bind[,source=path]` without `from=`: a bind mount of the build context. */
function mountSources(df: Dockerfile, instr: Instruction, sources: CopySource[], unresolved: UnresolvedSource[]): void {
  for (const f of instr.flags) {
    if (f.name !== 'mount' || !f.options || f.options.get('type') !== 'bind' || f.options.has('from')) continue;
    const written = f.options.get('source') ?? f.options.get('src') ?? '.';
    // Span of the source value inside the flag, or the whole flag when the source is implicit.
    let span = { start: f.start, end: f.end };
    if (f.valueSpan) {
      const raw = df.source.text.slice(f.valueSpan.start, f.valueSpan.end);
      const m = /(?:^|,)\s*(?:source|src)\s*=\s*/i.exec(raw);
      if (m) {
        const start = f.valueSpan.start + m.index + m[0].length;
        const end = raw.indexOf(',', m.index + m[0].length);
        span = { start, end: end < 0 ? f.valueSpan.end : f.valueSpan.start + end };
      }
    }
    let value = written;
    if (value.includes('$')) {
      const v = df.expand(instr, value);
      if (v === null) {
        unresolved.push({ instr, written, span });
        continue;
      }
      value = v;
    }
    const path = cleanSource(df, value);
    sources.push({ instr, keyword: 'RUN --mount', mount: true, written, span, value, path, wildcard: false, base: path, rest: '', exclude: null, include: null });
  }
}

/**
 * Sources COPY/ADD take from the build context (not `--from`, not URLs or git repositories, not
 * heredocs), and bind mounts of the context in RUN. ONBUILD triggers are left out: they run in
 * another build, with another context. Sources whose variables cannot be resolved are listed in
 * `unresolved`.
 */
export function contextCopySources(df: Dockerfile): { sources: CopySource[]; unresolved: UnresolvedSource[] } {
  const sources: CopySource[] = [];
  const unresolved: UnresolvedSource[] = [];
  for (const instr of df.instructions) {
    if (instr.keyword === 'RUN' && !instr.error) {
      mountSources(df, instr, sources, unresolved);
      continue;
    }
    if ((instr.keyword !== 'COPY' && instr.keyword !== 'ADD') || instr.error) continue;
    if (instr.flags.some((f) => f.name === 'from')) continue;
    let words: Array<{ value: string; span: Span }>;
    if (instr.json) {
      words = instr.json.values.slice(0, -1).map((value, k) => ({ value, span: instr.json!.spans[k] }));
    } else {
      const markers = new Set(instr.heredocs.map((h) => h.marker.start));
      words = instr.words.slice(0, -1).filter((w) => !markers.has(w.start)).map((w) => ({ value: w.value, span: { start: w.start, end: w.end } }));
    }
    const excludes = instr.flags.filter((f) => f.name === 'exclude' && f.value).map((f) => f.value!);
    const exclude = excludes.length ? new PatternMatcher(excludes) : null;
    const parents = instr.keyword === 'COPY' && instr.flags.some((f) => f.name === 'parents' && f.value !== 'false');
    for (const w of words) {
      if (w.value === '' || REMOTE.test(w.value)) continue;
      let value = w.value;
      if (value.includes('$')) {
        const v = df.expand(instr, value);
        if (v === null) {
          unresolved.push({ instr, written: w.value, span: w.span });
          continue;
        }
        value = v;
        if (REMOTE.test(value)) continue;
      }
      const p = cleanSource(df, value);
      const wildcard = containsWildcards(p);
      const pivot = parents && wildcard ? parentsPivot(df, value) : null;
      const [base, rest] = pivot ?? (wildcard ? splitWildcards(p) : [p, '']);
      const include = pivot ? new PatternMatcher([pivot[1]]) : null;
      sources.push({ instr, keyword: instr.keyword, mount: false, written: w.value, span: w.span, value, path: p, wildcard, base, rest, exclude, include });
    }
  }
  return { sources, unresolved };
}

/** Does the source take the whole context (`.`, `/`, `./`)? */
export function isWholeContext(s: CopySource): boolean {
  return !s.wildcard && s.path === '.';
}

/** Sources whose files end up in the image (COPY/ADD, not bind mounts). */
export function copiedSources(sources: readonly CopySource[]): CopySource[] {
  return sources.filter((s) => !s.mount);
}
