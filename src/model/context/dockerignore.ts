/**
 * `.dockerignore` files read the way Docker reads them (moby/patternmatcher's `ignorefile.ReadAll`),
 * keeping the exact position of every pattern:
 *
 * - lines end at `\n`; one `\r` before it is dropped; a UTF-8 BOM is dropped from the first line;
 * - a line whose first character is `#` is a comment (only there: `  # x` and `a # x` are patterns);
 * - surrounding white space is trimmed, also after a leading `!`;
 * - the pattern is cleaned like Go's `filepath.Clean` (`./a/`, `a//b/../b` -> `a`, `a/b`) and a leading `/` dropped.
 */
import { lstatSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { MAX_INPUT_BYTES, readBounded } from '../../read-input.js';
import { resolveInside } from './links.js';
import { SourceFile, type Span } from '../source.js';
import { goClean, goTrimSpace, goTrimSpaceRange } from './gopath.js';
import { PatternMatcher } from './pattern.js';

/** bufio.Scanner's default token limit: a longer line makes Docker fail to read the file. */
const MAX_LINE_BYTES = 64 * 1024;

export interface IgnorePattern {
  /** Position among the file's patterns (0-based). */
  index: number;
  /** 1-based line. */
  line: number;
  /** Source offsets of the pattern as written, trimmed, including a leading `!`. */
  span: Span;
  /** The pattern as written (trimmed). */
  raw: string;
  /** What Docker's reader returns for the line (cleaned, leading `/` dropped, `!` kept). */
  value: string;
  negated: boolean;
  /** Cleaned pattern without `!`. */
  cleaned: string;
  /** Index in `matcher.patterns`, or -1 when Docker rejects the pattern. */
  matcherIndex: number;
  /** Why Docker rejects the pattern (the build fails), or null. */
  problem: string | null;
  /** The problem shows only once a path is matched against the pattern (see PatternProblem.lazy). */
  problemIsLazy: boolean;
}

export interface IgnoreComment {
  line: number;
  /** Text after `#`, trimmed. */
  text: string;
  span: Span;
}

export interface DockerignoreFile {
  /** Path as given to the parser (absolute for files read from disk). */
  path: string;
  text: string;
  source: SourceFile;
  /** The line ending new lines should use: the file's own (CRLF when most lines use it). */
  eol: '\n' | '\r\n';
  patterns: IgnorePattern[];
  comments: IgnoreComment[];
  /** Lines Docker cannot read at all (longer than 64 KiB): the build fails. */
  lineErrors: Array<{ line: number; span: Span; message: string }>;
  matcher: PatternMatcher;
  /** Pattern for a matcher index. */
  byMatcherIndex(i: number): IgnorePattern | undefined;
}

function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

export function parseDockerignore(text: string, path = '.dockerignore'): DockerignoreFile {
  const source = new SourceFile(path, text);
  const patterns: IgnorePattern[] = [];
  const comments: IgnoreComment[] = [];
  const lineErrors: DockerignoreFile['lineErrors'] = [];
  const values: string[] = [];
  let crlf = 0;
  let lf = 0;
  let pos = 0;
  let lineNo = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    let contentEnd = lineEnd;
    if (nl >= 0) {
      if (contentEnd > pos && text.charCodeAt(contentEnd - 1) === 13) { contentEnd--; crlf++; } else lf++;
    } else if (contentEnd > pos && text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
    const lineStart = pos;
    let start = pos;
    lineNo++;
    pos = nl < 0 ? text.length : nl + 1;
    if (lineNo === 1 && text.charCodeAt(0) === 0xfeff) start++;
    const content = text.slice(start, contentEnd);
    // The scanner's buffer holds the raw line, with its `\r` and (on line 1) the BOM, before either is dropped.
    if (utf8Length(text.slice(lineStart, lineEnd)) >= MAX_LINE_BYTES) {
      lineErrors.push({ line: lineNo, span: { start, end: contentEnd }, message: 'line too long: Docker cannot read a .dockerignore line of 64 KiB or more ("bufio.Scanner: token too long")' });
      break; // Docker stops reading here; nothing after it is used
    }
    if (content.startsWith('#')) {
      comments.push({ line: lineNo, text: content.slice(1).trim(), span: { start, end: contentEnd } });
      continue;
    }
    const [a, b] = goTrimSpaceRange(content);
    if (a === b) continue;
    const raw = content.slice(a, b);
    let p = raw;
    const negated = p[0] === '!';
    if (negated) p = goTrimSpace(p.slice(1));
    if (p.length > 0) {
      p = goClean(p);
      if (p.length > 1 && p[0] === '/') p = p.slice(1);
    }
    const value = negated ? `!${p}` : p;
    values.push(value);
    patterns.push({
      index: patterns.length,
      line: lineNo,
      span: { start: start + a, end: start + b },
      raw,
      value,
      negated,
      cleaned: p,
      matcherIndex: -1,
      problem: null,
      problemIsLazy: false,
    });
  }
  const matcher = new PatternMatcher(values);
  matcher.patterns.forEach((mp, i) => {
    const ip = patterns[mp.source];
    ip.matcherIndex = i;
    ip.cleaned = mp.cleaned;
  });
  for (const prob of matcher.problems) {
    patterns[prob.input].problem = prob.message;
    patterns[prob.input].problemIsLazy = !!prob.lazy;
  }
  const byIndex = new Map(patterns.filter((p) => p.matcherIndex >= 0).map((p) => [p.matcherIndex, p]));
  return {
    path,
    text,
    source,
    eol: crlf > lf ? '\r\n' : '\n',
    patterns,
    comments,
    lineErrors,
    matcher,
    byMatcherIndex: (i) => byIndex.get(i),
  };
}

export interface IgnoreFileRef {
  /** Absolute path of the ignore file. */
  path: string;
  /** The file read: `path`, or the file a symlink there leads to inside its directory. */
  target: string;
  /** `dockerfile`: `<Dockerfile>.dockerignore` beside the Dockerfile; `context`: `.dockerignore` at the context root. */
  kind: 'dockerfile' | 'context';
}

/**
 * The regular file `name` in `root` leads to, or null. BuildKit loads the ignore file through its
 * file transfer, which follows symlinks with `root` as `/`: a link out of the directory
 * (`../../shared/.dockerignore`) leads to nothing, and no patterns apply.
 */
function ignoreFileIn(root: string, name: string): string | null {
  const r = resolveInside(root, name);
  return r?.type === 'file' ? join(root, r.path) : null;
}

/**
 * The ignore file BuildKit uses: `<Dockerfile name>.dockerignore` in the Dockerfile's directory
 * when it exists (even empty), else `.dockerignore` at the context root.
 */
export function locateIgnoreFile(contextDir: string, dockerfile: string | null): IgnoreFileRef | null {
  if (dockerfile) {
    const dir = dirname(dockerfile);
    const name = `${basename(dockerfile)}.dockerignore`;
    const target = ignoreFileIn(dir, name);
    if (target) return { path: join(dir, name), target, kind: 'dockerfile' };
  }
  const target = ignoreFileIn(contextDir, '.dockerignore');
  if (target) return { path: join(contextDir, '.dockerignore'), target, kind: 'context' };
  return null;
}

/** Is `abs` a symlink to a regular file that BuildKit does not read (it leads out of `root`)? */
export function isUnfollowedIgnoreLink(root: string, abs: string): boolean {
  try {
    if (!lstatSync(abs).isSymbolicLink() || !statSync(abs).isFile()) return false;
  } catch {
    return false;
  }
  return ignoreFileIn(root, relative(root, abs).split(sep).join('/')) === null;
}

/** Reads and parses an ignore file from disk. */
export function readDockerignore(path: string): DockerignoreFile {
  // (A pipe would block the run, and a device never ends: only a regular file is read.)
  if (!statSync(path).isFile()) throw Object.assign(new Error('not a regular file'), { code: 'not a regular file' });
  const bytes = readBounded(path, MAX_INPUT_BYTES);
  if (!bytes) throw Object.assign(new Error('too large'), { code: `larger than ${MAX_INPUT_BYTES} bytes` });
  return parseDockerignore(bytes.toString('utf8'), path);
}
