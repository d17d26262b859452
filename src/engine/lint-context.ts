/**
 * Runs the build-context rules (DI...) for one Dockerfile and its context, with the same severity,
 * ignore, suppression and fingerprint behaviour as lint-dockerfile. Findings point into the
 * Dockerfile (a COPY source) or into the ignore file (a pattern line). Every fix edit of a context
 * finding applies to the ignore file's text (`fixTarget`), which may not exist yet;
 * `applyContextFixes` writes it.
 */
import { statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { EffectiveConfig, FileConfig } from '../config/resolve.js';
import type { Edit, Finding, Fix, RunError } from '../finding.js';
import { BuildContext, ContextCache } from '../model/context/context.js';
import { contextCopySources } from '../model/context/copy-sources.js';
import { isUnfollowedIgnoreLink, locateIgnoreFile } from '../model/context/dockerignore.js';
import { parseDockerfile } from '../model/dockerfile/parse.js';
import type { Dockerfile } from '../model/dockerfile/types.js';
import { isDockerfileName } from '../discover.js';
import type { SourceFile } from '../model/source.js';
import type { ContextReportDescriptor, ContextRule, ContextRuleContext, SiblingDockerfile } from '../rules/context-types.js';
import type { RuleSettings } from '../rules/types.js';
import { applyFixes } from './fix.js';
import { Fingerprinter } from './fingerprint.js';
import { compareFindings } from './lint-dockerfile.js';
import { formatMessage } from './messages.js';
import { collectSuppressions, SuppressionIndex, type Suppression } from './suppressions.js';
import { writeFileAtomically } from './write.js';
import { partitionPoint } from '../search.js';
import { MAX_INPUT_BYTES, readBounded } from '../read-input.js';
import { parsePragmaText } from './pragma-text.js';

export interface LintContextOptions {
  /** Absolute path of the Dockerfile. */
  dockerfile: string;
  /** The Dockerfile's path as shown in findings. */
  displayPath: string;
  df: Dockerfile;
  /** The build context directory; default: the Dockerfile's directory. */
  contextDir?: string;
  rules: readonly ContextRule[];
  /** Configuration for findings in the Dockerfile. */
  config: FileConfig;
  /** Configuration for findings in the ignore file (default: `config`). */
  ignoreConfig?: FileConfig;
  settings: RuleSettings;
  /** Display paths are relative to this directory. Default: process.cwd(). */
  cwd?: string;
  disableIgnorePragma?: boolean;
  /** Shares walks between Dockerfiles of one run. */
  cache?: ContextCache;
}

export interface ContextFixTarget {
  /** Absolute path of the ignore file the fixes edit (created when absent). */
  path: string;
  display: string;
  /** Its current text ('' when absent). */
  text: string;
  exists: boolean;
  eol: '\n' | '\r\n';
  /** Why fixes cannot be written there (the path is a directory or another non-file), or null. */
  unwritable: string | null;
}

export interface ContextLintResult {
  findings: Finding[];
  errors: RunError[];
  notices: string[];
  /** The file that every fix edit in `findings` applies to. */
  fixTarget: ContextFixTarget;
  context: BuildContext;
  /** None of the Dockerfile's plain COPY/ADD sources exist in the context (source checks were skipped). */
  contextMismatch: boolean;
}

const toPosix = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));

function display(cwd: string, abs: string): string {
  return toPosix(relative(cwd, abs)) || '.';
}

// `# shipready-ignore DI007 -- reason` above a pattern, `# shipready-ignore-file DI007,DI009` anywhere.
function ignoreFileSuppressions(ctxIgnore: NonNullable<ContextRuleContext['ignore']>): Suppression[] {
  const out: Suppression[] = [];
  for (const c of ctxIgnore.comments) {
    const p = parsePragmaText(c.text);
    if (!p || p.origin !== 'shipready' || (p.scope !== null && p.scope !== 'file')) continue;
    const codes = p.codes;
    if (p.scope === 'file') {
      out.push({ codes, scope: 'file', start: 0, end: ctxIgnore.text.length, line: c.line, used: false, origin: 'shipready' });
      continue;
    }
    // The first pattern (they are in line order) below the comment.
    const patterns = ctxIgnore.patterns;
    const next = patterns[partitionPoint(patterns.length, (i) => patterns[i].line > c.line)];
    if (next) out.push({ codes, scope: 'next', start: next.span.start, end: next.span.end, line: c.line, used: false, origin: 'shipready' });
  }
  return out;
}

/**
 * Why fixes cannot be written to the ignore file's path, or null when they can: it is absent, or a
 * regular file (also through a symlink that stays in the context). A directory, a FIFO or a link out
 * of the context is no ignore file to BuildKit, and writing one would rename over it, block, or
 * change a file outside the context.
 */
