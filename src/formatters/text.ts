import { isTextLocation } from '../finding.js';
import type { Finding, Severity, TextLocation } from '../finding.js';
import type { LintResult, LintSummary } from '../engine/result.js';
import { imageSummaryText } from './image-text.js';
import { groupFindings, imageLabel, plural, ruleLabel } from './shared.js';
import type { FormatOptions } from './types.js';
import { append } from '../append.js';
import { SourceFile } from '../model/source.js';

type Sev = Exclude<Severity, 'off'>;

const TAB_WIDTH = 4;
/** Code frames wider than this are cut to a window around the flagged range. */
const MAX_FRAME_WIDTH = 120;

export interface Paint {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  magenta(s: string): string;
  green(s: string): string;
}

export function paint(on: boolean): Paint {
  const wrap = (open: number, close: number) => (s: string) => (on && s ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
    magenta: wrap(35, 39),
    green: wrap(32, 39),
  };
}

function severityColor(p: Paint, s: Sev): (t: string) => string {
  switch (s) {
    case 'error':
      return p.red;
    case 'warning':
      return p.yellow;
    case 'info':
      return p.cyan;
    default:
      return p.magenta;
  }
}

/**
 * Make text from the linted files safe for a terminal: control characters (ESC and friends)
 * could otherwise move the cursor or recolour the screen. Shown as `\xNN`.
 */
