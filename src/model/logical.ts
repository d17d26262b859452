/**
 * Text assembled from pieces of a source file (continuation lines joined), with a map back to
 * source offsets so that anything found in the joined text is reported at its real position.
 */
export class LogicalText {
  /** segments[i] = [logicalStart, sourceStart, length] */
  private readonly segs: number[];
  /** Index of the piece the last toSource() landed in. */
  private last = 0;
  // Logical range [hitFrom, hitTo) of that piece, where source = logical + hitDelta: offsets are
  // mostly asked for in increasing order, many in the same piece (empty until the first lookup,
  // and for a synthetic piece, whose offsets all map to one place).
  private hitFrom = 0;
  private hitTo = 0;
  private hitDelta = 0;
  // The pieces are joined once, when the text is first read: a string built with `+=` stays a
  // rope that every character access then walks, and the parsers read each character.
  // Most texts are one piece (an instruction on one line): that piece is kept as the text, and
  // an array of pieces is made only when a second one comes.
  private parts: string[] | null = null;
  private length: number;
  private joined: string;

  /** An empty text; see of() for one piece. */
  constructor(segs: number[] = [], text = '') {
    this.segs = segs;
    this.joined = text;
    this.length = text.length;
  }

  /** The assembled text. */
  get text(): string {
    if (this.parts !== null) {
      this.joined = this.parts.join('');
      this.parts = null;
    }
    return this.joined;
  }

  append(sourceStart: number, piece: string): void {
    if (piece.length === 0) return;
    this.segs.push(this.length, sourceStart, piece.length);
    this.add(piece);
  }

  /** Append text that does not exist in the source (e.g. a newline joining lines); maps to `sourceAt`. */
  appendSynthetic(sourceAt: number, piece: string): void {
    this.segs.push(this.length, sourceAt, 0);
    this.add(piece);
  }

  private add(piece: string): void {
    if (this.parts !== null) this.parts.push(piece);
    else if (this.length === 0) this.joined = piece;
    else this.parts = [this.joined, piece];
    this.length += piece.length;
    this.hitTo = this.hitFrom; // the last piece's range changes
  }

  /** The pieces this text was assembled from, in order (synthetic pieces have sourceLength 0). */
  pieces(): Array<{ logicalStart: number; sourceStart: number; length: number; sourceLength: number }> {
    const out = [];
    const s = this.segs;
    for (let k = 0; k < s.length; k += 3) {
      const next = k + 3 < s.length ? s[k + 3] : this.text.length;
      out.push({ logicalStart: s[k], sourceStart: s[k + 1], length: next - s[k], sourceLength: s[k + 2] });
    }
    return out;
  }

  /** Source offset of the character at logical offset `i` (clamped). */
  toSource(i: number): number {
    if (i >= this.hitFrom && i < this.hitTo) return i + this.hitDelta;
    return this.lookup(i);
  }

  /** toSource() outside the piece of the last lookup: find the piece and remember it. */
  private lookup(i: number): number {
    const s = this.segs;
    if (s.length === 0) return 0;
    // One piece (an instruction on one line): no search.
    if (s.length === 3) {
      if (i >= s[0]) this.remember(s[0], s[1], s[2]);
      return s[1] + (s[2] === 0 ? 0 : Math.min(i - s[0], s[2]));
    }
    const n = s.length / 3;
    let lo = this.last;
    if (!(s[lo * 3] <= i && (lo + 1 >= n || s[lo * 3 + 3] > i))) {
      // Offsets are mostly asked for in increasing order: walk a few pieces on, else search.
      let steps = 4;
      while (steps > 0 && s[lo * 3] <= i && lo + 1 < n && s[lo * 3 + 3] <= i) {
        lo++;
        steps--;
      }
      if (!(s[lo * 3] <= i && (lo + 1 >= n || s[lo * 3 + 3] > i))) {
        lo = 0;
        let hi = n - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (s[mid * 3] <= i) lo = mid;
          else hi = mid - 1;
        }
      }
      this.last = lo;
    }
    const base = s[lo * 3];
    const src = s[lo * 3 + 1];
    const len = s[lo * 3 + 2];
    if (i >= base) this.remember(base, src, len);
    const d = i - base;
    return src + (len === 0 ? 0 : Math.min(d, len));
  }

  /** Remember the piece at logical `from`, source `src`, `len` long, for the next lookups. */
  private remember(from: number, src: number, len: number): void {
    // (A piece is as long in the text as in the source; past its end offsets are clamped.)
    this.hitFrom = from;
    this.hitTo = from + len;
    this.hitDelta = src - from;
  }

  /** Source offset just past the character at logical offset `i - 1` (for span ends). */
  toSourceEnd(i: number): number {
    const j = i - 1;
    if (j >= this.hitFrom && j < this.hitTo) return i + this.hitDelta;
    return i <= 0 ? this.toSource(0) : this.lookup(j) + 1;
  }

  /** The part of this text from logical offset `from` on, mapped to the same source offsets. */
  slice(from: number): LogicalText {
    const l = new LogicalText();
    if (from >= this.text.length) {
      l.appendSynthetic(this.toSourceEnd(this.text.length), '');
      return l;
    }
    const s = this.segs;
    for (let k = 0; k < s.length; k += 3) {
      const base = s[k];
      const src = s[k + 1];
      const len = s[k + 2];
      const nextBase = k + 3 < s.length ? s[k + 3] : this.text.length;
      if (nextBase <= from) continue;
      const skip = Math.max(0, from - base);
      const piece = this.text.slice(base + skip, nextBase);
      if (len === 0) l.appendSynthetic(src, piece);
      else l.append(src + skip, piece);
    }
    return l;
  }

  /** A logical text over one contiguous source range. */
  static of(sourceStart: number, text: string): LogicalText {
    // What append() would record, or appendSynthetic() for an empty text (both the same numbers).
    return new LogicalText([0, sourceStart, text.length], text);
  }
}
