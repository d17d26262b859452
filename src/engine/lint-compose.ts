/**
 * Compose engine: load a project (main file + overrides, with includes, extends and interpolation),
 * run every enabled Compose rule, and turn reports into findings with the same severity, ignore,
 * suppression and fingerprint behaviour as the Dockerfile engine. Fixes are offset edits into the
 * file where the flagged value is written; `lintComposeAndFix` applies them and writes atomically.
 */
import { relative, sep } from 'node:path';
import type { EffectiveConfig, FileConfig } from '../config/resolve.js';
import type { Finding, RunError } from '../finding.js';
import { loadComposeProject, type ComposeInput, type LoadOptions } from '../model/compose/load.js';
import { parseYaml } from '../model/compose/yaml.js';
import type { ComposeFile, ComposeProject } from '../model/compose/types.js';
import type { ComposeReportDescriptor, ComposeRule, ComposeRuleContext } from '../rules/compose-types.js';
import { composeRules } from '../rules/index.js';
import type { RuleSettings } from '../rules/types.js';
import { applyFixes } from './fix.js';
import { Fingerprinter } from './fingerprint.js';
import { compareFindings } from './lint-dockerfile.js';
import { formatMessage } from './messages.js';
import { matchesKey } from './registry.js';
import { writeFileAtomically } from './write.js';
import { append } from '../append.js';
import { parsePragmaText } from './pragma-text.js';

export interface ComposeLintOptions extends Omit<LoadOptions, 'texts'> {
  /** The project's files: the main file first, then overrides (like `-f a.yml -f b.yml`). */
  inputs: ComposeInput[];
  rules: readonly ComposeRule[];
  config: FileConfig;
  settings: RuleSettings;
  disableIgnorePragma?: boolean;
  /** Texts that replace files on disk (by absolute path), e.g. while fixing. */
  texts?: ReadonlyMap<string, string>;
  /**
   * Try each file's fixes and withhold those that would make it invalid YAML. It costs a parse of
   * every file with fixes (a third of a Compose lint), so only fixing asks for it: plain linting
   * relies on the edit helpers, which refuse the edits known to break a file.
   */
  checkFixes?: boolean;
}

export interface ComposeLintResult {
  findings: Finding[];
  /** Findings whose fix was taken away because it would make the YAML invalid (they stay, without `fix`). */
  withheld: Finding[];
  errors: RunError[];
  project: ComposeProject;
  /** Absolute paths of the Dockerfiles that services build from (to lint them too). */
  dockerfiles: string[];
  /** Dockerfile -> the build context directory its (first) service declares. */
  contexts: Map<string, string>;
}

interface ComposeSuppression {
  codes: string[];
  file: string;
  start: number;
  end: number;
}

// A comment line `# shipready-ignore DC001,privileged -- reason` (next key and its block), `# shipready-ignore-file ...`.
const COMMENT_START = /^[ \t]*#[ \t]*/;

/** Suppression comments of a Compose file: next-line ones cover the next key and everything nested under it. */
export function composeSuppressions(file: ComposeFile): ComposeSuppression[] {
  const out: ComposeSuppression[] = [];
  const text = file.text;
  for (let at = text.indexOf('shipready-ignore'); at >= 0; at = text.indexOf('shipready-ignore', at + 1)) {
    const lineStart = text.lastIndexOf('\n', at) + 1;
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const lead = COMMENT_START.exec(line);
    if (!lead || lineStart + lead[0].length !== at) continue;
    const p = parsePragmaText(line.slice(lead[0].length));
    if (!p || p.origin !== 'shipready' || (p.scope !== null && p.scope !== 'file')) continue;
    const codes = p.codes;
    if (p.scope === 'file') {
      out.push({ codes, file: file.path, start: 0, end: text.length });
      continue;
    }
    // The next content line, then every following line indented deeper (blank and comment lines too).
    let pos = lineEnd;
    let start = -1;
    let indent = -1;
    let end = text.length;
    while (pos >= 0 && pos < text.length) {
      const ls = pos + 1;
      const le = text.indexOf('\n', ls);
      const line = text.slice(ls, le < 0 ? text.length : le);
      const trimmed = line.trim();
      if (trimmed && !trimmed.startsWith('#')) {
        const ind = line.length - line.trimStart().length;
        if (start < 0) { start = ls; indent = ind; }
        else if (ind <= indent) { end = ls; break; }
      }
      if (le < 0) break;
      pos = le;
    }
    if (start >= 0) out.push({ codes, file: file.path, start, end });
  }
  return out;
}

