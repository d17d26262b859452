import { isTextLocation } from '../finding.js';
import type { Finding, RunError } from '../finding.js';
import type { LintResult } from '../engine/result.js';
import { TOOL_NAME, XML_DECL, groupFindings, imageDetail, imageLabel, ruleLabel, xmlAttrs, xmlEscape } from './shared.js';
import type { FormatOptions } from './types.js';
import { append } from '../append.js';

function where(f: Finding): string {
  const loc = f.location;
  return isTextLocation(loc) ? `${loc.file}:${loc.line}:${loc.column}` : imageLabel(loc);
}

function findingCase(suite: string, f: Finding): string[] {
  const loc = f.location;
  const pos = isTextLocation(loc) ? `${loc.line}:${loc.column}` : imageDetail(loc) || 'image';
  const body = `${where(f)}  ${f.severity}  ${f.message}  ${ruleLabel(f)}`;
  return [
    `    <testcase${xmlAttrs({ name: `${f.ruleId}/${f.ruleName} at ${pos}`, classname: suite })}>`,
    `      <failure${xmlAttrs({ message: f.message, type: f.severity })}>${xmlEscape(body)}</failure>`,
    '    </testcase>',
  ];
}

function errorCase(suite: string, e: RunError): string[] {
  return [
    `    <testcase${xmlAttrs({ name: `${e.kind} error`, classname: suite })}>`,
    `      <error${xmlAttrs({ message: e.message, type: e.kind })}>${xmlEscape(e.message)}</error>`,
    '    </testcase>',
  ];
}

/**
 * JUnit XML: a `<testsuite>` per file with a failing `<testcase>` per finding; files without
 * findings get one passing test case, so a clean run still shows up in CI test reports.
 */
export function formatJunit(result: LintResult, _opts: FormatOptions): string {
  const runErrors = new Map<string, RunError[]>();
  for (const e of result.errors) {
    const key = e.file ?? TOOL_NAME;
    runErrors.set(key, [...(runErrors.get(key) ?? []), e]);
  }
  const groups = groupFindings(result.findings, result.files);
  for (const key of runErrors.keys()) if (!groups.some((g) => g.key === key)) groups.push({ key, findings: [] });
  if (!groups.length) groups.push({ key: TOOL_NAME, findings: [] });

  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const g of groups) {
    const errs = runErrors.get(g.key) ?? [];
    const cases: string[] = [];
    for (const e of errs) append(cases, errorCase(g.key, e));
    for (const f of g.findings) append(cases, findingCase(g.key, f));
    let n = errs.length + g.findings.length;
    if (n === 0) {
      cases.push(`    <testcase${xmlAttrs({ name: 'no problems', classname: g.key })}/>`);
      n = 1;
    }
    tests += n;
    failures += g.findings.length;
    errors += errs.length;
    suites.push(`  <testsuite${xmlAttrs({ name: g.key, tests: n, failures: g.findings.length, errors: errs.length, skipped: 0 })}>`);
    append(suites, cases);
    suites.push('  </testsuite>');
  }
  return `${[XML_DECL, `<testsuites${xmlAttrs({ name: TOOL_NAME, tests, failures, errors })}>`, ...suites, '</testsuites>'].join('\n')}\n`;
}
