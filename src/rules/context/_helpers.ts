/** Shared detection logic of the build-context rules. */
import { closeSync, openSync, readSync } from 'node:fs';
import type { BuildContext } from '../../model/context/context.js';
import { copiedSources, type CopySource } from '../../model/context/copy-sources.js';
import { PatternMatcher } from '../../model/context/pattern.js';
import { EntryType } from '../../model/context/walk.js';
import type { Dockerfile } from '../../model/dockerfile/types.js';
import { compareStrings } from '../../compare.js';
import { runCommands } from '../helpers/dockerfile.js';
import type { ContextRuleContext, SiblingDockerfile } from '../context-types.js';

/** Escapes a context path so that a `.dockerignore` line matches exactly it. */
export function ignoreLineFor(path: string): string {
  let s = path.replace(/[\\*?[\]]/g, (c) => `\\${c}`);
  if (s.startsWith('!') || s.startsWith('#')) s = `\\${s}`;
  // White space before `#` escaped: Docker reads the same pattern, and no one (dockerignore-gitignore-style
  // neither) takes ` # old` in `.env # old` for a trailing comment to move away.
  return s.replace(/\s+(?=#)/g, (ws) => ws.replace(/[\s\S]/g, '\\$&'));
}

/**
 * Does `line`, appended to an ignore file, read back as one pattern (an exception with `!`) that
 * names `path`? Not when the path has a line break (the line would split in two: `src\nx/.env`
 * gives `src`, which excludes another directory) or white space at either end, which Docker trims.
 */
export function lineNames(line: string, path: string): boolean {
  if (/[\r\n]/.test(line) || line.includes('\ufffd')) return false;
  const m = new PatternMatcher([line.startsWith('!') ? line.slice(1) : line]);
  return m.problems.length === 0 && m.patterns.length === 1 && m.matchesOrParentMatches(path).excluded;
}

/** Decimal units like Docker's own output: 1.5kB, 105.2MB. */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = -1;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[u]}`;
}

/** Parses sizes like `100MB`, `1.5 GB`, `500kB`, `2MiB`, `1048576`. Returns NaN when malformed. */
export function parseSize(s: string | number): number {
  if (typeof s === 'number') return s;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?i?b?)?\s*$/i.exec(s);
  if (!m) return NaN;
  const unit = (m[2] ?? '').toLowerCase();
  const pow = { '': 0, b: 0, k: 1, kb: 1, m: 2, mb: 2, g: 3, gb: 3, t: 4, tb: 4, ki: 1, kib: 1, mi: 2, mib: 2, gi: 3, gib: 3, ti: 4, tib: 4 }[unit];
  if (pow === undefined) return NaN;
  const base = unit.includes('i') ? 1024 : 1000;
  return Math.round(parseFloat(m[1]) * base ** pow);
}

/** First bytes of a context file, as text ('' when unreadable). */
export function readHead(ctx: BuildContext, rel: string, max = 64 * 1024): string {
  let fd: number | undefined;
  try {
    fd = openSync(ctx.absPath(rel), 'r');
    const buf = Buffer.alloc(max);
    const n = readSync(fd, buf, 0, max, 0);
    return buf.subarray(0, n).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

// ---------------------------------------------------------------- what the image builds itself

export interface BuildSteps {
  installsNode: string | null;
  buildsNode: string | null;
  installsPython: string | null;
  buildsPython: string | null;
  buildsJvmOrRust: string | null;
  usesGit: string | null;
}

const cache = new WeakMap<Dockerfile, BuildSteps>();

/** Which dependency installs and builds the Dockerfile's RUN steps do (the command as written, or null). */
export function buildSteps(df: Dockerfile): BuildSteps {
  const hit = cache.get(df);
  if (hit) return hit;
  const out: BuildSteps = { installsNode: null, buildsNode: null, installsPython: null, buildsPython: null, buildsJvmOrRust: null, usesGit: null };
  for (const { cmd } of runCommands(df)) {
    const name = cmd.base;
    const args = cmd.args.map((a) => a.value);
    const sub = args.find((a) => !a.startsWith('-')) ?? '';
    const text = [name, ...args].join(' ');
    if (['npm', 'yarn', 'pnpm', 'bun'].includes(name)) {
      if (name === 'yarn' && (sub === '' || sub === 'install')) out.installsNode ??= text;
      if (['install', 'i', 'ci', 'add'].includes(sub)) out.installsNode ??= text;
      if (sub === 'run' || sub === 'build' || (name !== 'npm' && args.includes('build'))) {
        if (args.some((a) => /build|compile|dist/.test(a))) out.buildsNode ??= text;
      }
    }
    if (['tsc', 'vite', 'webpack', 'rollup', 'esbuild', 'parcel', 'next', 'nest', 'ng', 'nuxt'].includes(name)) out.buildsNode ??= text;
    if (name === 'npx' && args.some((a) => /^(tsc|vite|webpack|rollup|esbuild|next|nest|ng)$/.test(a))) out.buildsNode ??= text;
    if (/^pip[0-9.]*$/.test(name) && sub === 'install') out.installsPython ??= text;
    if (['poetry', 'pipenv', 'pdm'].includes(name) && sub === 'install') out.installsPython ??= text;
    if (name === 'uv' && (sub === 'sync' || (sub === 'pip' && args.includes('install')))) out.installsPython ??= text;
    if (/^python[0-9.]*$/.test(name) && args.includes('-m') && args.some((a) => a === 'pip' || a === 'venv' || a === 'build')) {
      if (args.includes('build')) out.buildsPython ??= text;
      else out.installsPython ??= text;
    }
    if (/^python[0-9.]*$/.test(name) && args.some((a) => a.endsWith('setup.py'))) out.buildsPython ??= text;
    if (name === 'cargo' && ['build', 'install', 'test'].includes(sub)) out.buildsJvmOrRust ??= text;
    if (['mvn', 'mvnw', 'gradle', 'gradlew', 'sbt'].includes(name)) out.buildsJvmOrRust ??= text;
    if (name === 'git') out.usesGit ??= text;
  }
  cache.set(df, out);
  return out;
}

// ---------------------------------------------------------------- files the image does not need

export interface JunkKind {
  names: string[];
  /** Plural description. */
  what: string;
  /** Why the image does not need them, or null when it may (then nothing is reported). */
  notNeeded(steps: BuildSteps): string | null;
  /** Applies to files too (a `.git` file in worktrees and submodules). */
  files?: boolean;
}

export const JUNK: JunkKind[] = [
  { names: ['.git'], what: 'git metadata', files: true, notNeeded: (s) => (s.usesGit ? null : 'no RUN step uses git, and every commit changes it, so COPY never hits the cache') },
  { names: ['node_modules'], what: 'installed Node.js packages', notNeeded: (s) => (s.installsNode ? `the image installs its own (\`${s.installsNode}\`)` : null) },
  { names: ['__pycache__'], what: 'Python bytecode caches', notNeeded: () => 'Python recreates them' },
  { names: ['.venv'], what: 'local Python virtual environments', notNeeded: () => 'a virtual environment made on the host does not work in the image' },
  { names: ['target'], what: 'build output', notNeeded: (s) => (s.buildsJvmOrRust ? `the image builds it (\`${s.buildsJvmOrRust}\`)` : null) },
  { names: ['dist'], what: 'build output', notNeeded: (s) => (s.buildsNode ?? s.buildsPython ? `the image builds it (\`${s.buildsNode ?? s.buildsPython}\`)` : null) },
  { names: ['coverage', '.nyc_output', 'htmlcov'], what: 'test coverage reports', notNeeded: () => 'the image does not need them' },
  { names: ['.pytest_cache', '.mypy_cache', '.ruff_cache', '.tox'], what: 'tool caches', notNeeded: () => 'the image does not need them' },
  { names: ['.idea', '.vscode', '.vs'], what: 'editor settings', notNeeded: () => 'the image does not need them' },
];

