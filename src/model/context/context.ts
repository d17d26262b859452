/**
 * A build context: a directory, the ignore file in effect, and (lazily) the walk of what is sent.
 * Everything that touches the file system is lazy and cached: a Dockerfile whose rules never ask
 * for the file list costs no walk at all.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { goGlob } from './gopath.js';
import { lstatInside, resolveInside, type RawType } from './links.js';
import { isUnfollowedIgnoreLink, locateIgnoreFile, readDockerignore, type DockerignoreFile, type IgnoreFileRef, type IgnorePattern } from './dockerignore.js';
import { PatternMatcher, type MatchInfo } from './pattern.js';
import type { CopySource } from './copy-sources.js';
import { DEFAULT_MAX_ENTRIES, EXCLUDED, EntryType, HAS_SENT, isSent, SKIPPED, walkContext, type ContextWalk } from './walk.js';

export interface BuildContextOptions {
  /** Absolute path of the Dockerfile (decides the Dockerfile-specific ignore file; always sent). */
  dockerfile?: string | null;
  maxEntries?: number;
}

export type { RawType } from './links.js';

/** Walk entries `[start, end)` a source takes; `root` is the copied path ('' for the whole context). */
export interface PullRange {
  start: number;
  end: number;
  root: string;
}

export interface SourceInspection {
  /** Exists in the directory on disk (before `.dockerignore`), following symlinks inside the context. */
  exists: boolean;
  /** The path after following symlinks (inside the context), when it exists. */
  resolved: string | null;
  /** Excluded by the ignore file (and nothing inside it is re-included): the builder never gets it. */
  excludedBy: IgnorePattern | null;
  /** For wildcards: entries on disk the wildcard matches, and how many the builder receives. */
  rawMatches: string[];
  sentMatches: number;
}

const EMPTY_MATCHER = new PatternMatcher([]);

export class BuildContext {
  readonly root: string;
  readonly dockerfile: string | null;
  readonly ignoreRef: IgnoreFileRef | null;
  readonly ignore: DockerignoreFile | null;
  /** Set when the ignore file exists but could not be read: its path and the error code. */
  readonly ignoreError: { path: string; code: string } | null = null;
  /** Set when an ignore file is a symlink BuildKit does not follow (it leads out of its directory). */
  readonly unfollowedIgnoreLink: { path: string; outOf: 'the build context' | 'the Dockerfile\'s directory' } | null = null;
  readonly maxEntries: number;
  private walked: ContextWalk | null = null;
  private index: Map<string, number> | null = null;
  private sizes: Float64Array | null = null;
  private readonly rangeCache = new Map<CopySource, PullRange[]>();
  private readonly memos = new Map<string, unknown>();
  private readonly dirNames = new Map<string, string[] | null>();

