/**
 * An oracle for .dockerignore fixes: build a small context for an ignore file (files its patterns
 * match, at the root and nested, files they do not, usual junk and secrets, a Dockerfile that
 * copies the whole context and one excluded path), fix it the way `lint --fix [--unsafe-fixes]`
 * does, and list what the fixes broke: lines lost that no fix touched, files whose sending changed
 * where no line a fix wrote or changed matches them, a COPY source that stops being sent, fixed
 * findings left, and a second run that changes the file again.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { EffectiveConfig } from '../../src/config/resolve.js';
import { ContextSession, lintContext } from '../../src/engine/lint-context.js';
import { RuleRegistry } from '../../src/engine/registry.js';
import type { Finding } from '../../src/finding.js';
import { BuildContext } from '../../src/model/context/context.js';
import { parseDockerignore } from '../../src/model/context/dockerignore.js';
import { PatternMatcher } from '../../src/model/context/pattern.js';
import { EntryType } from '../../src/model/context/walk.js';
import { parseDockerfile } from '../../src/model/dockerfile/parse.js';
import { contextRules } from '../../src/rules/index.js';
import { droppedLines, touchedLines } from './line-diff.js';

/** Files every synthetic context has: sources, junk the rules know, secrets, nested copies. */
const COMMON = ['src/main.js', 'README.md', 'package.json', 'node_modules/pkg/index.js', 'sub/node_modules/p/i.js', '.git/HEAD', 'app/__pycache__/m.pyc', '.env', 'config/.env.local', '.vscode/settings.json', 'coverage/lcov.info'];

/** A path a cleaned pattern matches (`**` as two directories or none, `*` as x, `[a-z]` as a...). */
function samples(cleaned: string): string[] {
  const one = (deep: boolean): string => {
    let out = '';
    for (let i = 0; i < cleaned.length; i++) {
      const c = cleaned[i];
      if (c === '*' && cleaned[i + 1] === '*') { out += deep ? 'd1/d2' : ''; i++; if (!deep && cleaned[i + 1] === '/') i++; continue; }
      if (c === '*') { out += 'x'; continue; }
      if (c === '?') { out += 'q'; continue; }
      if (c === '\\' && i + 1 < cleaned.length) { out += cleaned[++i]; continue; }
      if (c === '[') {
        const close = cleaned.indexOf(']', i + 2);
        if (close < 0) return '';
        const body = cleaned.slice(i + 1, close);
        out += body[0] === '^' || body[0] === '!' ? (body.includes('z') ? 'y' : 'z') : body.replace(/^\\/, '')[0];
        i = close;
        continue;
      }
      out += c;
    }
    return out.replace(/\/+$/, '');
  };
  const ok = (p: string) => p !== '' && !p.split('/').some((s) => s === '' || s === '.' || s === '..') && !/[\0\\]/.test(p) && p.length < 200;
  const out = [one(true), one(false)].filter(ok);
  if (!cleaned.includes('/') && out[0]) out.push(`nested/${out[0]}`);
  return [...new Set(out)];
}

/** Writes the files (a path under an existing file, or over a directory, is left out). */
function makeContext(root: string, paths: readonly string[]): string[] {
  const made: string[] = [];
  for (const p of paths) {
    try {
      mkdirSync(dirname(join(root, p)), { recursive: true });
      writeFileSync(join(root, p), `content of ${p}\n`, { flag: 'wx' });
      made.push(p);
    } catch {
      /* taken by a file or a directory of that name */
    }
  }
  return made;
}

/** The files the builder receives. */
function sentFiles(root: string): Set<string> {
  const c = new BuildContext(root, { dockerfile: join(root, 'Dockerfile') });
  const w = c.walk();
  const out = new Set<string>();
  for (let i = 0; i < w.count; i++) if (w.types[i] === EntryType.File && c.isSent(i)) out.add(w.paths[i]);
  return out;
}

const registry = new RuleRegistry(contextRules);

function lintOnce(root: string) {
  const eff = new EffectiveConfig({ config: {}, path: null, kind: 'default', baseDir: root }, registry);
  const dockerfile = join(root, 'Dockerfile');
  const df = parseDockerfile('Dockerfile', readFileSync(dockerfile, 'utf8'));
  return { eff, df, result: lintContext({ dockerfile, displayPath: 'Dockerfile', df, rules: contextRules, config: eff.forFile('Dockerfile'), ignoreConfig: eff.forFile('.dockerignore'), settings: eff.settings, cwd: root }) };
}

function fixOnce(root: string, unsafe: boolean): number {
  const { eff, df } = lintOnce(root);
  const dockerfile = join(root, 'Dockerfile');
  return new ContextSession().lintDockerfile({ dockerfile, displayPath: 'Dockerfile', df, rules: contextRules, eff, baseDir: root, cwd: root, fix: true, unsafeFixes: unsafe }).fixed;
}

/**
 * A finding in the Dockerfile by its place, one in the ignore file by its message; either way
 * without what fixes rewrite in messages (a `**` prefix, line numbers).
 */
const key = (f: Finding) => {
  const l = f.location as { file: string; line: number; column: number };
  return l.file === 'Dockerfile' ? `${f.ruleName} at Dockerfile:${l.line}:${l.column}` : `${f.ruleName}: ${f.message.replace(/\*\*\//g, '').replace(/line \d+/g, 'line N')}`;
};
const count = (fs: readonly Finding[]) => {
  const m = new Map<string, number>();
  for (const f of fs) m.set(key(f), (m.get(key(f)) ?? 0) + 1);
  return m;
};

export interface IgnoreOracleResult {
  fixes: number;
  files: number;
  problems: string[];
  fixed: string;
}

