/**
 * Walks a build context the way BuildKit sends it (tonistiigi/fsutil's filtered walk):
 * depth-first, entries of a directory in name order, symlinks never followed (they are sent as
 * links), `.dockerignore` results handed from each directory to its children, and an excluded
 * directory skipped entirely when no `!` pattern could re-include anything inside it.
 *
 * Only `readdir(withFileTypes)` is used while walking; `lstat` only for entries whose type the
 * directory listing does not tell, and for file sizes, which are read lazily (`sizeOf`).
 * Results are kept in flat arrays in walk order, so a directory's descendants are the contiguous
 * range `[i + 1, end[i])`.
 */
import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import type { MatchInfo, PatternMatcher } from './pattern.js';

export const EntryType = { File: 1, Dir: 2, Symlink: 3, Other: 4 } as const;
export type EntryType = (typeof EntryType)[keyof typeof EntryType];

/** Entry flags. */
export const EXCLUDED = 1;
/** An excluded directory the walk did not enter (its contents are all excluded and unknown). */
export const SKIPPED = 2;
/** A directory holding at least one sent file (sent even when excluded itself, as a parent). */
export const HAS_SENT = 4;
/** The Dockerfile or the ignore file: always sent to the builder, whatever the patterns say. */
export const ALWAYS_SENT = 8;

export const DEFAULT_MAX_ENTRIES = 200_000;

export interface WalkOptions {
  /** Stop after this many entries (the result is marked truncated). */
  maxEntries?: number;
  /** Called for every entry in walk order (streaming use). */
  onEntry?: (path: string, type: EntryType, excluded: boolean) => void;
  /** Context paths flagged ALWAYS_SENT (the Dockerfile and the ignore file). */
  alwaysSent?: readonly string[];
  /** Skip excluded directories like the classic builder (DOCKER_BUILDKIT=0) instead of BuildKit. */
  classic?: boolean;
}

export interface ContextWalk {
  root: string;
  /** Number of entries. */
  count: number;
  /** Relative `/`-separated paths, in walk order. */
  paths: string[];
  types: Uint8Array;
  flags: Uint8Array;
  /** Index of the parent directory entry, -1 for entries at the root. */
  parent: Int32Array;
  /** One past the last descendant (for non-directories: index + 1). */
  end: Int32Array;
  /** Index of the deciding pattern in the matcher for excluded entries (-1 otherwise). */
  excludedBy: Int32Array;
  /** The walk stopped at `maxEntries`. */
  truncated: boolean;
  /** Directories that could not be read (the real build fails on them unless they are excluded). */
  unreadable: string[];
  /**
   * Absolute paths, as bytes, of the entries whose path is not valid UTF-8 (`paths` shows such a
   * name with U+FFFD, which names no file on disk).
   */
  rawPaths: Map<number, Buffer>;
  /** Milliseconds the walk took. */
  elapsedMs: number;
}

class Grow {
  u8a = new Uint8Array(1024);
  u8b = new Uint8Array(1024);
  i32a = new Int32Array(1024);
  i32b = new Int32Array(1024);
  i32c = new Int32Array(1024);
  ensure(n: number): void {
    if (n < this.u8a.length) return;
    const size = Math.max(n + 1, this.u8a.length * 2);
    const g8 = (a: Uint8Array) => { const b = new Uint8Array(size); b.set(a); return b; };
    const g32 = (a: Int32Array) => { const b = new Int32Array(size); b.set(a); return b; };
    this.u8a = g8(this.u8a);
    this.u8b = g8(this.u8b);
    this.i32a = g32(this.i32a);
    this.i32b = g32(this.i32b);
    this.i32c = g32(this.i32c);
  }
}

function direntType(d: Dirent<Buffer>, abs: string | Buffer): EntryType {
  if (d.isFile()) return EntryType.File;
  if (d.isDirectory()) return EntryType.Dir;
  if (d.isSymbolicLink()) return EntryType.Symlink;
  if (d.isFIFO() || d.isSocket() || d.isBlockDevice() || d.isCharacterDevice()) return EntryType.Other;
  // DT_UNKNOWN on some file systems: ask lstat.
  try {
    const st = lstatSync(abs);
    if (st.isFile()) return EntryType.File;
    if (st.isDirectory()) return EntryType.Dir;
    if (st.isSymbolicLink()) return EntryType.Symlink;
  } catch {
    /* vanished */
  }
  return EntryType.Other;
}

/** A directory entry: its name as shown, and its bytes when they are not valid UTF-8. */
interface Entry {
  d: Dirent<Buffer>;
  name: string;
  raw: Buffer | null;
}