export function safe(s: string): string {
  return s.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Rough terminal cell width of a code point (East Asian wide and most emoji take two). */
function cellWidth(cp: number): number {
  if (cp === 0x200b || (cp >= 0x300 && cp <= 0x36f)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
    return 2;
  return 1;
}

interface Glyph {
  text: string;
  /** Display column where the glyph starts (0-based). */
  col: number;
  width: number;
}

/** Lay a source line out in terminal cells; `colOf[i]` is the display column of UTF-16 index i. */
function layout(line: string): { glyphs: Glyph[]; colOf: number[]; width: number } {
  const glyphs: Glyph[] = [];
  const colOf: number[] = [];
  let col = 0;
  for (let i = 0; i < line.length; ) {
    const cp = line.codePointAt(i)!;
    const units = cp > 0xffff ? 2 : 1;
    for (let k = 0; k < units; k++) colOf[i + k] = col;
    let text: string;
    let width: number;
    if (cp === 9) {
      width = TAB_WIDTH - (col % TAB_WIDTH);
      text = ' '.repeat(width);
    } else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
      text = '?';
      width = 1;
    } else {
      text = String.fromCodePoint(cp);
      width = cellWidth(cp);
    }
    glyphs.push({ text, col, width });
    col += width;
    i += units;
  }
  colOf[line.length] = col;
  return { glyphs, colOf, width: col };
}

/** A source's lines for frames: its line index made once per file (a report can hold thousands of findings on one file). */
class SourceLines {
  private readonly file: SourceFile;
  private lastLine = 0;
  private last: LaidOutLine | undefined;

  constructor(path: string, text: string) {
    this.file = new SourceFile(path, text);
  }

  /** Line `n` (1-based) laid out for a frame; the last one is kept, as findings come sorted by line. */
  get(n: number): LaidOutLine | undefined {
    if (n === this.lastLine) return this.last;
    if (n < 1 || n > this.file.lineCount) return undefined;
    this.lastLine = n;
    this.last = layOut(this.file.text.slice(this.file.lineStart(n), this.file.lineEnd(n)));
    return this.last;
  }
}

interface LaidOutLine {
  text: string;
  /** Null when every UTF-16 unit is one column (printable ASCII, or a line too long to lay out). */
  glyphs: Glyph[] | null;
  colOf: number[] | null;
  width: number;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Longer lines are shown one column per UTF-16 unit, control characters as `?`: laying out glyphs costs memory per character. */
const MAX_LAYOUT_LENGTH = 4096;

function layOut(text: string): LaidOutLine {
  // Printable ASCII (most lines) is one column per character: no glyphs to build, which on a cold
  // run (interpreted code) is a noticeable part of a one-file lint.
  if (text.length > MAX_LAYOUT_LENGTH || PRINTABLE_ASCII.test(text)) return { text, glyphs: null, colOf: null, width: text.length };
  return { text, ...layout(text) };
}

/** The flagged source line with an underline under [column, endColumn); `...` for multi-line spans. */
function codeFrame(lines: SourceLines, loc: TextLocation, p: Paint, color: (s: string) => string): string[] {
  const laid = lines.get(loc.line);
  if (laid === undefined) return [];
  const { text, glyphs, colOf, width } = laid;
  const at = (column: number) => {
    const i = Math.min(Math.max(column - 1, 0), text.length);
    return colOf ? colOf[i] : i;
  };
  const multiLine = loc.endLine > loc.line;
  const start = at(loc.column);
  let end = multiLine ? width : at(loc.endColumn);
  if (end <= start) end = start + 1;

  // Window long lines around the flagged range.
  let from = 0;
  let to = width;
  if (width > MAX_FRAME_WIDTH) {
    from = Math.max(0, Math.min(start - 20, width - MAX_FRAME_WIDTH));
    to = from + MAX_FRAME_WIDTH;
  }
  let shown = glyphs
    ? glyphs
        .filter((g) => g.col >= from && g.col + g.width <= to)
        .map((g) => g.text)
        .join('')
    : glyphLess(text.slice(from, to));
  let offset = 0;
  if (from > 0) {
    shown = `…${shown}`;
    offset = 1;
  }
  if (to < width) shown += '…';
  const uStart = Math.max(start, from) - from + offset;
  const uEnd = Math.max(Math.min(end, to) - from + offset, uStart + 1);

  const gutterWidth = Math.max(String(loc.line).length, multiLine ? 3 : 0);
  const blank = ' '.repeat(gutterWidth);
  const out = [
    `  ${p.dim(`${String(loc.line).padStart(gutterWidth)} |`)} ${shown}`.trimEnd(),
    `  ${p.dim(`${blank} |`)} ${' '.repeat(uStart)}${color('^'.repeat(uEnd - uStart))}`,
  ];
  if (multiLine) out.push(`  ${p.dim(`${'...'.padStart(gutterWidth)} |`)} ${p.dim(`(to line ${loc.endLine})`)}`);
  return out;
}

/** A window of a line shown one column per unit: a tab as one space, other control characters as `?`. */
function glyphLess(s: string): string {
  return PRINTABLE_ASCII.test(s) ? s : s.replace(/\t/g, ' ').replace(/[\x00-\x1f\x7f-\x9f]/g, '?');
}

function header(f: Finding, p: Paint): string {
  const loc = f.location;
  const where = isTextLocation(loc) ? `${loc.file}:${loc.line}:${loc.column}` : imageLabel(loc);
  const sev = severityColor(p, f.severity)(f.severity);
  const message = safe(f.message.replace(/\r?\n/g, '\n    '));
  return `${p.bold(safe(where))}  ${sev}  ${message}  ${p.dim(safe(ruleLabel(f)))}`;
}

const fixedText = (s: LintSummary): string => (s.fixed ? `; ${plural(s.fixed, 'fix', 'fixes')} applied` : '');

/** Which option fixes what is left: --fix for safe fixes, --unsafe-fixes for the rest. */
function fixableText(s: LintSummary): string {
  const unsafe = s.unsafeFixable ?? 0;
  const safe = s.fixable - unsafe;
  if (safe && unsafe) return `; ${safe} fixable with --fix (${unsafe} more with --unsafe-fixes)`;
  if (safe) return `; ${safe} fixable with --fix`;
  return unsafe ? `; ${unsafe} fixable with --fix --unsafe-fixes` : '';
}

function summaryLine(result: LintResult, p: Paint): string {
  const s = result.summary;
  const files = plural(s.filesLinted, result.images ? 'image' : 'file');
  const runErrors = s.errors ? `; ${plural(s.errors, 'run error')}` : '';
  if (s.findings === 0) {
    if (!s.errors) return p.green(`✔ No problems in ${files}${fixedText(s)}`);
    return p.red(p.bold(`✖ No problems in ${files}${fixedText(s)}${runErrors}`));
  }
  const b = s.bySeverity;
  const parts = [plural(b.error, 'error'), plural(b.warning, 'warning')];
  if (b.info) parts.push(`${b.info} info`);
  if (b.style) parts.push(`${b.style} style`);
  const line = `✖ ${plural(s.findings, 'problem')} (${parts.join(', ')}) in ${files}${fixedText(s)}${fixableText(s)}${runErrors}`;
  const color = b.error || s.errors ? p.red : b.warning ? p.yellow : p.cyan;
  return color(p.bold(line));
}

export function formatText(result: LintResult, opts: FormatOptions): string {
  const p = paint(opts.color);
  const out: string[] = [];
  for (const image of result.images ?? []) out.push(...imageSummaryText(image, p), '');
  const lines = new Map<string, SourceLines>();
  for (const group of groupFindings(result.findings, result.files)) {
    for (const f of group.findings) {
      out.push(header(f, p));
      const loc = f.location;
      if (isTextLocation(loc)) {
        let source = lines.get(loc.file);
        if (source === undefined) {
          const text = opts.sources?.get(loc.file);
          if (text !== undefined) lines.set(loc.file, (source = new SourceLines(loc.file, text)));
        }
        if (source) append(out, codeFrame(source, loc, p, severityColor(p, f.severity)));
      }
      out.push('');
    }
  }
  for (const e of result.errors) {
    // Messages made from an InputError's one-liner already start with the file.
    const where = e.file && !e.message.startsWith(`${e.file}:`) ? `${e.file}: ` : '';
    out.push(`${p.red(p.bold(`${e.kind} error`))}  ${safe(where + e.message)}`);
  }
  if (result.errors.length) out.push('');
  out.push(summaryLine(result, p));
  return `${out.join('\n')}\n`;
}