const JUNK_BY_NAME = new Map(JUNK.flatMap((k) => k.names.map((n) => [n, k] as const)));

export interface JunkGroup {
  kind: JunkKind;
  name: string;
  /** Context paths of the (outermost) directories found. */
  paths: string[];
  /** Their walk indices. */
  indices: number[];
  /** The `.dockerignore` line that excludes them all. */
  line: string;
  /** The first source (in file order) that copies one of them as part of a larger directory. */
  source: CopySource;
  reason: string;
  /** Another Dockerfile reading the same ignore file that needs them (so excluding them changes its build), or null. */
  neededBy: string | null;
}

/**
 * The first `RUN --mount=type=bind` that needs `path`: it mounts the path itself or something
 * inside it (also through a symlink), so excluding the path would make that mount fail.
 */
export function mountNeeding(ctx: ContextRuleContext, path: string): CopySource | null {
  const within = (p: string | undefined) => p !== undefined && (p === path || p.startsWith(`${path}/`));
  for (const src of ctx.sources) {
    if (src.mount && (within(src.path) || within(ctx.context.resolve(src.path)?.path))) return src;
  }
  return null;
}

/** Does any source take something inside entry `i` (range [i, end)) as part of a larger directory? */
function broadPuller(ctx: ContextRuleContext, i: number): CopySource | null | 'explicit' {
  const c = ctx.context;
  const w = c.walk();
  const path = w.paths[i];
  // A bind mount that needs it is an explicit use, like a COPY that names it.
  if (mountNeeding(ctx, path)) return 'explicit';
  let found: CopySource | null = null;
  for (const src of copiedSources(ctx.sources)) {
    for (const r of c.ranges(src)) {
      if (r.root !== '' && (r.root === path || r.root.startsWith(`${path}/`))) return 'explicit';
      if (r.start <= i && i < r.end && !found) {
        for (let j = i; j < w.end[i]; j++) {
          if (w.types[j] !== EntryType.Dir && c.pulls(src, j)) {
            found = src;
            break;
          }
        }
        if (found === null && w.types[i] !== EntryType.Dir && c.pulls(src, i)) found = src;
      }
    }
  }
  return found;
}

