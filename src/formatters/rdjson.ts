import { isTextLocation } from '../finding.js';
import type { Finding, TextLocation } from '../finding.js';
import type { LintResult } from '../engine/result.js';
import { SourceFile } from '../model/source.js';
import { INFORMATION_URI, ruleDocsUrl, TOOL_NAME } from './shared.js';
import type { FormatOptions } from './types.js';

// The Reviewdog Diagnostic Format (github.com/reviewdog/reviewdog, proto/rdf): ranges with an
// exclusive end and columns counted in UTF-8 bytes, and fixes as suggestions, which reviewdog
// posts as suggested changes on a pull request.

type RdSeverity = 'ERROR' | 'WARNING' | 'INFO';
interface RdPosition { line: number; column: number }
interface RdRange { start: RdPosition; end: RdPosition }
interface RdDiagnostic {
  message: string;
  location: { path: string; range: RdRange };
  severity: RdSeverity;
  source: { name: string; url: string };
  code: { value: string; url: string };
  suggestions?: Array<{ range: RdRange; text: string }>;
}

const SEVERITY: Record<Finding['severity'], RdSeverity> = { error: 'ERROR', warning: 'WARNING', info: 'INFO', style: 'INFO' };
const SOURCE = { name: TOOL_NAME, url: INFORMATION_URI };

/** Positions of one file in UTF-8 bytes (our columns count UTF-16 units). */
class ByteColumns {
  private readonly file: SourceFile;
  constructor(text: string) {
    this.file = new SourceFile('', text);
  }

  /** A 1-based line and UTF-16 column as line and UTF-8 byte column. */
  at(line: number, column: number): RdPosition {
    const start = this.file.lineStart(line);
    const prefix = this.file.text.slice(start, start + Math.max(0, column - 1));
    return { line, column: Buffer.byteLength(prefix, 'utf8') + 1 };
  }

  offset(offset: number): RdPosition {
    const p = this.file.position(offset);
    return this.at(p.line, p.column);
  }
}

function diagnostics(result: LintResult, opts: FormatOptions): RdDiagnostic[] {
  const columns = new Map<string, ByteColumns | null>();
  const columnsOf = (file: string): ByteColumns | null => {
    let c = columns.get(file);
    if (c === undefined) {
      const text = opts.sources?.get(file);
      columns.set(file, (c = text === undefined ? null : new ByteColumns(text)));
    }
    return c;
  };
  const out: RdDiagnostic[] = [];
  for (const f of result.findings) {
    const loc = f.location;
    // Findings about images name no file of the change under review.
    if (!isTextLocation(loc)) continue;
    const bytes = columnsOf(loc.file);
    const d: RdDiagnostic = {
      message: f.message,
      location: { path: loc.file, range: rangeOf(loc, bytes) },
      severity: SEVERITY[f.severity],
      source: SOURCE,
      code: { value: `${f.ruleId}/${f.ruleName}`, url: ruleDocsUrl(f.ruleId, f.ruleName) },
    };
    // A suggestion edits the diagnostic's own file, at positions that need the file's text.
    if (f.fix && f.fix.edits.length && bytes && (!f.fix.file || f.fix.file === loc.file)) {
      d.suggestions = f.fix.edits.map((e) => ({ range: { start: bytes.offset(e.start), end: bytes.offset(Math.max(e.end, e.start)) }, text: e.text }));
    }
    out.push(d);
  }
  return out;
}

function rangeOf(loc: TextLocation, bytes: ByteColumns | null): RdRange {
  // Without the text, columns stay as counted (they are bytes on ASCII lines).
  if (!bytes) return { start: { line: loc.line, column: loc.column }, end: { line: loc.endLine, column: loc.endColumn } };
  return { start: bytes.at(loc.line, loc.column), end: bytes.at(loc.endLine, loc.endColumn) };
}

/** rdjson: one DiagnosticResult object. */
export function formatRdjson(result: LintResult, opts: FormatOptions): string {
  return `${JSON.stringify({ source: SOURCE, diagnostics: diagnostics(result, opts) }, null, 2)}\n`;
}

/** rdjsonl: one Diagnostic per line. */
export function formatRdjsonl(result: LintResult, opts: FormatOptions): string {
  return diagnostics(result, opts).map((d) => `${JSON.stringify(d)}\n`).join('');
}