function unwritableReason(root: string, abs: string): string | null {
  if (isUnfollowedIgnoreLink(root, abs)) return 'a symlink that leads out of the build context, which BuildKit does not follow (the classic builder does)';
  let st;
  try {
    st = statSync(abs, { throwIfNoEntry: false });
  } catch {
    return null;
  }
  if (!st || st.isFile()) return null;
  return st.isDirectory() ? 'a directory' : 'not a regular file';
}

/**
 * The Dockerfiles in the context directory that read the ignore file at `ignorePath` (which may
 * not exist yet), parsed once per context. Unreadable ones are left out.
 */
function contextDockerfiles(context: BuildContext, ignorePath: string): Array<SiblingDockerfile & { abs: string }> {
  return context.memo('dockerfiles', () => {
    const out: Array<SiblingDockerfile & { abs: string }> = [];
    for (const name of context.readDir('.') ?? []) {
      if (!isDockerfileName(name) || context.resolve(name)?.type !== 'file') continue;
      const abs = join(context.root, name);
      if ((locateIgnoreFile(context.root, abs)?.path ?? join(context.root, '.dockerignore')) !== ignorePath) continue;
      try {
        const bytes = readBounded(abs, MAX_INPUT_BYTES);
        if (!bytes) continue;
        const df = parseDockerfile(name, bytes.toString('utf8'));
        out.push({ name, abs, df, sources: contextCopySources(df).sources });
      } catch {
        /* unreadable: it cannot be built either */
      }
    }
    return out;
  });
}