/**
 * Title and applicability of a fix that adds a line to the ignore file: unsafe when another
 * Dockerfile reading the same file needs what the line excludes.
 */
export function sharedFix(title: string, neededBy: string | null): { title: string; applicability?: 'unsafe' } {
  return neededBy ? { title: `${title} (${neededBy} reads it too and needs the path)`, applicability: 'unsafe' } : { title };
}

/**
 * What appending `line` to the ignore file does to the sent files of walk entries `indices` that a
 * `!` exception re-includes (sent though the exclusions alone would keep them out): 'none' when
 * there are none; 'undone' when the line excludes them again, undoing an exception the author
 * wrote; 'ineffective' when one stays sent: BuildKit skips a later pattern for a directory an
 * earlier line already excluded, so below it (where the exception applies) the line never matches.
 */
export function appendedVersusExceptions(ctx: ContextRuleContext, indices: readonly number[], line: string): 'none' | 'undone' | 'ineffective' {
  const c = ctx.context;
  const m = c.matcher;
  if (!m.exclusions) return 'none';
  const w = c.walk();
  const exclusionsOnly = c.memo('exclusions-only', () => new PatternMatcher({ compiled: m.patterns.filter((p) => !p.negated) }));
  const withLine = new PatternMatcher({ compiled: [...m.patterns, ...new PatternMatcher([line]).patterns] });
  let out: 'none' | 'undone' = 'none';
  for (const i of indices) {
    for (let j = i; j < Math.max(w.end[i], i + 1); j++) {
      if (w.types[j] === EntryType.Dir || !c.isSent(j) || !exclusionsOnly.evaluate(w.paths[j]).excluded) continue;
      if (!withLine.evaluate(w.paths[j]).excluded) return 'ineffective';
      out = 'undone';
    }
  }
  return out;
}

/**
 * The fix that appends `line` for the entries `indices`, or undefined when the line would not
 * exclude them. Unsafe when another Dockerfile needs them or a `!` exception re-includes them.
 */
