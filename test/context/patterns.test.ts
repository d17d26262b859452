/**
 * `.dockerignore` pattern semantics. The tables restate, as data, the cases of moby/patternmatcher's
 * own tests (pattern matching, Go's filepath.Match cases it reuses, compilation, the ignore-file
 * reader) plus cases for the directory walk BuildKit does.
 */
import { describe, expect, it } from 'vitest';
import { goClean, goGlob, goMatch, goPatternError } from '../../src/model/context/gopath.js';
import { compileGlob, PatternMatcher } from '../../src/model/context/pattern.js';
import { parseDockerignore } from '../../src/model/context/dockerignore.js';

/** [pattern, path, expected] */
type One = [string, string, boolean];
/** [patterns, path, expected] */
type Many = [string[], string, boolean];

// Single patterns: `**`, `*`, `?`, classes, escapes, regexp metacharacters taken literally, parents.
const SINGLE: One[] = [
  ['**', 'file', true], ['**', 'file/', true], ['**/', 'file', true], ['**/', 'file/', true],
  ['**', '/', true], ['**/', '/', true], ['**', 'dir/file', true], ['**/', 'dir/file', true],
  ['**', 'dir/file/', true], ['**/', 'dir/file/', true], ['**/**', 'dir/file', true], ['**/**', 'dir/file/', true],
  ['dir/**', 'dir/file', true], ['dir/**', 'dir/file/', true], ['dir/**', 'dir/dir2/file', true], ['dir/**', 'dir/dir2/file/', true],
  ['**/dir', 'dir', true], ['**/dir', 'dir/file', true], ['**/dir2/*', 'dir/dir2/file', true], ['**/dir2/*', 'dir/dir2/file/', true],
  ['**/dir2/**', 'dir/dir2/dir3/file', true], ['**/dir2/**', 'dir/dir2/dir3/file/', true],
  ['**file', 'file', true], ['**file', 'dir/file', true], ['**/file', 'dir/file', true], ['**file', 'dir/dir/file', true],
  ['**/file', 'dir/dir/file', true], ['**/file*', 'dir/dir/file', true], ['**/file*', 'dir/dir/file.txt', true],
  ['**/file*txt', 'dir/dir/file.txt', true], ['**/file*.txt', 'dir/dir/file.txt', true], ['**/file*.txt*', 'dir/dir/file.txt', true],
  ['**/**/*.txt', 'dir/dir/file.txt', true], ['**/**/*.txt2', 'dir/dir/file.txt', false], ['**/*.txt', 'file.txt', true],
  ['**/**/*.txt', 'file.txt', true], ['a**/*.txt', 'a/file.txt', true], ['a**/*.txt', 'a/dir/file.txt', true],
  ['a**/*.txt', 'a/dir/dir/file.txt', true], ['a/*.txt', 'a/dir/file.txt', false], ['a/*.txt', 'a/file.txt', true],
  ['a/*.txt**', 'a/file.txt', true], ['a[b-d]e', 'ae', false], ['a[b-d]e', 'ace', true], ['a[b-d]e', 'aae', false],
  ['a[^b-d]e', 'aze', true], ['.*', '.foo', true], ['.*', 'foo', false], ['abc.def', 'abcdef', false],
  ['abc.def', 'abc.def', true], ['abc.def', 'abcZdef', false], ['abc?def', 'abcZdef', true], ['abc?def', 'abcdef', false],
  ['a\\\\', 'a\\', true], ['**/foo/bar', 'foo/bar', true], ['**/foo/bar', 'dir/foo/bar', true], ['**/foo/bar', 'dir/dir2/foo/bar', true],
  ['abc/**', 'abc', false], ['abc/**', 'abc/def', true], ['abc/**', 'abc/def/ghi', true], ['**/.foo', '.foo', true],
  ['**/.foo', 'bar.foo', false], ['a(b)c/def', 'a(b)c/def', true], ['a(b)c/def', 'a(b)c/xyz', false],
  ['a.|)$(}+{bc', 'a.|)$(}+{bc', true],
  ['dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', true],
  ['dist/*.whl', 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', true],
  ['a\\*b', 'a*b', true],
];

const MULTI: Many[] = [
  [['**', '!util/docker/web'], 'util/docker/web/foo', false],
  [['**', '!util/docker/web', 'util/docker/web/foo'], 'util/docker/web/foo', true],
  [['**', '!dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl'], 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', false],
  [['**', '!dist/*.whl'], 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', false],
  // The simple cases of the same test file.
  [['*'], 'fileutils.go', true],
  [['*.go'], 'fileutils.go', true],
  [['!fileutils.go', '*.go'], 'fileutils.go', true],
  [['docs', '!docs/README.md'], 'docs/README.md', false],
  [['docs/', '!docs/README.md'], 'docs/README.md', false],
  [['docs/*', '!docs/README.md'], 'docs/README.md', false],
  [['*.go', '!fileutils.go'], 'fileutils.go', false],
  [['*.go'], '.', false],
  [[], '/any/path/there', false],
  [['docs', 'config', ''], 'config/x', true],
  [['docs', '  !docs/README.md'], 'docs/README.md', false],
  [['docs', '!docs/README.md  '], 'docs/README.md', false],
];

/** Go's filepath.Match cases as patternmatcher runs them: [pattern, name, match, bad pattern]. */
const GO_MATCH: Array<[string, string, boolean, boolean]> = [
  ['abc', 'abc', true, false], ['*', 'abc', true, false], ['*c', 'abc', true, false], ['a*', 'a', true, false],
  ['a*', 'abc', true, false], ['a*', 'ab/c', true, false], ['a*/b', 'abc/b', true, false], ['a*/b', 'a/c/b', false, false],
  ['a*b*c*d*e*/f', 'axbxcxdxe/f', true, false], ['a*b*c*d*e*/f', 'axbxcxdxexxx/f', true, false],
  ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false, false], ['a*b*c*d*e*/f', 'axbxcxdxexxx/fff', false, false],
  ['a*b?c*x', 'abxbbxdbxebxczzx', true, false], ['a*b?c*x', 'abxbbxdbxebxczzy', false, false],
  ['ab[c]', 'abc', true, false], ['ab[b-d]', 'abc', true, false], ['ab[e-g]', 'abc', false, false],
  ['ab[^c]', 'abc', false, false], ['ab[^b-d]', 'abc', false, false], ['ab[^e-g]', 'abc', true, false],
  ['a\\*b', 'a*b', true, false], ['a\\*b', 'ab', false, false], ['a?b', 'a☺b', true, false], ['a[^a]b', 'a☺b', true, false],
  ['a???b', 'a☺b', false, false], ['a[^a][^a][^a]b', 'a☺b', false, false], ['[a-ζ]*', 'α', true, false],
  ['*[a-ζ]', 'A', false, false], ['a?b', 'a/b', false, false], ['a*b', 'a/b', false, false],
  ['[\\]a]', ']', true, false], ['[\\-]', '-', true, false], ['[x\\-]', 'x', true, false], ['[x\\-]', '-', true, false],
  ['[x\\-]', 'z', false, false], ['[\\-x]', 'x', true, false], ['[\\-x]', '-', true, false], ['[\\-x]', 'a', false, false],
  ['[]a]', ']', false, true], ['[-]', '-', false, true], ['[x-]', 'x', false, true], ['[x-]', '-', false, true],
  ['[x-]', 'z', false, true], ['[-x]', 'x', false, true], ['[-x]', '-', false, true], ['[-x]', 'a', false, true],
  ['\\', 'a', false, true], ['[a-b-c]', 'a', false, true], ['[', 'a', false, true], ['[^', 'a', false, true],
  ['[^bc', 'a', false, true], ['a[', 'a', false, true], ['a[', 'ab', false, true], ['*x', 'xxx', true, false],
];

/** [pattern, match type, RE2 source Docker builds (regexp only)] */
const COMPILE: Array<[string, string, string]> = [
  ['*', 'regexp', '^[^/]*$'], ['file*', 'regexp', '^file[^/]*$'], ['*file', 'regexp', '^[^/]*file$'],
  ['a*/b', 'regexp', '^a[^/]*/b$'], ['**', 'suffix', ''], ['**/**', 'regexp', '^(.*/)?.*$'], ['dir/**', 'prefix', ''],
  ['**/dir', 'suffix', ''], ['**/dir2/*', 'regexp', '^(.*/)?dir2/[^/]*$'], ['**/dir2/**', 'regexp', '^(.*/)?dir2/.*$'],
  ['**file', 'suffix', ''], ['**/file*txt', 'regexp', '^(.*/)?file[^/]*txt$'], ['**/**/*.txt', 'regexp', '^(.*/)?(.*/)?[^/]*\\.txt$'],
  ['a[b-d]e', 'regexp', '^a[b-d]e$'], ['.*', 'regexp', '^\\.[^/]*$'], ['abc.def', 'exact', ''], ['abc?def', 'regexp', '^abc[^/]def$'],
  ['**/foo/bar', 'suffix', ''], ['a(b)c/def', 'exact', ''], ['a.|)$(}+{bc', 'exact', ''],
  ['dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', 'exact', ''],
];

/** Docker's helper: clean the path; the context root itself is never excluded. */
function matches(path: string, patterns: string[]): boolean {
  const m = new PatternMatcher(patterns);
  if (m.problems.length) throw new Error(m.problems[0].message);
  const file = goClean(path);
  if (file === '.') return false;
  return m.matchesOrParentMatches(file).excluded;
}

/** The walk's evaluation: parent directories first, handing results down. */
function walked(path: string, patterns: string[]): boolean {
  const m = new PatternMatcher(patterns);
  const file = goClean(path);
  if (file === '.') return false;
  return m.evaluate(file).excluded;
}

describe('dockerignore pattern matching (moby patternmatcher cases)', () => {
  it.each(SINGLE)('%j matches %j: %s', (pattern, path, want) => {
    expect(new PatternMatcher([pattern]).matchesOrParentMatches(path).excluded).toBe(want);
    // Without parent information (an entry at the root) and through the parent chain.
    expect(new PatternMatcher([pattern]).matchUsingParent(path, null).excluded).toBe(want);
  });

  it.each(SINGLE.filter(([, p]) => !p.endsWith('/') && !p.startsWith('/')))('walk: %j on %j: %s', (pattern, path, want) => {
    expect(walked(path, [pattern])).toBe(want);
  });

  it.each(MULTI)('%j on %j: %s', (patterns, path, want) => {
    expect(matches(path, patterns)).toBe(want);
    expect(walked(path, patterns)).toBe(want);
  });

  it.each(GO_MATCH)('Go filepath.Match case %j on %j', (pattern, name, want, bad) => {
    if (bad) {
      expect(() => matches(name, [pattern])).toThrow();
      expect(goPatternError(pattern)).not.toBeNull();
    } else {
      expect(matches(name, [pattern])).toBe(want);
    }
  });

  it.each(GO_MATCH.filter(([, name]) => !name.includes('/')))('goMatch %j %j', (pattern, name, want, bad) => {
    if (bad) expect(() => goMatch(pattern, name)).toThrow();
    else expect(goMatch(pattern, name)).toBe(want);
  });

  it.each(GO_MATCH)('goGlob agrees with goMatch: %j on %j', (pattern, name, _want, bad) => {
    const re = goGlob(pattern);
    if (bad) expect(re).toBeNull();
    else expect(re!.test(name)).toBe(goMatch(pattern, name));
  });

  it('matches COPY wildcards with many stars by Go\'s algorithm, which a backtracking RegExp takes exponential time on', () => {
    const t = goGlob(`${'*a'.repeat(30)}b`)!;
    expect(t).not.toBeInstanceOf(RegExp);
    expect(t.test('a'.repeat(200))).toBe(false);
    expect(t.test(`${'a'.repeat(200)}b`)).toBe(true);
    expect(goGlob('*.txt')).toBeInstanceOf(RegExp);
  });

  it.each(COMPILE)('compiles %j as %s', (pattern, type, re2) => {
    const g = compileGlob(goClean(pattern));
    expect(g.type).toBe(type);
    if (type === 'regexp') expect(g.re2).toBe(re2);
  });

  it('rejects a lone "!" and malformed classes like Docker', () => {
    expect(new PatternMatcher(['!']).problems[0].message).toMatch(/illegal exclusion pattern/);
    expect(new PatternMatcher(['[']).problems).toHaveLength(1);
    // Valid for filepath.Match, but the regular expression Docker builds does not compile.
    const m = new PatternMatcher(['[Local-Only]/']);
    expect(m.problems[0].message).toMatch(/regexp/);
    expect(m.matchesOrParentMatches('x').excluded).toBe(false);
  });

  // RE2 allows negated classes inside a class; its \s is ASCII ([\t\n\f\r ]), so a no-break
  // space is \S there (and not in JavaScript's \S).
  it.each<[string, string, boolean]>([
    ['build[[:^alpha:]]*', 'build1', true],
    ['build[[:^alpha:]]*', 'build-x', true],
    ['build[[:^alpha:]]*', 'buildx', false],
    ['build[[:^alpha:]]*', 'build\u00e9', true],
    ['v[[:^digit:]a]', 'va', true],
    ['v[[:^digit:]a]', 'vb', true],
    ['v[[:^digit:]a]', 'v1', false],
    ['v[^[:^digit:]]', 'v1', true],
    ['v[^[:^digit:]]', 'va', false],
    ['tmp[\\S]', 'tmpa', true],
    ['tmp[\\S]', 'tmp ', false],
    ['tmp[\\S]', 'tmp\t', false],
    ['tmp[\\S]', 'tmp\u00a0', true],
    ['tmp[\\S]', 'tmp\u{1f600}', true],
    ['x[^\\S]', 'x ', true],
    ['x[^\\S]', 'xa', false],
  ])('negated classes inside a class: %j on %j: %s', (pattern, path, want) => {
    const m = new PatternMatcher([pattern]);
    expect(m.problems).toEqual([]);
    expect(m.matchesOrParentMatches(path).excluded).toBe(want);
  });

  it('reads [, ] and \\ the way the regular expression does', () => {
    // `[*]` becomes the RE2 `[[^/]*]`: any run of "[", "^", "/" followed by "]".
    expect(matches(']', ['[*]'])).toBe(true);
    expect(matches('[^]', ['[*]'])).toBe(true);
    expect(matches('*', ['[*]'])).toBe(false);
    expect(matches('a]', ['a]'])).toBe(true);
    expect(matches('a.b', ['a\\.b'])).toBe(true);
    expect(matches('#x', ['\\#x'])).toBe(true);
    expect(matches('!x', ['\\!x'])).toBe(true);
  });
});

describe('the walk: parent results, exceptions and skipped directories', () => {
  it('fsutil: "foo*", "!foo/bar2" re-includes foo/bar2 inside excluded foo', () => {
    const m = new PatternMatcher(['foo*', '!foo/bar2']);
    expect(walked('bar', ['foo*', '!foo/bar2'])).toBe(false);
    expect(walked('foo', ['foo*', '!foo/bar2'])).toBe(true);
    expect(walked('foo2', ['foo*', '!foo/bar2'])).toBe(true);
    expect(walked('foo/bar2', ['foo*', '!foo/bar2'])).toBe(false);
    expect(m.canSkipExcludedDir('foo')).toBe(false);
  });

  it('skips an excluded directory unless a plain exception lies inside it', () => {
    expect(new PatternMatcher(['node_modules']).canSkipExcludedDir('node_modules')).toBe(true);
    expect(new PatternMatcher(['a', '!b/c']).canSkipExcludedDir('a')).toBe(true);
    expect(new PatternMatcher(['a', '!a/keep']).canSkipExcludedDir('a')).toBe(false);
    expect(new PatternMatcher(['a', '!a/keep/*']).canSkipExcludedDir('a')).toBe(false);
    // A wildcard exception can match anywhere: BuildKit walks every excluded directory.
    expect(new PatternMatcher(['a', '!**/*.keep']).canSkipExcludedDir('a')).toBe(false);
    expect(walked('a/x.keep', ['a', '!**/*.keep'])).toBe(false);
    expect(walked('a/x.txt', ['a', '!**/*.keep'])).toBe(true);
  });

  it('last match wins, parents included', () => {
    expect(walked('a/b', ['!a/b', 'a'])).toBe(true);
    expect(walked('a/b/c', ['a', '!a/b'])).toBe(false);
    expect(walked('a/b/c', ['a', '!a/b', 'a/b/c'])).toBe(true);
  });

  it('reproduces BuildKit: a pattern skipped at the parent is not re-tested on it', () => {
    // MatchesOrParentMatches says a/b is excluded again by the last "a"; the walk sends it.
    expect(matches('a/b', ['a', '!a/b', 'a'])).toBe(true);
    expect(walked('a/b', ['a', '!a/b', 'a'])).toBe(false);
  });

  it('anchors at the root, unlike .gitignore', () => {
    expect(walked('foo', ['foo'])).toBe(true);
    expect(walked('a/foo', ['foo'])).toBe(false);
    expect(walked('a/foo', ['**/foo'])).toBe(true);
    expect(walked('x.log', ['*.log'])).toBe(true);
    expect(walked('logs/x.log', ['*.log'])).toBe(false);
    expect(walked('with space/a b.txt', ['with space/a b.txt'])).toBe(true);
    expect(walked('.hidden/x', ['.*'])).toBe(true);
  });
});

describe('reading .dockerignore like ignorefile.ReadAll', () => {
  it('cleans, strips a leading slash, keeps "!" and drops comments (moby reader case)', () => {
    const text = 'test1\n/test2\n/a/file/here\n\nlastfile\n# this is a comment\n! /inverted/abs/path\n!\n! ';
    const f = parseDockerignore(text);
    expect(f.patterns.map((p) => p.value)).toEqual(['test1', 'test2', 'a/file/here', 'lastfile', '!inverted/abs/path', '!', '!']);
    expect(f.patterns.filter((p) => p.problem).map((p) => p.line)).toEqual([8, 9]);
  });

  it('keeps exact positions, BOM, CRLF and only column-1 comments', () => {
    const f = parseDockerignore('\ufeff  node_modules/ \r\n  # not a comment\r\n#comment\r\n./a//b/../c\r\n');
    expect(f.eol).toBe('\r\n');
    expect(f.comments.map((c) => c.line)).toEqual([3]);
    expect(f.patterns.map((p) => [p.line, p.raw, p.value, f.source.position(p.span.start).column])).toEqual([
      [1, 'node_modules/', 'node_modules', 4],
      [2, '# not a comment', '# not a comment', 3],
      [4, './a//b/../c', 'a/c', 1],
    ]);
  });

  it('treats "!/" as the illegal lone "!" once cleaned, and a long line as unreadable', () => {
    expect(parseDockerignore('!/\n').patterns[0].problem).toMatch(/illegal exclusion/);
    const long = parseDockerignore(`a\n${'x'.repeat(70_000)}\nb\n`);
    expect(long.lineErrors).toHaveLength(1);
    expect(long.patterns.map((p) => p.value)).toEqual(['a']);
  });

  // bufio.Scanner must hold the raw line and its \n in 64 KiB: the \r and a BOM count, as do
  // multi-byte characters (by their UTF-8 length).
  it.each<[string, number, string]>([
    ['65,535 bytes then LF', 0, `${'x'.repeat(65_535)}\nb\n`],
    ['65,536 bytes then LF', 1, `${'x'.repeat(65_536)}\nb\n`],
    ['65,535 bytes then CRLF', 1, `${'x'.repeat(65_535)}\r\nb\n`],
    ['65,534 bytes then CRLF', 0, `${'x'.repeat(65_534)}\r\nb\n`],
    ['a BOM and 65,533 bytes on line 1', 1, `\ufeff${'x'.repeat(65_533)}\nb\n`],
    ['a BOM and 65,532 bytes on line 1', 0, `\ufeff${'x'.repeat(65_532)}\nb\n`],
    ['a last line of 65,535 bytes and a CR, no LF', 1, `a\n${'x'.repeat(65_535)}\r`],
    ['21,845 three-byte characters and CRLF', 1, `a\n${'\u20ac'.repeat(21_845)}\r\n`],
  ])('a line of %s: %d line errors', (_name, errors, text) => {
    expect(parseDockerignore(text).lineErrors).toHaveLength(errors);
  });

  it('cleans like Go filepath.Clean', () => {
    expect(['', '.', './', 'a/', 'a//b', 'a/./b', 'a/../b', '../a', '/../a', 'a/b/../../..', '/'].map(goClean)).toEqual(['.', '.', '.', 'a', 'a/b', 'a/b', 'b', '../a', '/a', '..', '/']);
  });
});

describe('PatternMatcher.prefix', () => {
  it('decides as a matcher built from the same first lines', () => {
    const lines = ['build', '!build/keep', 'docs/**', '*.log', '!important.log', 'node_modules', '**/tmp', '!a/tmp/x', 'a'];
    const full = new PatternMatcher(lines);
    const paths = ['build', 'build/keep', 'build/keep/f', 'build/other', 'docs/a/b', 'x.log', 'important.log', 'node_modules/p', 'a/tmp/x', 'a/tmp/y', 'b/tmp', 'a', 'zzz'];
    for (let n = 0; n <= lines.length; n++) {
      const rebuilt = new PatternMatcher(lines.slice(0, n));
      const prefix = full.prefix(n);
      expect(prefix.patterns).toHaveLength(rebuilt.patterns.length);
      for (const path of paths) {
        const a = prefix.evaluate(path);
        const b = rebuilt.evaluate(path);
        expect([path, n, a.excluded, a.by]).toEqual([path, n, b.excluded, b.by]);
      }
    }
  });
});