/** Run the context rules for one Dockerfile. Never throws for rule problems (they become errors). */
export function lintContext(opts: LintContextOptions): ContextLintResult {
  const cwd = resolve(opts.cwd ?? process.cwd());
  const dockerfile = resolve(opts.dockerfile);
  const contextDir = resolve(opts.contextDir ?? dirname(dockerfile));
  const context = opts.cache ? opts.cache.get(contextDir, dockerfile) : new BuildContext(contextDir, { dockerfile });
  const df = opts.df;
  const { sources, unresolved } = contextCopySources(df);
  const ignore = context.ignore;
  const ignorePath = context.ignoreRef?.path ?? join(contextDir, '.dockerignore');
  const fixTarget: ContextFixTarget = {
    path: ignorePath,
    display: display(cwd, ignorePath),
    text: ignore?.text ?? '',
    exists: ignore !== null,
    eol: ignore?.eol ?? '\n',
    unwritable: ignore ? null : unwritableReason(contextDir, ignorePath),
  };
  const findings: Finding[] = [];
  const errors: RunError[] = [];
  const notices: string[] = [];
  // An unwritable ignore path (a symlink out of the directory is one) gets its own notice below.
  notices.push(...context.ignoreNotices((abs) => display(cwd, abs), !fixTarget.unwritable));
  if (fixTarget.unwritable) notices.push(`${fixTarget.display} is ${fixTarget.unwritable}: the builder reads no patterns from it, and shipready leaves out the fixes that would write it`);

  // Is this directory really the build context? When not one plain COPY/ADD source exists in it,
  // the image is built from elsewhere and source checks would only produce noise.
  const literal = sources.filter((s) => !s.wildcard && s.path !== '.');
  const contextMismatch = literal.length > 0 && !literal.some((s) => context.resolve(s.path) !== null) && !sources.some((s) => s.wildcard && context.rawWildcardMatches(s, 1).length > 0);

  // Read only when a rule asks (the fixes that add lines): most lints never need them.
  let siblings: SiblingDockerfile[] | null = null;
  const siblingsOf = () => (siblings ??= contextDockerfiles(context, ignorePath).filter((d) => d.abs !== dockerfile));

  const dfSups = SuppressionIndex.of(opts.disableIgnorePragma ? [] : collectSuppressions(df));
  const igSups = SuppressionIndex.of(opts.disableIgnorePragma || !ignore ? [] : ignoreFileSuppressions(ignore));
  const fpDockerfile = new Fingerprinter();
  const fpIgnore = new Fingerprinter();
  const contextDisplay = display(cwd, contextDir);

  const appendToIgnore = (lines: string[]): Edit[] => {
    const text = fixTarget.text;
    const eol = fixTarget.eol;
    const lead = text.length > 0 && !text.endsWith('\n') ? eol : '';
    return [{ start: text.length, end: text.length, text: `${lead}${lines.join(eol)}${eol}` }];
  };

  // A message that says what to write in the ignore file, when that file is not one the builder reads.
  const unwritableNote = (message: string, data: ContextReportDescriptor['data']): string =>
    fixTarget.unwritable && data && 'ignoreFile' in data ? `${message} (${fixTarget.display} is ${fixTarget.unwritable}, which the builder does not read: make it a file first.)` : message;

  const emit = (rule: ContextRule, d: ContextReportDescriptor): void => {
    const inIgnore = d.in === 'ignore';
    if (inIgnore && !ignore) return;
    const config = inIgnore ? (opts.ignoreConfig ?? opts.config) : opts.config;
    const aliases = d.aliases ? [...rule.aliases, ...d.aliases] : rule.aliases;
    if (config.isIgnored(rule.id, rule.name, aliases)) return;
    if ((inIgnore ? igSups : dfSups).covers(rule.id, rule.name, aliases, d.span.start)) return;
    const severity = d.severity ?? config.severity(rule);
    if (severity === 'off') return;
    const src: SourceFile = inIgnore ? ignore!.source : df.source;
    const file = inIgnore ? fixTarget.display : opts.displayPath;
    const start = src.position(d.span.start);
    const end = src.position(Math.max(d.span.end, d.span.start));
    const template = rule.meta.messages[d.messageId] ?? d.messageId;
    const snippet = src.text.slice(d.span.start, d.span.end) + (d.key ? `\0${d.key}` : '');
    // Every context fix edits the ignore file: none is offered when it cannot be written.
    const fix: Fix | undefined = d.fix && !fixTarget.unwritable
      ? { title: d.fix.title, applicability: d.fix.applicability ?? rule.meta.fixable ?? 'unsafe', edits: d.fix.edits, ...(inIgnore ? {} : { file: fixTarget.display }) }
      : undefined;
    findings.push({
      ruleId: rule.id,
      ruleName: rule.name,
      aliases,
      severity,
      message: unwritableNote(formatMessage(template, d.data), d.data),
      location: { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column },
      ...(fix ? { fix } : {}),
      fingerprint: (inIgnore ? fpIgnore : fpDockerfile).make(rule.id, file, snippet),
    });
  };

  for (const rule of opts.rules) {
    const dfOff = opts.config.severity(rule) === 'off';
    const igOff = (opts.ignoreConfig ?? opts.config).severity(rule) === 'off';
    if (dfOff && igOff) continue;
    const ctx: ContextRuleContext = {
      df,
      source: df.source,
      context,
      contextDisplay,
      sources,
      unresolved,
      ignore,
      ignorePath: fixTarget.display,
      ignoreText: fixTarget.text,
      contextMismatch,
      get siblings() {
        return siblingsOf();
      },
      options: opts.config.options(rule),
      settings: opts.settings,
      appendToIgnore,
      report: (d) => emit(rule, d),
    };
    try {
      rule.check(ctx);
    } catch (e) {
      errors.push({ file: opts.displayPath, kind: 'internal', message: `rule ${rule.id} (${rule.name}) crashed: ${(e as Error).message}` });
    }
  }

  if (context.isWalked) {
    const w = context.walk();
    if (w.truncated) notices.push(`the build context ${contextDisplay} has more than ${context.maxEntries} entries: shipready stopped walking it there, so context findings may be incomplete`);
    for (const u of w.unreadable) notices.push(`cannot read ${display(cwd, join(contextDir, u))} in the build context: the build would fail on it unless .dockerignore excludes it`);
  }
  findings.sort(compareFindings);
  return { findings, errors, notices, fixTarget, context, contextMismatch };
}


/**
 * The ignore file's text after the chosen fixes: appended lines are merged (each line once, none
 * the file already has) and other edits applied like any fix. Existing lines, comments and line
 * endings are kept; new lines use the file's own line ending.
 */
export function contextFixedText(result: ContextLintResult, opts: { unsafe?: boolean; appendsAlone?: boolean } = {}): { text: string; applied: number } {
  const target = result.fixTarget;
  const chosen = result.findings.filter((f) => f.fix && f.fix.edits.length > 0 && (opts.unsafe || f.fix.applicability === 'safe'));
  const end = target.text.length;
  const isAppend = (e: Edit) => e.start === end && e.end === end;
  const appends = chosen.filter((f) => f.fix!.edits.every(isAppend));
  const others = chosen.filter((f) => !f.fix!.edits.every(isAppend));
  let { text, applied } = applyFixes(target.text, others, true);
  // With `appendsAlone`, lines wait for a pass without edits: an edit may change what they are for
  // (with `.env` made `**/.env`, an appended `nested/.env` only repeats it), and the next lint knows.
  if (opts.appendsAlone && applied > 0) return { text, applied };
  // Every line once, in finding order. A line the file already has is appended again: it only
  // takes effect at the end, after any `!` exception that re-included the path.
  const lines: string[] = [];
  for (const f of appends) {
    for (const e of f.fix!.edits) {
      for (const l of e.text.split(/\r?\n/)) {
        const t = l.trim();
        if (t !== '' && !lines.includes(t)) lines.push(t);
      }
    }
    applied++;
  }
  if (lines.length) {
    const lead = text.length > 0 && !text.endsWith('\n') ? target.eol : '';
    text = `${text}${lead}${lines.join(target.eol)}${target.eol}`;
  }
  return { text, applied };
}