export function appendLineFix(ctx: ContextRuleContext, indices: readonly number[], line: string, neededBy: string | null): { title: string; applicability?: 'unsafe'; edits: ReturnType<ContextRuleContext['appendToIgnore']> } | undefined {
  const effect = appendedVersusExceptions(ctx, indices, line);
  if (effect === 'ineffective') return undefined;
  const base = sharedFix(`Add ${line} to ${ctx.ignorePath}`, neededBy);
  const fix = effect === 'undone' && !neededBy ? { title: `${base.title} (it excludes again what a ! exception there re-includes)`, applicability: 'unsafe' as const } : base;
  return { ...fix, edits: ctx.appendToIgnore([line]) };
}

/** The rule context as seen from another Dockerfile of the same context. */
function asSibling(ctx: ContextRuleContext, sib: SiblingDockerfile): ContextRuleContext {
  return { ...ctx, df: sib.df, sources: sib.sources };
}

/** Does another Dockerfile of the context need junk entry `i`: name or mount it, or copy it and use it (git, its own node_modules)? */
function siblingNeedsJunk(ctx: ContextRuleContext, sib: SiblingDockerfile, i: number, kind: JunkKind): boolean {
  const p = broadPuller(asSibling(ctx, sib), i);
  return p === 'explicit' || (p !== null && kind.notNeeded(buildSteps(sib.df)) === null);
}

/** Directories of well-known kinds (outermost only) that are sent and copied though the image does not need them. */
export function findJunk(ctx: ContextRuleContext): JunkGroup[] {
  if (copiedSources(ctx.sources).length === 0) return [];
  const c = ctx.context;
  const w = c.walk();
  // The candidates depend on the context only: found once, shared by its Dockerfiles.
  const byName = c.memo('junk', () => {
    const m = new Map<string, { kind: JunkKind; paths: string[]; idx: number[] }>();
    for (let i = 0; i < w.count; ) {
      const path = w.paths[i];
      const name = path.slice(path.lastIndexOf('/') + 1);
      const kind = JUNK_BY_NAME.get(name);
      if (kind && (w.types[i] === EntryType.Dir || kind.files)) {
        if (c.isSent(i)) {
          const g = m.get(name) ?? { kind, paths: [], idx: [] };
          g.paths.push(path);
          g.idx.push(i);
          m.set(name, g);
        }
        i = w.end[i];
      } else i++;
    }
    return m;
  });
  if (byName.size === 0) return [];
  const steps = buildSteps(ctx.df);
  const out: JunkGroup[] = [];
  for (const [name, g] of byName) {
    const reason = g.kind.notNeeded(steps);
    if (!reason) continue;
    const pulled: string[] = [];
    const indices: number[] = [];
    let first: CopySource | null = null;
    let explicit = false;
    g.idx.forEach((i, k) => {
      const p = broadPuller(ctx, i);
      if (p === 'explicit') explicit = true;
      else if (p) {
        pulled.push(g.paths[k]);
        indices.push(i);
        if (!first || ctx.sources.indexOf(p) < ctx.sources.indexOf(first)) first = p;
      }
    });
    if (explicit || !first || pulled.length === 0) continue;
    const nested = pulled.some((p) => p.includes('/'));
    const neededBy = ctx.siblings.find((sib) => g.idx.some((i) => siblingNeedsJunk(ctx, sib, i, g.kind)))?.name ?? null;
    out.push({ kind: g.kind, name, paths: pulled, indices, line: nested ? `**/${name}` : name, source: first, reason, neededBy });
  }
  return out.sort((a, b) => ctx.sources.indexOf(a.source) - ctx.sources.indexOf(b.source) || compareStrings(a.name, b.name));
}

// ---------------------------------------------------------------- secrets

export interface SecretHit {
  path: string;
  /** Walk index of the file or directory. */
  index: number;
  what: string;
  source: CopySource;
  /** The source names the secret itself (not a directory around it). */
  explicit: boolean;
  /** A bind mount that needs the secret (so excluding it would break that RUN), or null. */
  mountedBy: CopySource | null;
  /** Another Dockerfile reading the same ignore file that names or mounts the secret (excluding it would break its build), or null. */
  neededBy: string | null;
  line: string;
}

