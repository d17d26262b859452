import { isTextLocation, severityRank } from '../finding.js';
import type { Finding } from '../finding.js';
import type { LintResult } from '../engine/result.js';
import type { Rule, RuleCategory } from '../rules/types.js';
import { TOOL_NAME } from './shared.js';
import type { FormatOptions } from './types.js';

// SonarQube's generic issue import format (10.3 and later: `rules` with Clean Code attributes and
// impacts, `issues` pointing at them), read through `sonar.externalIssuesReportPaths`.

type SoftwareQuality = 'SECURITY' | 'RELIABILITY' | 'MAINTAINABILITY';

/** What each category of rule checks, in Sonar's Clean Code terms. */
const CLEAN_CODE: Record<RuleCategory, { attribute: string; quality: SoftwareQuality }> = {
  security: { attribute: 'TRUSTWORTHY', quality: 'SECURITY' },
  correctness: { attribute: 'LOGICAL', quality: 'RELIABILITY' },
  reliability: { attribute: 'COMPLETE', quality: 'RELIABILITY' },
  performance: { attribute: 'EFFICIENT', quality: 'MAINTAINABILITY' },
  maintainability: { attribute: 'CLEAR', quality: 'MAINTAINABILITY' },
  style: { attribute: 'CONVENTIONAL', quality: 'MAINTAINABILITY' },
};

const IMPACT: Record<Finding['severity'], 'HIGH' | 'MEDIUM' | 'LOW'> = { error: 'HIGH', warning: 'MEDIUM', info: 'LOW', style: 'LOW' };

interface SonarRule {
  id: string;
  name: string;
  description: string;
  engineId: string;
  cleanCodeAttribute: string;
  impacts: Array<{ softwareQuality: SoftwareQuality; severity: 'HIGH' | 'MEDIUM' | 'LOW' }>;
}

interface SonarIssue {
  ruleId: string;
  primaryLocation: {
    message: string;
    filePath: string;
    textRange: { startLine: number; endLine: number; startColumn?: number; endColumn?: number };
  };
}

/**
 * The report: one rule entry per rule that has findings (its impact from the most severe of them,
 * since a per-path override can change a rule's severity), one issue per finding in a file.
 * Findings about images, and run errors, have no file in the project to sit on and are left out.
 */
export function formatSonarqube(result: LintResult, _opts: FormatOptions): string {
  const meta = new Map<string, Rule<any>>();
  for (const r of result.rules) if (!meta.has(r.id)) meta.set(r.id, r);
  const worst = new Map<string, Finding>();
  const issues: SonarIssue[] = [];
  for (const f of result.findings) {
    const loc = f.location;
    if (!isTextLocation(loc)) continue;
    const seen = worst.get(f.ruleId);
    if (!seen || severityRank(f.severity) > severityRank(seen.severity)) worst.set(f.ruleId, f);
    const endLine = Math.max(loc.endLine, loc.line);
    // Sonar columns are 0-based with an exclusive end; an empty range is given as its line only.
    const columns = endLine > loc.line || loc.endColumn > loc.column ? { startColumn: loc.column - 1, endColumn: loc.endColumn - 1 } : {};
    issues.push({ ruleId: f.ruleId, primaryLocation: { message: f.message, filePath: loc.file, textRange: { startLine: loc.line, endLine, ...columns } } });
  }
  const rules: SonarRule[] = [...worst.values()].map((f) => {
    const rule = meta.get(f.ruleId);
    const cc = CLEAN_CODE[rule?.meta.category ?? 'correctness'];
    return {
      id: f.ruleId,
      name: f.ruleName,
      description: rule?.meta.docs.summary ?? f.ruleName,
      engineId: TOOL_NAME,
      cleanCodeAttribute: cc.attribute,
      impacts: [{ softwareQuality: cc.quality, severity: IMPACT[f.severity] }],
    };
  });
  return `${JSON.stringify({ rules, issues }, null, 2)}\n`;
}