  constructor(root: string, opts: BuildContextOptions = {}) {
    this.root = resolve(root);
    this.dockerfile = opts.dockerfile ? resolve(opts.dockerfile) : null;
    this.maxEntries = opts.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.ignoreRef = locateIgnoreFile(this.root, this.dockerfile);
    let ignore: DockerignoreFile | null = null;
    if (this.ignoreRef) {
      try {
        ignore = readDockerignore(this.ignoreRef.target);
      } catch (e) {
        this.ignoreError = { path: this.ignoreRef.path, code: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
      }
    }
    this.ignore = ignore;
    const links = [
      ...(this.dockerfile ? [[dirname(this.dockerfile), `${this.dockerfile}.dockerignore`]] : []),
      [this.root, join(this.root, '.dockerignore')],
    ].filter(([dir, abs]) => abs !== this.ignoreRef?.path && isUnfollowedIgnoreLink(dir, abs));
    if (links.length > 0 && (!this.ignoreRef || this.ignoreRef.kind === 'context')) {
      this.unfollowedIgnoreLink = { path: links[0][1], outOf: links[0][0] === this.root ? 'the build context' : 'the Dockerfile\'s directory' };
    }
  }

  /** What to tell the user about the ignore file, with paths as `display` shows them; `link`: the unfollowed symlink too. */
  ignoreNotices(display: (abs: string) => string, link = true): string[] {
    const out: string[] = [];
    if (this.ignoreError) out.push(`cannot read ${display(this.ignoreError.path)}: ${this.ignoreError.code}`);
    if (link && this.unfollowedIgnoreLink) out.push(`${display(this.unfollowedIgnoreLink.path)} is a symlink that leads out of ${this.unfollowedIgnoreLink.outOf}, which BuildKit does not follow: it reads no patterns from it (the classic builder does)`);
    return out;
  }

  get matcher(): PatternMatcher {
    return this.ignore?.matcher ?? EMPTY_MATCHER;
  }

  /** Path relative to the context root (`/`-separated), or null when outside the context. */
  relative(abs: string): string | null {
    const r = relative(this.root, resolve(abs));
    if (r === '') return '.';
    if (r === '..' || r.startsWith(`..${sep}`) || isAbsolute(r)) return null;
    return sep === '/' ? r : r.split(sep).join('/');
  }

  /** A value computed once per context (rules share per-context work across Dockerfiles with it). */
  memo<T>(key: string, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const v = compute();
    this.memos.set(key, v);
    return v;
  }

  /** Sorted names in a context directory on disk (ignoring .dockerignore), or null; cached. */
  readDir(rel: string): string[] | null {
    let names = this.dirNames.get(rel);
    if (names === undefined) {
      try {
        names = readdirSync(rel === '.' ? this.root : `${this.root}/${rel}`).sort();
      } catch {
        names = null;
      }
      this.dirNames.set(rel, names);
    }
    return names;
  }

  /** Has the walk already run (for callers that only want cached data)? */
  get isWalked(): boolean {
    return this.walked !== null;
  }

  /** The walk of the context (cached). */
  walk(): ContextWalk {
    if (this.walked) return this.walked;
    const alwaysSent = [this.dockerfile, this.ignoreRef?.path].map((abs) => (abs ? this.relative(abs) : null)).filter((r): r is string => r !== null && r !== '.');
    this.walked = walkContext(this.root, this.matcher, { maxEntries: this.maxEntries, alwaysSent });
    return this.walked;
  }

  indexOf(rel: string): number {
    const w = this.walk();
    if (!this.index) {
      this.index = new Map();
      for (let i = 0; i < w.count; i++) this.index.set(w.paths[i], i);
    }
    return this.index.get(rel) ?? -1;
  }

  /** The absolute path of walk entry `i` for file system calls (bytes when its name is not UTF-8). */
  fsPath(i: number): string | Buffer {
    const w = this.walk();
    return w.rawPaths.get(i) ?? `${this.root}/${w.paths[i]}`;
  }

  /** The absolute path of a context path for file system calls, by its walk entry when it has one. */
  absPath(rel: string): string | Buffer {
    const i = this.isWalked ? this.indexOf(rel) : -1;
    return i >= 0 ? this.fsPath(i) : `${this.root}/${rel}`;
  }

  /** Size in bytes of an entry's content (0 for directories and symlinks). */
  sizeOf(i: number): number {
    const w = this.walk();
    if (!this.sizes) this.sizes = new Float64Array(w.count).fill(-1);
    let s = this.sizes[i];
    if (s < 0) {
      s = 0;
      if (w.types[i] === EntryType.File) {
        try {
          s = lstatSync(this.fsPath(i)).size;
        } catch {
          s = 0;
        }
      }
      this.sizes[i] = s;
    }
    return s;
  }

  /** lstat of a context path, without following a final symlink. */
  lstat(rel: string): RawType | null {
    return lstatInside(this.root, rel);
  }

  /**
   * Follows symlinks the way BuildKit does for a COPY source: link targets are read with the
   * context as `/`, so resolution never leaves the context. Returns the real path and its type, or
   * null when it does not exist (or loops).
   */
  resolve(rel: string): { path: string; type: RawType } | null {
    return resolveInside(this.root, rel, (r) => this.lstat(r));
  }

  /** The pattern that excludes a path (as the walk decides it), or null when the path is sent. */
  excludedBy(rel: string): IgnorePattern | null {
    if (rel === '.' || !this.ignore || this.matcher.empty) return null;
    const r = this.matcher.evaluate(rel);
    if (!r.excluded) return null;
    return this.ignore.byMatcherIndex(r.by) ?? null;
  }

  /** Does a directory (by path) hold anything the builder receives? Uses the walk. */
  private dirHasSent(rel: string): boolean {
    const i = this.indexOf(rel);
    if (i < 0) return false;
    return (this.walk().flags[i] & HAS_SENT) !== 0;
  }

  /** Existence and exclusion of a COPY/ADD source. */
  inspect(src: CopySource): SourceInspection {
    if (!src.wildcard) {
      if (src.path === '.') return { exists: true, resolved: '.', excludedBy: null, rawMatches: [], sentMatches: 0 };
      const r = this.resolve(src.path);
      let excludedBy = this.excludedBy(src.path);
      if (!excludedBy && r && r.path !== src.path) excludedBy = this.excludedBy(r.path);
      if (excludedBy && r && r.type === 'dir' && this.dirHasSent(r.path)) excludedBy = null;
      return { exists: r !== null, resolved: r?.path ?? null, excludedBy, rawMatches: [], sentMatches: 0 };
    }
    const rawMatches = this.rawWildcardMatches(src);
    let sentMatches = 0;
    let firstExcluder: IgnorePattern | null = null;
    for (const m of rawMatches) {
      const ex = this.excludedBy(m);
      const dirSent = ex && this.lstat(m) === 'dir' && this.dirHasSent(m);
      if (!ex || dirSent) sentMatches++;
      else firstExcluder ??= ex;
    }
    return {
      exists: rawMatches.length > 0,
      resolved: null,
      excludedBy: rawMatches.length > 0 && sentMatches === 0 ? firstExcluder : null,
      rawMatches,
      sentMatches,
    };
  }

  /** Entries on disk (ignoring `.dockerignore`) a wildcard source matches, up to `limit`. */
  rawWildcardMatches(src: CopySource, limit = 10_000): string[] {
    const base = src.base === '' ? null : this.resolve(src.base);
    if (src.base !== '' && (!base || base.type !== 'dir')) return [];
    const basePath = base ? base.path : '.';
    if (src.include) return this.rawIncludeMatches(src.include, basePath, limit);
    const comps = src.rest.split('/');
    let level: string[] = [''];
    for (let k = 0; k < comps.length && level.length > 0; k++) {
      const next: string[] = [];
      for (const relFromBase of level) {
        const dirRel = [basePath === '.' ? '' : basePath, relFromBase].filter(Boolean).join('/') || '.';
        const names = this.readDir(dirRel);
        if (!names) continue;
        const re = goGlob(comps[k]);
        if (!re) return [];
        for (const n of names) {
          if (re.test(n)) next.push(relFromBase ? `${relFromBase}/${n}` : n);
          if (next.length >= limit) break;
        }
      }
      level = next;
    }
    return level.map((r) => (basePath === '.' ? r : `${basePath}/${r}`));
  }

  /**
   * Entries on disk under `basePath` an include pattern (`COPY --parents`) matches, outermost only:
   * a matched directory is taken whole, an unmatched one is searched, as fsutil's copy does.
   */
  private rawIncludeMatches(include: PatternMatcher, basePath: string, limit: number): string[] {
    const out: string[] = [];
    const visit = (relFromBase: string, info: MatchInfo | null): void => {
      const dirRel = [basePath === '.' ? '' : basePath, relFromBase].filter(Boolean).join('/') || '.';
      for (const n of this.readDir(dirRel) ?? []) {
        if (out.length >= limit) return;
        const rel = relFromBase ? `${relFromBase}/${n}` : n;
        const abs = dirRel === '.' ? n : `${dirRel}/${n}`;
        const isDir = this.lstat(abs) === 'dir';
        const r = include.matchUsingParent(rel, info, isDir);
        if (r.excluded) out.push(abs);
        else if (isDir) visit(rel, r.info);
      }
    };
    visit('', null);
    return out;
  }

  /** Walk entries in `[from, to)` (a directory's contents) an include pattern matches, outermost only. */
  private includeRanges(include: PatternMatcher, from: number, to: number, prefix: number): PullRange[] {
    const w = this.walk();
    const out: PullRange[] = [];
    const infos = new Map<number, MatchInfo>();
    for (let i = from; i < to; ) {
      const isDir = w.types[i] === EntryType.Dir;
      const r = include.matchUsingParent(w.paths[i].slice(prefix), infos.get(w.parent[i]) ?? null, isDir);
      if (r.excluded) {
        if (isSent(w, i)) out.push({ start: i, end: w.end[i], root: w.paths[i] });
        i = w.end[i];
        continue;
      }
      if (isDir) infos.set(i, r.info);
      i++;
    }
    return out;
  }

  /**
   * What a source takes from what the builder receives, as walk index ranges: the source itself
   * and, for a directory, everything inside it. `--exclude` is applied by `pulls`.
   */
  ranges(src: CopySource): PullRange[] {
    const cached = this.rangeCache.get(src);
    if (cached) return cached;
    const w = this.walk();
    const out: PullRange[] = [];
    const add = (rel: string): void => {
      // A COPY source (also a wildcard match) that is a symlink is followed, inside the context.
      const r = this.resolve(rel);
      if (!r) return;
      if (r.path === '.') {
        out.push({ start: 0, end: w.count, root: '' });
        return;
      }
      const i = this.indexOf(r.path);
      if (i >= 0 && isSent(w, i)) out.push({ start: i, end: w.end[i], root: r.path });
    };
    if (!src.wildcard) add(src.path);
    else {
      const base = src.base === '' ? { path: '.', type: 'dir' as RawType } : this.resolve(src.base);
      if (base && base.type === 'dir') {
        const bi = base.path === '.' ? -1 : this.indexOf(base.path);
        const [from, to] = base.path === '.' ? [0, w.count] : bi < 0 ? [0, 0] : [bi + 1, w.end[bi]];
        const prefix = base.path === '.' ? 0 : base.path.length + 1;
        if (src.include) out.push(...this.includeRanges(src.include, from, to, prefix));
        else {
          const re = goGlob(src.rest);
          for (let i = from; i < to; ) {
            const ok = re !== null && isSent(w, i) && re.test(w.paths[i].slice(prefix));
            if (ok) {
              if (w.types[i] === EntryType.Symlink) add(w.paths[i]);
              else out.push({ start: i, end: w.end[i], root: w.paths[i] });
              i = w.end[i];
            } else i++;
          }
        }
      }
    }
    this.rangeCache.set(src, out);
    return out;
  }

  /** Does the source take walk entry `i` into the image (sent, inside a range, not `--exclude`d)? */
  pulls(src: CopySource, i: number): boolean {
    const w = this.walk();
    if (!isSent(w, i)) return false;
    for (const r of this.ranges(src)) {
      if (i < r.start || i >= r.end) continue;
      if (src.exclude && (r.root === '' || i > r.start)) {
        const rel = r.root === '' ? w.paths[i] : w.paths[i].slice(r.root.length + 1);
        if (src.exclude.evaluate(rel).excluded) return false;
      }
      return true;
    }
    return false;
  }

  /** Calls `fn` for every non-directory entry the source takes. */
  forEachPulled(src: CopySource, fn: (i: number) => void): void {
    const w = this.walk();
    for (const r of this.ranges(src)) {
      for (let i = r.start; i < r.end; i++) {
        if (w.types[i] === EntryType.Dir) continue;
        if (this.pulls(src, i)) fn(i);
      }
    }
  }

  /** Top-level (or any) entries flagged excluded and skipped: the walk did not enter them. */
  skippedDirs(): number[] {
    const w = this.walk();
    const out: number[] = [];
    for (let i = 0; i < w.count; i++) if (w.flags[i] & SKIPPED) out.push(i);
    return out;
  }

  isSent(i: number): boolean {
    return isSent(this.walk(), i);
  }

  isExcluded(i: number): boolean {
    return (this.walk().flags[i] & EXCLUDED) !== 0;
  }
}

/** BuildContexts shared by the Dockerfiles of one run: keyed by context directory and ignore file. */
export class ContextCache {
  private readonly map = new Map<string, BuildContext>();
  constructor(readonly maxEntries = DEFAULT_MAX_ENTRIES) {}

  get(root: string, dockerfile: string | null): BuildContext {
    const absRoot = resolve(root);
    const ref = locateIgnoreFile(absRoot, dockerfile ? resolve(dockerfile) : null);
    const key = `${absRoot}\0${ref?.path ?? ''}\0${dockerfile && ref?.kind === 'dockerfile' ? dockerfile : ''}`;
    let ctx = this.map.get(key);
    if (!ctx) {
      ctx = new BuildContext(absRoot, { dockerfile, maxEntries: this.maxEntries });
      this.map.set(key, ctx);
    }
    return ctx;
  }

  /** Forget cached contexts of a directory (after its ignore file changed). */
  invalidate(root: string): void {
    const absRoot = resolve(root);
    for (const k of [...this.map.keys()]) if (k.startsWith(`${absRoot}\0`)) this.map.delete(k);
  }
}
