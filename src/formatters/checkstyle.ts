import { isTextLocation } from '../finding.js';
import type { Finding } from '../finding.js';
import type { LintResult } from '../engine/result.js';
import { XML_DECL, groupFindings, imageLabel, xmlAttrs } from './shared.js';
import type { FormatOptions } from './types.js';
import { append } from '../append.js';

function checkstyleSeverity(s: Finding['severity']): 'error' | 'warning' | 'info' {
  return s === 'error' || s === 'warning' ? s : 'info';
}

function errorElement(f: Finding): string {
  const loc = f.location;
  const text = isTextLocation(loc);
  const message = text || !(loc.layer || loc.path || loc.field) ? f.message : `${imageLabel(loc)}: ${f.message}`;
  return `    <error${xmlAttrs({
    line: text ? loc.line : undefined,
    column: text ? loc.column : undefined,
    severity: checkstyleSeverity(f.severity),
    message,
    source: `shipready.${f.ruleId}`,
  })}/>`;
}

/** Checkstyle XML: one `<file>` per linted file (empty when clean), one `<error>` per finding. */
export function formatCheckstyle(result: LintResult, _opts: FormatOptions): string {
  const out = [XML_DECL, '<checkstyle version="4.3">'];
  const runErrors = new Map<string, string[]>();
  for (const e of result.errors) {
    const key = e.file ?? 'shipready';
    const list = runErrors.get(key) ?? [];
    list.push(`    <error${xmlAttrs({ severity: 'error', message: e.message, source: `shipready.${e.kind}-error` })}/>`);
    runErrors.set(key, list);
  }
  const groups = groupFindings(result.findings, result.files);
  for (const key of runErrors.keys()) if (!groups.some((g) => g.key === key)) groups.push({ key, findings: [] });
  for (const g of groups) {
    const children = [...(runErrors.get(g.key) ?? []), ...g.findings.map(errorElement)];
    if (!children.length) {
      out.push(`  <file${xmlAttrs({ name: g.key })}/>`);
      continue;
    }
    out.push(`  <file${xmlAttrs({ name: g.key })}>`);
    append(out, children);
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return `${out.join('\n')}\n`;
}
