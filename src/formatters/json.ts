import { isTextLocation } from '../finding.js';
import type { Finding, Fix, RunError } from '../finding.js';
import type { LintResult, LintSummary } from '../engine/result.js';
import type { ImageSummary } from '../model/image/summary.js';
import { TOOL_NAME } from './shared.js';
import type { FormatOptions } from './types.js';

/** One finding in the `json` format: flat location fields (text or image). */
export interface JsonFinding {
  ruleId: string;
  ruleName: string;
  aliases: string[];
  severity: Finding['severity'];
  message: string;
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  image?: string;
  layer?: string;
  path?: string;
  field?: string;
  fix?: Fix;
  fingerprint: string;
}

export interface JsonReport {
  tool: { name: string; version: string };
  findings: JsonFinding[];
  summary: LintSummary;
  errors: RunError[];
  /** Image runs only: layers, economics and runtime config of each image. */
  images?: ImageSummary[];
}

export function toJsonFinding(f: Finding): JsonFinding {
  // Built field by field so the JSON keys come out in a stable, documented order.
  const out: Omit<JsonFinding, 'fingerprint'> & { fingerprint?: string } = {
    ruleId: f.ruleId,
    ruleName: f.ruleName,
    aliases: [...f.aliases],
    severity: f.severity,
    message: f.message,
  };
  const loc = f.location;
  if (isTextLocation(loc)) {
    out.file = loc.file;
    out.line = loc.line;
    out.column = loc.column;
    out.endLine = loc.endLine;
    out.endColumn = loc.endColumn;
  } else {
    out.image = loc.image;
    if (loc.layer !== undefined) out.layer = loc.layer;
    if (loc.path !== undefined) out.path = loc.path;
    if (loc.field !== undefined) out.field = loc.field;
  }
  if (f.fix) {
    out.fix = {
      title: f.fix.title,
      applicability: f.fix.applicability,
      edits: f.fix.edits.map((e) => ({ start: e.start, end: e.end, text: e.text })),
      ...(f.fix.file ? { file: f.fix.file } : {}),
    };
  }
  out.fingerprint = f.fingerprint;
  return out as JsonFinding;
}

export function formatJson(result: LintResult, opts: FormatOptions): string {
  const report: JsonReport = {
    tool: { name: TOOL_NAME, version: opts.version },
    findings: result.findings.map(toJsonFinding),
    summary: result.summary,
    errors: result.errors.map((e) => ({ ...(e.file !== undefined ? { file: e.file } : {}), message: e.message, kind: e.kind })),
  };
  if (result.images) report.images = result.images;
  return `${JSON.stringify(report, null, 2)}\n`;
}