const byName = (a: Entry, b: Entry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Names are read as bytes: BuildKit sends any name, and a name that is not UTF-8, read as a
 * string, becomes one with U+FFFD that no later lstat or readdir can open.
 */
function readDir(abs: string | Buffer): Entry[] | null {
  try {
    return readdirSync(abs, { withFileTypes: true, encoding: 'buffer' })
      .map((d) => {
        const name = d.name.toString('utf8');
        // Decoding marks invalid bytes with U+FFFD; only then can the name differ from its bytes.
        return { d, name, raw: name.includes('\ufffd') && !Buffer.from(name).equals(d.name) ? d.name : null };
      })
      .sort(byName);
  } catch {
    return null;
  }
}

/** The absolute path of a child: a string, or bytes once some name on the way is not UTF-8. */
function childPath(dirAbs: string | Buffer, e: Entry): string | Buffer {
  if (typeof dirAbs === 'string' && e.raw === null) return `${dirAbs}/${e.name}`;
  return Buffer.concat([Buffer.from(dirAbs), Buffer.from('/'), e.raw ?? Buffer.from(e.name)]);
}

/** Walks `root` with the ignore patterns of `matcher`. */
export function walkContext(root: string, matcher: PatternMatcher, opts: WalkOptions = {}): ContextWalk {
  // process.hrtime, not performance.now(): the latter loads perf_hooks, a cost on every cold run.
  const t0 = process.hrtime.bigint();
  const max = opts.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const paths: string[] = [];
  const g = new Grow();
  const unreadable: string[] = [];
  const useMatcher = !matcher.empty;
  const always = new Set(opts.alwaysSent ?? []);
  let count = 0;
  let truncated = false;

  const rawPaths = new Map<number, Buffer>();
  interface Frame { dir: number; rel: string; abs: string | Buffer; entries: Entry[]; pos: number; info: MatchInfo | null }
  const stack: Frame[] = [];
  const top = readDir(root);
  if (top === null) unreadable.push('.');
  else stack.push({ dir: -1, rel: '', abs: root, entries: top, pos: 0, info: null });

  while (stack.length > 0) {
    const f = stack[stack.length - 1];
    if (f.pos >= f.entries.length) {
      stack.pop();
      if (f.dir >= 0) g.i32b[f.dir] = count;
      continue;
    }
    if (count >= max) {
      truncated = true;
      // Close every open directory at the current position.
      for (const fr of stack) if (fr.dir >= 0) g.i32b[fr.dir] = count;
      break;
    }
    const e = f.entries[f.pos++];
    const rel = f.rel === '' ? e.name : `${f.rel}/${e.name}`;
    const abs = childPath(f.abs, e);
    const type = direntType(e.d, abs);
    const i = count++;
    if (typeof abs !== 'string') rawPaths.set(i, abs);
    g.ensure(i);
    paths.push(rel);
    g.u8a[i] = type;
    g.i32a[i] = f.dir;
    g.i32b[i] = i + 1;
    g.i32c[i] = -1;
    let excluded = false;
    let info: MatchInfo | null = null;
    if (useMatcher) {
      const r = matcher.matchUsingParent(rel, f.info, type === EntryType.Dir);
      excluded = r.excluded;
      info = r.info;
      if (excluded) {
        g.u8b[i] = EXCLUDED;
        g.i32c[i] = r.by;
      }
    }
    if (always.size > 0 && always.has(rel)) g.u8b[i] |= ALWAYS_SENT;
    opts.onEntry?.(rel, type, excluded);
    if (!excluded) {
      // Mark the chain of parents as holding a sent entry.
      for (let p = f.dir; p >= 0 && !(g.u8b[p] & HAS_SENT); p = g.i32a[p]) g.u8b[p] |= HAS_SENT;
    }
    if (type === EntryType.Dir) {
      if (excluded && matcher.canSkipExcludedDir(rel, opts.classic)) {
        g.u8b[i] |= SKIPPED;
        continue;
      }
      const children = readDir(abs);
      if (children === null) {
        if (!excluded) unreadable.push(rel);
        continue;
      }
      stack.push({ dir: i, rel, abs, entries: children, pos: 0, info });
    }
  }

  return {
    root,
    count,
    paths,
    types: g.u8a.subarray(0, count),
    flags: g.u8b.subarray(0, count),
    parent: g.i32a.subarray(0, count),
    end: g.i32b.subarray(0, count),
    excludedBy: g.i32c.subarray(0, count),
    truncated,
    unreadable,
    rawPaths,
    elapsedMs: Number(process.hrtime.bigint() - t0) / 1e6,
  };
}

/**
 * Does the builder receive the entry as part of the context (a file not excluded, or a directory
 * that is not excluded or holds a sent entry)? The Dockerfile and ignore file are sent even when
 * excluded (ALWAYS_SENT) but COPY cannot take them then, so they do not count here.
 */
export function isSent(w: ContextWalk, i: number): boolean {
  const fl = w.flags[i];
  if (!(fl & EXCLUDED)) return true;
  return w.types[i] === EntryType.Dir && (fl & HAS_SENT) !== 0;
}
