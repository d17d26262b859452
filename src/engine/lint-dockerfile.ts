import type { FileConfig } from '../config/resolve.js';
import type { Finding, RunError } from '../finding.js';
import { parseDockerfile } from '../model/dockerfile/parse.js';
import type { Dockerfile } from '../model/dockerfile/types.js';
import type { DockerfileContext, DockerfileRule, ReportDescriptor, RuleSettings, ShellcheckDiagnostic } from '../rules/types.js';
import { compareStrings } from '../compare.js';
import { Fingerprinter } from './fingerprint.js';
import { formatMessage } from './messages.js';
import { collectSuppressions, isSuppressed } from './suppressions.js';

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

/** Parse once, run every enabled rule, apply severities and suppressions. Never throws. */
export function lintDockerfile(text: string, opts: LintFileOptions): FileLintResult {
  const df = opts.df ?? parseDockerfile(opts.displayPath, text);
  const findings: Finding[] = [];
  const errors: RunError[] = [];
  const sups = opts.disableIgnorePragma ? [] : collectSuppressions(df);
  const fp = new Fingerprinter();
  const src = df.source;

  const emit = (rule: DockerfileRule, d: ReportDescriptor): void => {
    const aliases = d.aliases ? [...rule.aliases, ...d.aliases] : rule.aliases;
    if (opts.config.isIgnored(rule.id, rule.name, aliases)) return;
    if (isSuppressed(sups, rule.id, rule.name, aliases, d.span.start)) return;
    let severity = opts.config.severity(rule);
    // A finding's own level (ShellCheck's) only replaces the rule default, never a configured level.
    if (d.severity && severity === rule.meta.severity) {
      const scOverride = d.aliases?.map((a) => opts.config.shellcheckSeverity(a)).find(Boolean);
      severity = scOverride ?? d.severity;
    }
    if (severity === 'off') return;
    const start = src.position(d.span.start);
    const end = src.position(Math.max(d.span.end, d.span.start));
    const template = rule.meta.messages[d.messageId] ?? d.messageId;
    findings.push({
      ruleId: rule.id,
      ruleName: rule.name,
      aliases,
      severity,
      message: formatMessage(template, d.data),
      location: { file: opts.displayPath, line: start.line, column: start.column, endLine: end.line, endColumn: end.column },
      ...(d.fix ? { fix: { title: d.fix.title, applicability: d.fix.applicability ?? rule.meta.fixable ?? 'unsafe', edits: d.fix.edits } } : {}),
      fingerprint: fp.make(rule.id, opts.displayPath, src.text.slice(d.span.start, d.span.end)),
    });
  };

  for (const rule of opts.rules) {
    if (opts.config.severity(rule) === 'off') continue;
    const ctx: DockerfileContext = {
      df,
      source: src,
      options: opts.config.options(rule),
      settings: opts.settings,
      shellcheck: opts.shellcheck,
      report: (d) => emit(rule, d),
    };
    try {
      rule.check(ctx);
    } catch (e) {
      errors.push({ file: opts.displayPath, kind: 'internal', message: `rule ${rule.id} (${rule.name}) crashed: ${(e as Error).message}` });
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
