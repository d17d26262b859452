import { isTextLocation } from '../finding.js';
import type { Finding } from '../finding.js';
import type { LintResult } from '../engine/result.js';
import { imageLabel } from './shared.js';
import type { FormatOptions } from './types.js';

/** GCC's words: info and style findings are notes. */
function gnuSeverity(s: Finding['severity']): 'error' | 'warning' | 'note' {
  return s === 'error' || s === 'warning' ? s : 'note';
}

/**
 * Where a finding is, in the GNU Coding Standards' form: `line.column`, and for a range
 * `line.column-column` or `line.column-line.column` with the last column included (ours is exclusive).
 */
function gnuPosition(line: number, column: number, endLine: number, endColumn: number): string {
  const lastLine = Math.max(endLine, line);
  const last = endColumn - 1;
  if (lastLine === line && last <= column) return `${line}.${column}`;
  if (lastLine === line) return `${line}.${column}-${last}`;
  if (last >= 1) return `${line}.${column}-${lastLine}.${last}`;
  // It ends just before a line's first column: its last character ends the line before, whose
  // length is not known here, so the range is given in lines (or as its start, on one line).
  return lastLine - 1 > line ? `${line}-${lastLine - 1}` : `${line}.${column}`;
}

/** Messages are one line each (an editor reads the output line by line). */
const oneLine = (s: string): string => s.replace(/\s*[\r\n]+\s*/g, ' ');

/**
 * GNU error format, one line per finding: `file:line.column-...: severity: message [rule]`, which
 * Emacs' compilation mode and other tools that read compiler output jump to. Run errors come first,
 * as `file: error: message`.
 */
export function formatGnu(result: LintResult, _opts: FormatOptions): string {
  const lines: string[] = [];
  for (const e of result.errors) lines.push(`${oneLine(e.file ?? 'shipready')}: error: ${oneLine(e.message)}`);
  for (const f of result.findings) {
    const loc = f.location;
    // (A file name can hold a newline too.)
    const where = isTextLocation(loc) ? `${oneLine(loc.file)}:${gnuPosition(loc.line, loc.column, loc.endLine, loc.endColumn)}` : oneLine(imageLabel(loc));
    lines.push(`${where}: ${gnuSeverity(f.severity)}: ${oneLine(f.message)} [${f.ruleId}/${f.ruleName}]`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