const ENV_TEMPLATE = /\.(example|sample|template|tmpl|dist|defaults?|schema|ci|test)$/i;
const KEY_NAMES = new Set(['id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', 'id_ecdsa_sk', 'id_ed25519_sk']);
const PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/;

/** What kind of secret a context file is, or null. Reads the file only for names that need a look inside. */
export function secretKind(ctx: BuildContext, path: string, isDir: boolean): string | null {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (isDir) {
    if (name === '.aws') return 'AWS credentials and configuration';
    if (name === '.ssh') return 'SSH keys and configuration';
    return null;
  }
  if (name.startsWith('.env') && !ENV_TEMPLATE.test(name)) return 'an environment file';
  if (KEY_NAMES.has(name)) return 'a private SSH key';
  if (/\.tfstate(\.backup)?$/.test(name)) return 'Terraform state (it holds secrets in plain text)';
  if (/\.(pem|key)$/i.test(name)) return PRIVATE_KEY.test(readHead(ctx, path)) ? 'a private key' : null;
  if (name === '.npmrc') {
    const t = readHead(ctx, path);
    return /(?:^|[\s:])_(?:authToken|auth|password)\s*=\s*(?!\$\{)\S/m.test(t) ? 'npm credentials' : null;
  }
  if (name === '.pypirc') return /^\s*password\s*[=:]\s*\S/m.test(readHead(ctx, path)) ? 'PyPI credentials' : null;
  if (name === '.netrc' || name === '_netrc') return /\bpassword\s+\S/.test(readHead(ctx, path)) ? 'netrc credentials' : null;
  if (name === '.git-credentials') return /[a-z][\w+.-]*:\/\/[^\s:@/]+:[^\s@/]+@/i.test(readHead(ctx, path)) ? 'git credentials' : null;
  return null;
}

/** Secret files and directories of a context that reach the builder (computed once per context). */
function secretCandidates(c: BuildContext): Array<{ index: number; what: string }> {
  return c.memo('secrets', () => {
    const w = c.walk();
    const out: Array<{ index: number; what: string }> = [];
    for (let i = 0; i < w.count; i++) {
      if (!c.isSent(i)) continue;
      const type = w.types[i];
      if (type !== EntryType.File && type !== EntryType.Dir) continue;
      const path = w.paths[i];
      // Packages and git objects carry their own sample files; they are reported as a whole elsewhere.
      if (type === EntryType.Dir && /(^|\/)(node_modules|\.git)$/.test(path)) {
        i = w.end[i] - 1;
        continue;
      }
      const what = secretKind(c, path, type === EntryType.Dir);
      if (!what) continue;
      if (type === EntryType.Dir) {
        // An excluded secret directory with a few files re-included by `!` lines was curated on purpose.
        if (!c.isExcluded(i)) out.push({ index: i, what });
        i = w.end[i] - 1;
        continue;
      }
      out.push({ index: i, what });
    }
    return out;
  });
}

/** Does a source of the Dockerfile name `path` itself, or a bind mount need it? */
function namesOrMounts(ctx: ContextRuleContext, path: string): boolean {
  return copiedSources(ctx.sources).some((src) => ctx.context.ranges(src).some((r) => r.root === path)) || mountNeeding(ctx, path) !== null;
}

/** Secrets that are sent to the builder and copied into the image, with the COPY/ADD taking each. */
export function findSecrets(ctx: ContextRuleContext): SecretHit[] {
  const sources = copiedSources(ctx.sources);
  if (sources.length === 0) return [];
  const c = ctx.context;
  const w = c.walk();
  const out: SecretHit[] = [];
  for (const { index: i, what } of secretCandidates(c)) {
    const path = w.paths[i];
    const isDir = w.types[i] === EntryType.Dir;
    // The first source that takes it; one that names it outright wins (excluding it would break that COPY).
    let hit: SecretHit | null = null;
    for (const src of sources) {
      let takes = false;
      if (isDir) {
        for (let j = i + 1; j < w.end[i] && !takes; j++) takes = w.types[j] !== EntryType.Dir && c.pulls(src, j);
      } else takes = c.pulls(src, i);
      if (!takes) continue;
      const explicit = c.ranges(src).some((r) => r.root === path);
      if (!hit || explicit) hit = { path, index: i, what, source: src, explicit, mountedBy: null, neededBy: null, line: ignoreLineFor(path) };
      if (explicit) break;
    }
    if (hit && !hit.explicit) {
      hit.mountedBy = mountNeeding(ctx, path);
      hit.neededBy = ctx.siblings.find((sib) => namesOrMounts(asSibling(ctx, sib), path))?.name ?? null;
    }
    if (hit) out.push(hit);
  }
  return out;
}

// ---------------------------------------------------------------- .dockerignore hygiene

/**
 * What each wildcard stands for in the probes of `samplePaths`: `**` as zero, one and two
 * directories, `*` and `?` as names of different kinds of characters (a later `x*` or `[a-z]*`
 * pattern must not decide for every name the exception reaches).
 */
const PROBES = [
  { dirs: '', star: 'x', one: 'x' },
  { dirs: 'd/', star: 'Q9', one: 'Q' },
  { dirs: 'd/e/', star: '-_', one: '-' },
];

/** Paths a glob matches (used to probe what an exception can reach): one per `PROBES` entry, or [] when none can be made. */
export function samplePaths(glob: string): string[] {
  const out: string[] = [];
  for (const probe of PROBES) {
    const p = samplePath(glob, probe);
    if (p === null) return [];
    if (!out.includes(p)) out.push(p);
  }
  return out;
}

function samplePath(glob: string, probe: (typeof PROBES)[number]): string | null {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          out += probe.dirs;
        } else out += probe.dirs + probe.star;
      } else out += probe.star;
    } else if (c === '?') out += probe.one;
    else if (c === '\\') {
      if (i + 1 < glob.length) out += glob[++i];
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) return null;
      const body = glob.slice(i + 1, close);
      if (body.startsWith('^')) {
        const pick = ['x', 'y', 'z', '0', '_'].find((ch) => !body.includes(ch));
        if (!pick) return null;
        out += pick;
      } else out += body[0] === '\\' ? body[1] : body[0];
      i = close;
    } else out += c;
  }
  return out === '' ? null : out;
}

