import { isTextLocation } from '../finding.js';
import type { Finding } from '../finding.js';
import type { LintResult } from '../engine/result.js';
import type { RuleCategory } from '../rules/types.js';
import { imageLabel } from './shared.js';
import type { FormatOptions } from './types.js';

export type GitlabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export interface GitlabIssue {
  type: 'issue';
  description: string;
  check_name: string;
  fingerprint: string;
  severity: GitlabSeverity;
  categories?: string[];
  location: { path: string; lines: { begin: number; end: number } };
}

export function gitlabSeverity(s: Finding['severity']): GitlabSeverity {
  switch (s) {
    case 'error':
      return 'critical';
    case 'warning':
      return 'major';
    case 'info':
      return 'minor';
    default:
      return 'info';
  }
}

/** Code Climate categories (the names GitLab's Code Quality format accepts). */
const CATEGORY: Record<RuleCategory, string> = {
  correctness: 'Bug Risk',
  security: 'Security',
  reliability: 'Bug Risk',
  performance: 'Performance',
  maintainability: 'Clarity',
  style: 'Style',
};

/** GitLab Code Quality report: a JSON array of issues. Run errors have no place in it. */
export function formatGitlab(result: LintResult, _opts: FormatOptions): string {
  return `${JSON.stringify(codeClimateIssues(result), null, 2)}\n`;
}

/**
 * Code Climate engine output (what `codeclimate analyze` reads from an engine, and hadolint's
 * `codeclimate` format): each issue as one JSON object followed by a NUL byte. The spec requires
 * categories, so a rule the run did not list is a Bug Risk.
 */
export function formatCodeclimate(result: LintResult, _opts: FormatOptions): string {
  return codeClimateIssues(result).map((i) => `${JSON.stringify({ ...i, categories: i.categories ?? ['Bug Risk'] })}\0`).join('');
}

/** The findings as Code Climate issues (the shape GitLab's Code Quality report uses). */
function codeClimateIssues(result: LintResult): GitlabIssue[] {
  const categories = new Map<string, RuleCategory>();
  for (const r of result.rules) if (!categories.has(r.id)) categories.set(r.id, r.meta.category);
  const issues = result.findings.map((f): GitlabIssue => {
    const loc = f.location;
    const category = categories.get(f.ruleId);
    const text = isTextLocation(loc);
    return {
      type: 'issue',
      description: text ? f.message : `${imageLabel(loc)}: ${f.message}`,
      check_name: `${f.ruleId}/${f.ruleName}`,
      fingerprint: f.fingerprint,
      severity: gitlabSeverity(f.severity),
      ...(category ? { categories: [CATEGORY[category]] } : {}),
      location: text
        ? { path: loc.file, lines: { begin: loc.line, end: Math.max(loc.endLine, loc.line) } }
        : { path: loc.image, lines: { begin: 1, end: 1 } },
    };
  });
  return issues;
}
