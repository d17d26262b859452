import type { FileConfig } from '../config/resolve.js';
import type { Finding, RunError, Severity } from '../finding.js';
import { KNOWN_INSTRUCTIONS, parseDockerfile } from '../model/dockerfile/parse.js';
import type { Dockerfile } from '../model/dockerfile/types.js';
import type { DockerfileContext, DockerfileRule, ReportDescriptor, RuleSettings, ShellcheckDiagnostic } from '../rules/types.js';
import { compareStrings } from '../compare.js';
import { Fingerprinter } from './fingerprint.js';
import { formatMessage } from './messages.js';
import { collectSuppressions, SuppressionIndex } from './suppressions.js';

export interface FileLintResult {
  findings: Finding[];
  errors: RunError[];
  df: Dockerfile;
}

export interface LintFileOptions {
  /** Path shown in findings (relative to the working directory). */
  displayPath: string;
  rules: readonly DockerfileRule[];
  config: FileConfig;
  settings: RuleSettings;
  disableIgnorePragma?: boolean;
  /** An already parsed model of `text` (saves a parse when the caller needed one first). */
  df?: Dockerfile;
  /** ShellCheck diagnostics for this file (see engine/shellcheck.ts). */
  shellcheck?: ShellcheckDiagnostic[];
}

/** The enabled rules for a file config, with their severity and options, worked out once per config. */
interface PlannedRule {
  rule: DockerfileRule;
  severity: Severity;
  options: Record<string, unknown>;
  /** Bits of the instructions the rule needs (`onlyWith`); 0 when it runs on every file. */
  needs: number;
  /** The rule's message templates by id (a Map: each rule's `messages` object has its own shape). */
  templates: Map<string, string>;
}

// Kept on the FileConfig object itself (keyed by the rule list): one config usually lints many files.
const PLAN = Symbol('shipready.plan');
type Planned = FileConfig & { [PLAN]?: { rules: readonly DockerfileRule[]; plan: PlannedRule[] } };

function planFor(config: FileConfig, rules: readonly DockerfileRule[]): PlannedRule[] {
  const cached = (config as Planned)[PLAN];
  if (cached && cached.rules === rules) return cached.plan;
  const plan: PlannedRule[] = [];
  for (const rule of rules) {
    const severity = config.severity(rule);
    // A rule the config ignores by its id, name or aliases is not run: a finding's own extra aliases
    // can only add reasons to drop it, never keep it.
    if (severity === 'off' || config.isIgnored(rule.id, rule.name, rule.aliases)) continue;
    plan.push({ rule, severity, options: config.options(rule), needs: keywordBits(rule.onlyWith ?? []), templates: new Map(Object.entries(rule.meta.messages)) });
  }
  (config as Planned)[PLAN] = { rules, plan };
  return plan;
}

// One bit per known instruction, for the `onlyWith` test: a file's keywords are collected once as bits.
const KEYWORD_BIT = new Map<string, number>([...KNOWN_INSTRUCTIONS].map((k, i) => [k, 1 << i]));

function keywordBits(keywords: Iterable<string>): number {
  let bits = 0;
  for (const k of keywords) bits |= KEYWORD_BIT.get(k) ?? 0;
  return bits;
}

/** The instructions a file has, ONBUILD triggers included, as keyword bits. */
function fileKeywordBits(df: Dockerfile): number {
  let bits = 0;
  for (const i of df.instructions) {
    bits |= KEYWORD_BIT.get(i.keyword) ?? 0;
    if (i.trigger) bits |= KEYWORD_BIT.get(i.trigger.keyword) ?? 0;
  }
  return bits;
}

/** Parse once, run every enabled rule, apply severities and suppressions. Never throws. */
export function lintDockerfile(text: string, opts: LintFileOptions): FileLintResult {
  const df = opts.df ?? parseDockerfile(opts.displayPath, text);
  const findings: Finding[] = [];
  const errors: RunError[] = [];
  const sups = SuppressionIndex.of(opts.disableIgnorePragma ? [] : collectSuppressions(df));
  const fp = new Fingerprinter();
  const src = df.source;

  const emit = (p: PlannedRule, d: ReportDescriptor): void => {
    const rule = p.rule;
    const aliases = d.aliases ? [...rule.aliases, ...d.aliases] : rule.aliases;
    if (d.aliases && opts.config.isIgnored(rule.id, rule.name, aliases)) return;
    if (sups.size > 0 && sups.covers(rule.id, rule.name, aliases, d.span.start)) return;
    let severity = p.severity;
    // A finding's own level (ShellCheck's) only replaces the rule default, never a configured level.
    if (d.severity && severity === rule.meta.severity) {
      const scOverride = d.aliases?.map((a) => opts.config.shellcheckSeverity(a)).find(Boolean);
      severity = scOverride ?? d.severity;
    }
    if (severity === 'off') return;
    const start = src.position(d.span.start);
    const end = src.positionAfter(start, Math.max(d.span.end, d.span.start) - d.span.start);
    const template = p.templates.get(d.messageId) ?? d.messageId;
    const message = formatMessage(template, d.data);
    const location = { file: opts.displayPath, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
    const fingerprint = fp.make(rule.id, opts.displayPath, src.text.slice(d.span.start, d.span.end));
    // Two literals rather than a spread of an optional `fix`: same keys in the same order, less work.
    if (d.fix) {
      const fix = { title: d.fix.title, applicability: d.fix.applicability ?? rule.meta.fixable ?? 'unsafe', edits: d.fix.edits };
      findings.push({ ruleId: rule.id, ruleName: rule.name, aliases, severity, message, location, fix, fingerprint });
    } else findings.push({ ruleId: rule.id, ruleName: rule.name, aliases, severity, message, location, fingerprint });
  };

  // One context for all rules (only `options` and the rule that reports change): fewer allocations per file.
  let current: PlannedRule;
  const ctx: DockerfileContext = {
    df,
    source: src,
    options: {},
    settings: opts.settings,
    shellcheck: opts.shellcheck,
    report: (d) => emit(current, d),
  };
  const has = fileKeywordBits(df);
  for (const p of planFor(opts.config, opts.rules)) {
    if (p.needs !== 0 && (p.needs & has) === 0) continue;
    current = p;
    ctx.options = p.options;
    try {
      p.rule.check(ctx);
    } catch (e) {
      errors.push({ file: opts.displayPath, kind: 'internal', message: `rule ${p.rule.id} (${p.rule.name}) crashed: ${(e as Error).message}` });
    }
  }
  findings.sort(compareFindings);
  return { findings, errors, df };
}

export function compareFindings(a: Finding, b: Finding): number {
  const la = a.location as { file?: string; line?: number; column?: number };
  const lb = b.location as { file?: string; line?: number; column?: number };
  return compareStrings(la.file ?? '', lb.file ?? '') || (la.line ?? 0) - (lb.line ?? 0) || (la.column ?? 0) - (lb.column ?? 0) || compareStrings(a.ruleId, b.ruleId);
}
