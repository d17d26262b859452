import { isTextLocation } from '../finding.js';
import type { Finding, Severity } from '../finding.js';
import type { LintResult } from '../engine/result.js';
import { imageLabel } from './shared.js';
import type { FormatOptions } from './types.js';

/** Escape a workflow command's message (after `::`). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a workflow command property value (`key=value`), which also can't hold `,` or `:`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(severity: Exclude<Severity, 'off'>): 'error' | 'warning' | 'notice' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'notice';
}

function workflowCommand(name: string, props: Array<[string, string | number]>, message: string): string {
  const p = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${name}${p ? ` ${p}` : ''}::${escapeData(message)}`;
}

function findingCommand(f: Finding): string {
  const loc = f.location;
  const props: Array<[string, string | number]> = [];
  let message = f.message;
  if (isTextLocation(loc)) {
    // Columns only mean something to GitHub on a single-line annotation.
    const single = loc.endLine <= loc.line;
    props.push(['file', loc.file], ['line', loc.line]);
    if (single) props.push(['col', loc.column]);
    props.push(['endLine', Math.max(loc.endLine, loc.line)]);
    if (single) props.push(['endColumn', Math.max(loc.endColumn, loc.column)]);
  } else {
    message = `${imageLabel(loc)}: ${message}`;
  }
  props.push(['title', `${f.ruleId} ${f.ruleName}`]);
  return workflowCommand(command(f.severity), props, message);
}

/** GitHub Actions workflow commands, one annotation per finding and per run error. */
export function formatGithub(result: LintResult, _opts: FormatOptions): string {
  const lines = result.findings.map(findingCommand);
  for (const e of result.errors) {
    const props: Array<[string, string]> = e.file ? [['file', e.file]] : [];
    props.push(['title', `shipready ${e.kind} error`]);
    lines.push(workflowCommand('error', props, e.message));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