/** Fix one ignore file in its synthetic context and report every breakage. */
export function checkDockerignoreFixes(bytes: Buffer, unsafe: boolean): IgnoreOracleResult {
  const root = mkdtempSync(join(tmpdir(), 'shipready-ignore-oracle-'));
  try {
    return check(root, bytes, unsafe);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function check(root: string, bytes: Buffer, unsafe: boolean): IgnoreOracleResult {
  const problems: string[] = [];
  const original = bytes.toString('utf8');
  const ig = parseDockerignore(original);
  const wanted = [...COMMON, ...ig.patterns.filter((p) => p.matcherIndex >= 0).flatMap((p) => samples(p.cleaned))].slice(0, 300);
  const files = makeContext(root, wanted);
  // COPY one excluded file by name (copy-source-excluded), besides the whole context.
  const excluded = files.find((f) => ig.matcher.matchesOrParentMatches(f).excluded && !/\s/.test(f) && !f.startsWith('.env'));
  writeFileSync(join(root, 'Dockerfile'), `FROM node:20\nCOPY . /app\n${excluded ? `COPY ${excluded} /one/\n` : ''}RUN npm ci\n`);
  writeFileSync(join(root, '.dockerignore'), bytes);

  const before = sentFiles(root);
  const first = lintOnce(root).result;
  const chosen = first.findings.filter((f) => f.fix && (unsafe || f.fix.applicability === 'safe'));
  const fixes = chosen.length ? fixOnce(root, unsafe) : 0;
  const fixedBytes = readFileSync(join(root, '.dockerignore'));
  const fixed = fixedBytes.toString('utf8');
  if (fixed === original) return { fixes, files: files.length, problems, fixed };

  // The old lines stay, but for those the fixes' edits touch.
  const touched = touchedLines(original, chosen.flatMap((f) => f.fix!.edits));
  for (const l of droppedLines(original, fixed)) if (!touched.has(l)) problems.push(`line ${l + 1} changed though no fix touches it: ${JSON.stringify(original.split('\n')[l])}`);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf && !(fixedBytes[0] === 0xef && fixedBytes[1] === 0xbb && fixedBytes[2] === 0xbf)) problems.push('the byte-order mark was lost');

  // Files whose sending changed: only those a line the fixes wrote (or the line they replaced) matches.
  const after = sentFiles(root);
  const oldLines = original.split(/\r?\n/);
  const newLines = fixed.split(/\r?\n/);
  const written = newLines.filter((l) => !oldLines.includes(l));
  const replaced = droppedLines(original, fixed).map((l) => oldLines[l]);
  // (A replaced line was a pattern even when it reads `  # note`: Docker only skips a `#` in the first column.)
  const matchedBy = (lines: string[], negated: boolean, path: string, comments = true) => lines.some((l) => {
    if (comments && l.startsWith('#')) return false;
    // Read as Docker reads the line (trimmed, cleaned, a leading `/` dropped), then matched without its `!`.
    const p = parseDockerignore(l).patterns[0];
    return !!p && p.matcherIndex >= 0 && p.negated === negated && new PatternMatcher([p.cleaned]).matchesOrParentMatches(path).excluded;
  });
  for (const p of before) if (!after.has(p) && !matchedBy(written, false, p) && !matchedBy(replaced, true, p, false)) problems.push(`no longer sent, though no line a fix wrote matches it: ${p}`);
  for (const p of after) if (!before.has(p) && !matchedBy(written, true, p) && !matchedBy(replaced, false, p, false)) problems.push(`now sent, though no line a fix wrote matches it: ${p}`);
  // A file the Dockerfile copies by name stays sent.
  if (excluded && before.has(excluded) && !after.has(excluded)) problems.push(`the COPY source ${excluded} is no longer sent`);
  // A file an existing `!` exception re-includes on purpose (the exclusions alone would keep it out)
  // stays sent with safe fixes (an unsafe one says so).
  const exclusionsOnly = new PatternMatcher({ compiled: ig.matcher.patterns.filter((p) => !p.negated) });
  if (!unsafe) for (const p of before) if (!after.has(p) && exclusionsOnly.evaluate(p).excluded) problems.push(`an exception re-included ${p} on purpose; a fix excludes it again`);

  // No pattern Docker rejects, no `**/` written twice.
  const invalid = (t: string) => parseDockerignore(t).patterns.filter((p) => p.problem).length;
  if (invalid(fixed) > invalid(original)) problems.push('a fix wrote a pattern Docker rejects');
  for (const l of written) if (l.startsWith('**/**/')) problems.push(`a fix prefixed a line twice: ${l}`);

  // The fixed findings are gone, none is added; fixing again changes nothing.
  const was = count(first.findings);
  const now = count(lintOnce(root).result.findings);
  for (const f of chosen) if ((now.get(key(f)) ?? 0) >= (was.get(key(f)) ?? 0)) problems.push(`finding not fixed: ${key(f)}`);
  // Expected: an unsafe fix that excludes again what a `!` exception re-includes (it says so) overrules
  // that exception; a pattern made `**/x` may repeat what a line below it excludes.
  const titled = (t: string) => chosen.some((f) => f.fix!.title.includes(t));
  const expected = (k: string) => (titled('a ! exception there re-includes') && k.startsWith('dockerignore-exception-unreachable')) || (titled('Write **/') && /^dockerignore-pattern-unused: .* is already excluded by `/.test(k));
  for (const [k, n] of now) if (n > (was.get(k) ?? 0) && !expected(k)) problems.push(`finding added: ${k}`);
  fixOnce(root, unsafe);
  if (readFileSync(join(root, '.dockerignore'), 'utf8') !== fixed) problems.push('a second --fix changes the file again');
  return { fixes, files: files.length, problems, fixed };
}
