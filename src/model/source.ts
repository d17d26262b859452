/** Source text with a line index for offset <-> (line, column) conversion. */
export class SourceFile {
  readonly lineStarts: number[];
  constructor(readonly path: string, readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  }

  /**
   * Position of the offset `length` characters after `from` (a position of this file): the same as
   * position(), without a search when it is on the same line (most spans are).
   */
  positionAfter(from: { line: number; column: number }, length: number): { line: number; column: number } {
    const starts = this.lineStarts;
    const offset = starts[from.line - 1] + from.column - 1 + length;
    if (from.line === starts.length || offset < starts[from.line]) return { line: from.line, column: from.column + length };
    return this.position(offset);
  }

  /** Offset of a 1-based line's first character. */
  lineStart(line: number): number {
    return this.lineStarts[Math.min(Math.max(line - 1, 0), this.lineStarts.length - 1)];
  }

  /**
   * Offset just past a 1-based line's last character: before \r\n or \n, and before a \r that ends
   * the file (Docker's line scanner drops it there too).
   */
  lineEnd(line: number): number {
    const starts = this.lineStarts;
    const n = Math.min(Math.max(line, 1), starts.length);
    let end = n >= starts.length ? this.text.length : starts[n] - 1;
    if (end > starts[n - 1] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The line ending new lines should use: \r\n when the file has any, else \n. */
  get lineEnding(): '\r\n' | '\n' {
    return (this.eol ??= this.text.includes('\r\n') ? '\r\n' : '\n');
  }

  private eol: '\r\n' | '\n' | undefined;

  get lineCount(): number {
    return this.lineStarts.length;
  }
}

export interface Span {
  start: number;
  end: number;
}