/** Load the project and run the rules. Never throws for bad input: problems become findings or errors. */
export function lintCompose(opts: ComposeLintOptions): ComposeLintResult {
  const project = loadComposeProject(opts.inputs, opts);
  const findings: Finding[] = [];
  const errors: RunError[] = [];
  const files = new Map(project.files.map((f) => [f.path, f]));
  const sups = opts.disableIgnorePragma ? [] : project.files.flatMap(composeSuppressions);
  const fp = new Fingerprinter();

  const emit = (rule: ComposeRule, d: ComposeReportDescriptor): void => {
    const aliases = rule.aliases;
    const at = d.at;
    if (sups.some((s) => s.file === at.file && at.start >= s.start && at.start < s.end && s.codes.some((c) => matchesKey(c, rule.id, rule.name, aliases)))) return;
    const severity = d.severity ?? opts.config.severity(rule);
    if (severity === 'off') return;
    const file = files.get(at.file);
    const start = file ? file.source.position(at.start) : { line: 1, column: 1 };
    const end = file ? file.source.position(Math.max(at.end, at.start)) : start;
    const template = rule.meta.messages[d.messageId] ?? d.messageId;
    const fixOk = d.fix && d.fix.edits.length > 0 && file !== undefined && d.fix.edits.every((e) => !e.file || e.file === at.file);
    findings.push({
      ruleId: rule.id,
      ruleName: rule.name,
      aliases,
      severity,
      message: formatMessage(template, d.data),
      location: { file: at.file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column },
      ...(fixOk ? { fix: { title: d.fix!.title, applicability: d.fix!.applicability ?? rule.meta.fixable ?? 'unsafe', edits: d.fix!.edits.map((e) => ({ start: e.start, end: e.end, text: e.text })) } } : {}),
      fingerprint: fp.make(rule.id, at.file, file ? file.text.slice(at.start, at.end) : ''),
    });
  };

  for (const rule of opts.rules) {
    if (opts.config.severity(rule) === 'off') continue;
    // An ignored rule is not run at all: Compose findings carry only the rule's own id, name and
    // aliases (no per-finding aliases as ShellCheck's in Dockerfiles), so every one would be dropped.
    if (opts.config.isIgnored(rule.id, rule.name, rule.aliases)) continue;
    const ctx: ComposeRuleContext = {
      project,
      services: project.services,
      options: opts.config.options(rule),
      settings: opts.settings,
      file: (p) => files.get(p),
      report: (d) => emit(rule, d),
    };
    try {
      rule.check(ctx);
    } catch (e) {
      errors.push({ file: opts.inputs[0]?.display, kind: 'internal', message: `rule ${rule.id} (${rule.name}) crashed: ${(e as Error).message}` });
    }
  }
  const withheld = opts.checkFixes ? withholdBreakingFixes(project, findings) : [];
  findings.sort(compareFindings);
  const dockerfiles = [...new Set(project.services.flatMap((s) => (s.dockerfile && s.build?.dockerfile ? [s.build.dockerfile] : [])))];
  const contexts = new Map<string, string>();
  for (const s of project.services) {
    const d = s.build?.dockerfile;
    if (s.dockerfile && d && s.build?.context && !contexts.has(d)) contexts.set(d, s.build.context);
  }
  return { findings, withheld, errors, project, dockerfiles, contexts };
}

const syntaxErrors = (text: string): number => parseYaml(text, '').issues.filter((i) => i.kind === 'syntax').length;