/** Last-component names of patterns that commonly guard against files a fresh checkout does not have yet. */
export const DEFENSIVE = new Set([
  'node_modules', 'bower_components', 'jspm_packages', '.pnpm-store', '.yarn', '.git', '.hg', '.svn', 'dist', 'build', 'out', 'target',
  'bin', 'obj', 'coverage', '.nyc_output', 'htmlcov', '.coverage', '__pycache__', '.pytest_cache', '.mypy_cache', '.ruff_cache', '.tox',
  '.eggs', '.venv', 'venv', 'env', '.env', '.envrc', '.idea', '.vscode', '.vs', '.fleet', '.DS_Store', 'Thumbs.db', 'tmp', 'temp', '.tmp',
  'log', 'logs', '.cache', '.next', '.nuxt', '.parcel-cache', '.angular', '.svelte-kit', '.turbo', '.terraform', '.aws', '.ssh', '.npmrc',
  '.pypirc', '.netrc', '.git-credentials', 'id_rsa', 'npm-debug.log', 'yarn-error.log', 'yarn-debug.log', '.gradle', '.m2', 'vendor',
  '.stack-work', '.docker', 'secrets', '.secrets', 'credentials', '.sass-cache', 'docker-compose.override.yml', '.terraform.lock.hcl',
]);

/**
 * How many pattern tests a rule that checks patterns against each other (each one's path through
 * the whole list) may spend on one .dockerignore: thousands of times more than a real file needs,
 * and a bound for a generated one with tens of thousands of lines, where the pairwise check would
 * take minutes. Past it the rule checks no further patterns.
 */
export const PAIRWISE_BUDGET = 5_000_000;

