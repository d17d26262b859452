import type { Finding, RunError, Severity } from '../finding.js';
import type { ImageSummary } from '../model/image/summary.js';
import type { Rule } from '../rules/types.js';
import type { LoadedConfig, ShipreadyConfig } from '../config/types.js';

export interface LintSummary {
  filesLinted: number;
  findings: number;
  bySeverity: Record<Exclude<Severity, 'off'>, number>;
  /** Findings with a fix; `unsafeFixable` of them need --unsafe-fixes. */
  fixable: number;
  unsafeFixable: number;
  /** With --fix: how many fixes were applied and written. */
  fixed?: number;
  errors: number;
}

/** What a lint run produced; formatters turn this into text. */
export interface LintResult {
  findings: Finding[];
  errors: RunError[];
  /** Files that were linted (display paths). */
  files: string[];
  /** Rules that were available in the run (for SARIF `rules[]`). */
  rules: readonly Rule<any>[];
  /** Notices for the user (e.g. "shellcheck not found"), printed on stderr by the CLI. */
  notices: string[];
  summary: LintSummary;
  /** The failure threshold and no-fail setting from the configuration (the CLI may override). */
  failureThreshold: Severity | 'none';
  noFail: boolean;
  /** The output format the configuration asks for, if it does (the CLI's --format wins). */
  format?: string;
  /** For image runs: each inspected image's layers, economics and runtime config. */
  images?: ImageSummary[];
  /** The configuration a lint run used: its file (null: none) and the settings in effect. */
  config?: { file: string | null; kind: LoadedConfig['kind']; settings: ShipreadyConfig };
}

export function summarize(findings: Finding[], errors: unknown[], filesLinted: number): LintSummary {
  const bySeverity = { style: 0, info: 0, warning: 0, error: 0 };
  let fixable = 0;
  let unsafeFixable = 0;
  for (const f of findings) {
    bySeverity[f.severity]++;
    if (f.fix) {
      fixable++;
      if (f.fix.applicability === 'unsafe') unsafeFixable++;
    }
  }
  return { filesLinted, findings: findings.length, bySeverity, fixable, unsafeFixable, errors: errors.length };
}