/**
 * Offer no fix that breaks the file. A file's fixes are applied together and the result parsed
 * (one parse per file with fixes); only when it parses worse than the file is each fix tried,
 * alone and then added one by one, and the findings whose fix breaks it lose their `fix` (in
 * `findings`, in place). Returns those findings.
 */
function withholdBreakingFixes(project: ComposeProject, findings: Finding[]): Finding[] {
  const withheld: Finding[] = [];
  for (const file of project.files) {
    const mine = findings.filter((f) => f.fix && (f.location as { file?: string }).file === file.path);
    if (!mine.length) continue;
    // The loader has parsed the file: parse it again only when it has syntax problems to count.
    const before = project.issues.some((i) => i.kind === 'syntax' && i.origin.file === file.path) ? syntaxErrors(file.text) : 0;
    const breaks = (fs: readonly Finding[]) => syntaxErrors(applyFixes(file.text, fs, true).text) > before;
    if (!breaks(mine)) continue;
    const kept: Finding[] = [];
    for (const f of mine) {
      if (breaks([f]) || breaks([...kept, f])) withheld.push(f);
      else kept.push(f);
    }
  }
  for (const f of withheld) findings[findings.indexOf(f)] = withoutFix(f);
  return withheld;
}

function withoutFix(f: Finding): Finding {
  const { fix: _fix, ...rest } = f;
  return rest;
}

/** The notice for a fix withheld because it would make the YAML invalid. */
export function withheldNotice(f: Finding): string {
  const l = f.location as { file?: string; line?: number; column?: number };
  return `${l.file}:${l.line}:${l.column}: the fix of ${f.ruleId} (${f.ruleName}) is withheld: applied, it would make the YAML invalid`;
}

/**
 * Apply the chosen fixes of `findings` to the project's files. Returns the new texts of the files that
 * changed (by absolute path) and how many fixes were applied.
 */
export function applyComposeFixes(project: ComposeProject, findings: readonly Finding[], unsafe: boolean): { texts: Map<string, string>; applied: number } {
  const texts = new Map<string, string>();
  let applied = 0;
  for (const file of project.files) {
    if (!file.abs) continue;
    const mine = findings.filter((f) => (f.location as { file?: string }).file === file.path);
    if (!mine.some((f) => f.fix)) continue;
    const r = applyFixes(file.text, mine, unsafe);
    if (r.applied && r.text !== file.text) {
      texts.set(file.abs, r.text);
      applied += r.applied;
    }
  }
  return { texts, applied };
}

/**
 * Lint, apply fixes (safe ones; unsafe too with `unsafe`), re-lint until nothing changes (at most 10
 * passes), then write the changed files atomically. A pass that would add YAML syntax problems is
 * dropped. Returns the final lint result and the files written.
 */
export function lintComposeAndFix(options: ComposeLintOptions & { unsafe?: boolean; write?: boolean }): ComposeLintResult & { written: string[]; texts: Map<string, string>; fixed: number; notices: string[] } {
  const opts = { ...options, checkFixes: true };
  const texts = new Map(opts.texts ?? []);
  const syntaxCount = (r: ComposeLintResult) => r.project.issues.filter((i) => i.kind === 'syntax').length;
  let result = lintCompose({ ...opts, texts });
  const before = syntaxCount(result);
  const original = new Map(result.project.files.filter((f) => f.abs).map((f) => [f.abs!, f.text]));
  const withBom = new Set(result.project.files.filter((f) => f.abs && f.bom).map((f) => f.abs!));
  let fixed = 0;
  const notices: string[] = [];
  for (let pass = 0; pass < 10; pass++) {
    const { texts: next, applied } = applyComposeFixes(result.project, result.findings, !!opts.unsafe);
    if (!applied) break;
    const trial = new Map(texts);
    for (const [k, v] of next) trial.set(k, v);
    const r = lintCompose({ ...opts, texts: trial });
    // (Each fix was checked on its file; this catches what only the project shows.)
    if (syntaxCount(r) > before) {
      notices.push(`${applied} fix${applied === 1 ? ' was' : 'es were'} not applied to ${opts.inputs[0]?.display}: together they would make the project invalid`);
      break;
    }
    for (const [k, v] of next) texts.set(k, v);
    result = r;
    fixed += applied;
  }
  const written: string[] = [];
  for (const [abs, text] of texts) {
    if (original.get(abs) === text || !original.has(abs)) continue;
    if (opts.write !== false) writeFileAtomically(abs, withBom.has(abs) ? `\ufeff${text}` : text);
    written.push(abs);
  }
  return { ...result, written, texts, fixed: written.length ? fixed : 0, notices };
}