/** Applies the chosen fixes of a context lint to the ignore file (written atomically, created when absent). */
export function applyContextFixes(result: ContextLintResult, opts: { unsafe?: boolean; appendsAlone?: boolean } = {}): { applied: number; written: string | null } {
  const { text, applied } = contextFixedText(result, opts);
  if (applied === 0 || text === result.fixTarget.text) return { applied: 0, written: null };
  writeFileAtomically(result.fixTarget.path, text);
  return { applied, written: result.fixTarget.path };
}

/** State shared by the Dockerfiles of one lint run: cached walks, findings already reported, notices. */
export class ContextSession {
  readonly cache: ContextCache;
  private readonly seen = new Set<string>();
  private readonly notices = new Set<string>();
  private readonly mismatched: string[] = [];

  constructor(maxEntries?: number) {
    this.cache = new ContextCache(maxEntries);
  }

  /** Notices for the whole run (once each). */
  summaryNotices(): string[] {
    const out = [...this.notices];
    if (this.mismatched.length) {
      const n = this.mismatched.length;
      out.push(`${n === 1 ? this.mismatched[0] : `${n} Dockerfiles (e.g. ${this.mismatched[0]})`}: none of the COPY/ADD sources exist in the Dockerfile's directory, so it is probably built with another context; missing or excluded sources were not checked (run \`shipready context <dir> -f <Dockerfile>\` with the real context)`);
    }
    return out;
  }

  /**
   * Lints the context of one Dockerfile for `lint()`: the Dockerfile's directory is the context,
   * unless `contextDir` names the one a Compose service declares.
   * With `fix`, applies fixes to the ignore file (re-linting until nothing changes) before the
   * final run. Findings in an ignore file shared by several Dockerfiles are reported once.
   */
  lintDockerfile(args: {
    dockerfile: string;
    displayPath: string;
    df: Dockerfile;
    rules: readonly ContextRule[];
    eff: EffectiveConfig;
    /** Directory config paths are relative to. */
    baseDir: string;
    cwd: string;
    /** Build context directory (default: the Dockerfile's directory). */
    contextDir?: string;
    fix?: boolean;
    unsafeFixes?: boolean;
  }): { findings: Finding[]; errors: RunError[]; notices: string[]; ignoreFile: string | null; fixed: number } {
    const rel = (abs: string) => toPosix(relative(args.baseDir, abs));
    const dockerfile = resolve(args.dockerfile);
    const ctxDir = resolve(args.contextDir ?? dirname(dockerfile));
    const run = (): ContextLintResult => {
      const ignoreAbs = this.cache.get(ctxDir, dockerfile).ignoreRef?.path ?? join(ctxDir, '.dockerignore');
      return lintContext({
        dockerfile,
        displayPath: args.displayPath,
        df: args.df,
        rules: args.rules,
        config: args.eff.forFile(rel(dockerfile)),
        ignoreConfig: args.eff.forFile(rel(ignoreAbs)),
        settings: args.eff.settings,
        cwd: args.cwd,
        contextDir: ctxDir,
        disableIgnorePragma: args.eff.disableIgnorePragma,
        cache: this.cache,
      });
    };
    let result = run();
    const notices: string[] = [];
    let fixed = 0;
    if (args.fix) {
      for (let pass = 0; pass < 5; pass++) {
        const { applied, written } = applyContextFixes(result, { unsafe: args.unsafeFixes, appendsAlone: true });
        if (!written || applied === 0) break;
        fixed += applied;
        this.cache.invalidate(ctxDir);
        result = run();
      }
    }
    for (const n of result.notices) this.notices.add(n);
    if (result.contextMismatch) this.mismatched.push(args.displayPath);
    const findings = result.findings.filter((f) => {
      const loc = f.location as { file: string; line: number; column: number };
      if (loc.file === args.displayPath) return true;
      const key = `${f.ruleId}\0${loc.file}\0${loc.line}:${loc.column}\0${f.message}`;
      if (this.seen.has(key)) return false;
      this.seen.add(key);
      return true;
    });
    const ignoreFile = findings.some((f) => (f.location as { file: string }).file === result.fixTarget.display) ? result.fixTarget.display : null;
    return { findings, errors: result.errors, notices, ignoreFile, fixed };
  }
}
