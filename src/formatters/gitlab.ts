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
  return `${JSON.stringify(issues, null, 2)}\n`;
}