export { writeFileAtomically };

export interface ComposeProjectsOptions {
  cwd: string;
  eff: EffectiveConfig;
  /** Directory that config `overrides[].files` are relative to. */
  baseDir: string;
  fix?: boolean;
  unsafe?: boolean;
  env?: Record<string, string | undefined>;
  /** The projects' variables files instead of their `.env` (LoadOptions.envFiles). */
  envFiles?: readonly string[];
  rules?: readonly ComposeRule[];
}

/** Lint (and with `fix`, fix and write) several Compose projects: what `lint()` runs for Compose input. */
export function lintComposeProjects(sets: ComposeInput[][], opts: ComposeProjectsOptions): { findings: Finding[]; errors: RunError[]; files: string[]; notices: string[]; dockerfiles: string[]; contexts: Map<string, string>; fixed: number } {
  const findings: Finding[] = [];
  const contexts = new Map<string, string>();
  const errors: RunError[] = [];
  const files: string[] = [];
  const notices: string[] = [];
  const dockerfiles = new Set<string>();
  const seenFiles = new Set<string>();
  let fixed = 0;
  for (const inputs of sets) {
    const main = inputs[0];
    if (!main) continue;
    const rel = main.abs ? relative(opts.baseDir, main.abs).split(sep).join('/') : main.display;
    const base: ComposeLintOptions = {
      inputs,
      cwd: opts.cwd,
      env: opts.env,
      envFiles: opts.envFiles,
      rules: opts.rules ?? (composeRules as ComposeRule[]),
      config: opts.eff.forFile(rel),
      settings: opts.eff.settings,
      disableIgnorePragma: opts.eff.disableIgnorePragma,
      texts: new Map(inputs.filter((i) => i.abs && i.text !== undefined).map((i) => [i.abs!, i.text!])),
    };
    let r: ComposeLintResult;
    try {
      if (opts.fix && main.abs) {
        const fixedRun = lintComposeAndFix({ ...base, unsafe: opts.unsafe });
        fixed += fixedRun.fixed;
        append(notices, fixedRun.notices);
        r = fixedRun;
      }
      else {
        if (opts.fix) notices.push('fixes for stdin are not written anywhere; lint a file to apply them');
        r = lintCompose(base);
      }
    } catch (e) {
      errors.push({ file: main.display, kind: 'internal', message: `compose project ${main.display}: ${(e as Error).message}` });
      continue;
    }
    for (const f of r.project.files) {
      if (seenFiles.has(f.path)) continue;
      seenFiles.add(f.path);
      files.push(f.path);
    }
    append(findings, r.findings);
    append(errors, r.errors);
    for (const f of r.withheld) notices.push(withheldNotice(f));
    for (const d of r.dockerfiles) dockerfiles.add(d);
    for (const [d, c] of r.contexts) if (!contexts.has(d)) contexts.set(d, c);
  }
  // A file shared by two projects (an extends base, an include) reports the same finding twice: keep one.
  const unique = new Map<string, Finding>();
  for (const f of findings) unique.set(`${f.fingerprint}\0${f.message}`, f);
  return { findings: [...unique.values()].sort(compareFindings), errors, files, notices: [...new Set(notices)], dockerfiles: [...dockerfiles], contexts, fixed };
}
