/**
 * A tolerant POSIX-shell lexer: words (with quote removal) and operators, in logical offsets.
 * It reads one token at a time into its own fields (no token objects): next() returns the kind,
 * the parser reads `start`, `end` and `op` or `value`/`raw`/`expands`, and builds only what it keeps.
 */

export const END = 0;
export const WORD = 1;
const OP_TOKEN = 2;

/**
 * The operator at `i` (whose first character has class OP), longest match first, out of
 * `&>> <<< <<- && || |& ;; ;& &> << <& <> >> >& >| & | ; ( ) < > \n`; the text ends at `to`.
 */
function opAt(text: string, i: number, to: number): string {
  const c = text.charCodeAt(i);
  const n = codeAt(text, i + 1, to);
  switch (c) {
    case 38 /* & */:
      if (n === 62 /* > */) return codeAt(text, i + 2, to) === 62 ? '&>>' : '&>';
      return n === 38 ? '&&' : '&';
    case 60 /* < */:
      if (n === 60) {
        const n2 = codeAt(text, i + 2, to);
        return n2 === 60 ? '<<<' : n2 === 45 /* - */ ? '<<-' : '<<';
      }
      return n === 38 ? '<&' : n === 62 ? '<>' : '<';
    case 62 /* > */:
      return n === 62 ? '>>' : n === 38 ? '>&' : n === 124 /* | */ ? '>|' : '>';
    case 124 /* | */:
      return n === 124 ? '||' : n === 38 ? '|&' : '|';
    case 59 /* ; */:
      return n === 59 ? ';;' : n === 38 ? ';&' : ';';
    case 40:
      return '(';
    case 41:
      return ')';
    default:
      return '\n';
  }
}

/** Whether `op` redirects (`<`, `>`, `>>`, `&>`, `<<`, ...) rather than separates commands. */
export function isRedirectOp(op: string): boolean {
  const c = op.charCodeAt(0);
  return c === 60 /* < */ || c === 62 /* > */ || (c === 38 /* & */ && op.length > 1 && op.charCodeAt(1) === 62);
}

// Character classes (ASCII only; every other character is plain), looked up by char code.
const BLANK = 1; // ' ', '\t', '\r': separate tokens
const OP = 2; // first characters of operators (and '\n'): end a word
const SPECIAL = 3; // '\\', quotes, '$', '`': need handling inside a word
const CLASS = new Uint8Array(128);
for (const c of ' \t\r') CLASS[c.charCodeAt(0)] = BLANK;
for (const c of '&|;()<>\n') CLASS[c.charCodeAt(0)] = OP;
for (const c of '\\\'"$`') CLASS[c.charCodeAt(0)] = SPECIAL;
/** Class of the character code `c` (0 = plain). */
const classOf = (c: number): number => (c < 128 ? CLASS[c] : 0);

// The scanners below read a text that ends at `to` (a substitution is parsed inside the whole
// script's text, without cutting a copy), and never read at or past it: charCodeAt past the
// end of a string gives NaN, which V8 handles slowly.

/** The character code at `i`, or -1 at or past `to`. */
const codeAt = (s: string, i: number, to: number): number => (i < to ? s.charCodeAt(i) : -1);

/**
 * Index of the `'` closing an ANSI-C string `$'...'` whose contents start at `i`, or `to`: unlike a
 * plain single-quoted string, a backslash escapes the next character there (`$'it\'s'`).
 */
function ansiCClose(s: string, i: number, to: number): number {
  while (i < to) {
    const c = s.charCodeAt(i);
    if (c === 39 /* ' */) return i;
    i += c === 92 /* \\ */ ? 2 : 1;
  }
  return to;
}

/** Index just after the next `c` from `i` (before `to`), or `to`. */
function after(s: string, c: string, i: number, to: number): number {
  const j = s.indexOf(c, i);
  return j < 0 || j >= to ? to : j + 1;
}

// What skipNested is inside of.
const PARENS = 0;
const DOUBLE = 1;
const BRACES = 2;

/**
 * Index just past the end of a `(...)`, `"..."` or `{...}` (kind PARENS, DOUBLE or BRACES) whose
 * contents start at `i`, or `to`. Quotes and `$(` nest (`"$(echo "$(date)")"`); the constructs
 * around the current one are kept on a stack, not the call stack, so no nesting depth overflows it.
 */
function skipNested(s: string, i: number, to: number, kind: number): number {
  let depth = 1; // open parentheses or braces of the current construct
  let outer: number[] | null = null; // enclosing constructs: depth, kind pairs
  while (i < to) {
    const c = s.charCodeAt(i);
    if (c === 92 /* \\ */) { i += 2; continue; }
    if (kind === DOUBLE) {
      if (c === 34 /* " */) {
        if (outer === null || outer.length === 0) return i + 1;
        kind = outer.pop()!;
        depth = outer.pop()!;
      } else if (c === 36 /* $ */ && codeAt(s, i + 1, to) === 40 /* ( */) {
        (outer ??= []).push(depth, kind);
        kind = PARENS;
        depth = 1;
        i += 2;
        continue;
      } else if (c === 96 /* ` */) { i = after(s, '`', i + 1, to); continue; }
      i++;
      continue;
    }
    if (c === 36 /* $ */ && codeAt(s, i + 1, to) === 39 /* ' */) { i = Math.min(ansiCClose(s, i + 2, to) + 1, to); continue; }
    if (c === 39 /* ' */) { i = after(s, "'", i + 1, to); continue; }
    if (c === 34 /* " */) {
      (outer ??= []).push(depth, kind);
      kind = DOUBLE;
      i++;
      continue;
    }
    if (kind === PARENS) {
      if (c === 96 /* ` */) { i = after(s, '`', i + 1, to); continue; }
      if (c === 40 /* ( */) depth++;
      else if (c === 41 /* ) */ && --depth === 0) {
        if (outer === null || outer.length === 0) return i + 1;
        kind = outer.pop()!;
        depth = outer.pop()!;
      }
    } else if (c === 123 /* { */) depth++;
    else if (c === 125 /* } */ && --depth === 0) {
      if (outer === null || outer.length === 0) return i + 1;
      kind = outer.pop()!;
      depth = outer.pop()!;
    }
    i++;
  }
  return to;
}

/** Index just past the `)` matching an opening `(` whose contents start at i. */
const skipParens = (s: string, i: number, to: number): number => skipNested(s, i, to, PARENS);
/** Index just past the closing `"` of a double-quoted string whose contents start at i. */
const skipDouble = (s: string, i: number, to: number): number => skipNested(s, i, to, DOUBLE);
const skipBraces = (s: string, i: number, to: number): number => skipNested(s, i, to, BRACES);

/** `\\` escapes these inside double quotes: `$ \` " \\ newline`. */
const escapableInDouble = (c: number): boolean => c === 36 || c === 96 || c === 34 || c === 92 || c === 10;

export class Lexer {
  /** The whole text; this lexer reads it up to `to`. */
  private readonly text: string;
  private readonly to: number;
  private pos: number;

  /** The current token. */
  start = 0;
  end = 0;
  /** Operator of an OP_TOKEN. */
  op = '';
  /** Word value (quotes and escapes removed), raw text, and whether it has an expansion. */
  value = '';
  raw = '';
  expands = false;
  /** Inner ranges of `$(...)` and backtick substitutions of all words read, as start/end pairs. */
  readonly subs: number[] = [];

  constructor(s: string, from: number, to: number) {
    this.text = s;
    this.to = to;
    this.pos = from;
  }

  /** Read the next token into the fields; returns its kind. */
  next(): number {
    const i = this.skipGap();
    if (i >= this.to) return END;
    if (classOf(this.text.charCodeAt(i)) === OP) {
      const op = opAt(this.text, i, this.to);
      this.op = op;
      this.start = i;
      this.end = this.pos = i + op.length;
      return OP_TOKEN;
    }
    this.word(i);
    return WORD;
  }

  /** Skip the next token, forgetting any substitutions in it. */
  skip(): void {
    const mark = this.subs.length;
    this.next();
    this.subs.length = mark;
  }

  /** If the next token is the one-character operator with code `c`, skip it. */
  skipOp(c: number): boolean {
    const i = this.skipGap();
    if (i >= this.to || this.text.charCodeAt(i) !== c) return false;
    this.pos = i + 1;
    return true;
  }

  /** If the next two tokens are `(` and `)` (as in `name() {`), skip them. */
  skipEmptyParens(): boolean {
    if (!this.skipOp(40 /* ( */)) return false; // (moving past a gap changes no token)
    const open = this.pos - 1;
    if (this.skipOp(41 /* ) */)) return true;
    this.pos = open;
    return false;
  }

  /** Whether the next token is a word. */
  wordNext(): boolean {
    const i = this.skipGap();
    return i < this.to && classOf(this.text.charCodeAt(i)) !== OP;
  }

  /** Whether a redirection operator starts right where the current token ends (`2>`, `1>&2`). */
  redirectFollows(): boolean {
    const c = codeAt(this.text, this.end, this.to);
    return c === 60 /* < */ || c === 62 /* > */ || (c === 38 /* & */ && codeAt(this.text, this.end + 1, this.to) === 62);
  }

  /**
   * Move past blanks, line continuations and comments (a `#` that starts a token runs to the end
   * of the line; a `#` inside a word is plain); returns the new position.
   */
  private skipGap(): number {
    const text = this.text;
    const to = this.to;
    let i = this.pos;
    while (i < to) {
      const code = text.charCodeAt(i);
      if (code < 128 && CLASS[code] === BLANK) { i++; continue; }
      if (code === 92 /* \\ */ && codeAt(text, i + 1, to) === 10 /* \n */) { i += 2; continue; }
      if (code !== 35 /* # */) break;
      const nl = text.indexOf('\n', i);
      i = nl < 0 || nl > to ? to : nl;
    }
    this.pos = i;
    return i;
  }

  /** Read the word at `i` (a character that is neither blank nor an operator). */
  private word(i: number): void {
    const text = this.text;
    const to = this.to;
    let j = i;
    while (j < to) {
      const c = text.charCodeAt(j);
      if (c < 128 && CLASS[c] !== 0) break;
      j++;
    }
    // (Past a plain run comes an ASCII character with a class.)
    if (j < to && CLASS[text.charCodeAt(j)] === SPECIAL) {
      this.mixedWord(i, j);
      return;
    }
    // One run of plain characters (most words are): its raw text is its value.
    const value = text.slice(i, j);
    this.start = i;
    this.end = this.pos = j;
    this.value = value;
    this.raw = value;
    this.expands = false;
  }

  /**
   * The word at `start` with quotes, escapes or expansions, the first of them at `i`. Expansions
   * stay as written: up to the first quote or escape the value is the raw text, built only then.
   */
  private mixedWord(start: number, i: number): void {
    const text = this.text;
    const to = this.to;
    let verbatim = true;
    let value = ''; // once not verbatim
    let expands = false;
    while (i < to) {
      // A run of plain characters is taken as it is.
      let j = i;
      while (j < to) {
        const c = text.charCodeAt(j);
        if (c < 128 && CLASS[c] !== 0) break;
        j++;
      }
      if (j > i) {
        if (!verbatim) value += text.slice(i, j);
        i = j;
        if (i >= to) break;
      }
      // The run stopped at an ASCII character with a class: blanks and operators end the word
      // (an fd prefix such as the `2` of `2>&1` is told apart by the parser).
      const code = text.charCodeAt(i);
      if (CLASS[code] !== SPECIAL) break;
      if ((code === 36 /* $ */ && codeAt(text, i + 1, to) !== 39 /* ' */) || code === 96 /* ` */) {
        expands = true;
        const end = code === 96 ? this.backtickEnd(i) : this.expansionEnd(i);
        if (!verbatim) value += text.slice(i, end);
        i = end;
        continue;
      }
      if (verbatim) {
        verbatim = false;
        value = text.slice(start, i);
      }
      switch (code) {
        case 92 /* \\ */:
          if (i + 1 < to && text.charCodeAt(i + 1) !== 10 /* \n: a line continuation */) value += text[i + 1];
          i += 2;
          break;
        case 39 /* ' */: {
          const q = text.indexOf("'", i + 1);
          const end = q < 0 || q >= to ? to : q;
          value += text.slice(i + 1, end);
          i = end + 1;
          break;
        }
        case 34 /* " */: {
          let end = this.plainDouble(value, i);
          if (end < 0) {
            end = skipDouble(text, i + 1, to);
            this.value = this.double(value, i, end);
          }
          value = this.value;
          if (this.expands) expands = true;
          i = end;
          break;
        }
        default:
          i = this.ansiC(i);
          value += this.value;
      }
    }
    this.start = start;
    this.end = this.pos = i;
    // (An escape or a quote left open at the end can take i one past `to`.)
    const raw = text.slice(start, i > to ? to : i);
    this.value = verbatim ? raw : value;
    this.raw = raw;
    this.expands = expands;
  }

  /** The end of the expansion at `i`: `$(...)`, `$((...))`, `${...}` or a lone `$` (before a name). */
  private expansionEnd(i: number): number {
    const text = this.text;
    const to = this.to;
    const n = codeAt(text, i + 1, to);
    if (n === 40 /* ( */) {
      const arith = codeAt(text, i + 2, to) === 40;
      const end = skipParens(text, i + 2, to);
      if (!arith) this.subs.push(i + 2, end - 1);
      return end;
    }
    if (n === 123 /* { */) return skipBraces(text, i + 2, to);
    return i + 1;
  }

  /** The end of the backtick substitution at `i`. */
  private backtickEnd(i: number): number {
    const end = after(this.text, '`', i + 1, this.to);
    this.subs.push(i + 1, Math.max(i + 1, end - 1));
    return end;
  }

  /**
   * The double-quoted string at `q` when it is closed and has no `$(` or backtick (most are):
   * sets `this.value` to `value` plus its contents and `this.expands`; returns the index after
   * it, or -1 for the general path (one scan instead of skipDouble's and double's).
   */
  private plainDouble(value: string, q: number): number {
    const text = this.text;
    const to = this.to;
    let expands = false;
    let run = q + 1; // start of the characters not yet added to value
    let k = run;
    while (k < to) {
      const c = text.charCodeAt(k);
      if (c === 34 /* " */) {
        this.value = value + text.slice(run, k);
        this.expands = expands;
        return k + 1;
      }
      if (c === 92 /* \\ */) {
        if (k + 1 >= to) return -1;
        const n = text.charCodeAt(k + 1);
        if (escapableInDouble(n)) {
          value += text.slice(run, k);
          if (n !== 10) value += text[k + 1];
          run = k + 2;
        }
        // (Otherwise the backslash stays, and the next character is plain.)
        k += 2;
        continue;
      }
      if (c === 36 /* $ */) {
        if (k + 1 < to && text.charCodeAt(k + 1) === 40 /* ( */) return -1;
        expands = true;
      } else if (c === 96 /* ` */) return -1;
      k++;
    }
    return -1;
  }

  /**
   * `value` plus the contents of the double-quoted string from `q` (the quote) to `end` (just past
   * its closing quote, or the end of the text). Sets `this.expands`.
   */
  private double(value: string, q: number, end: number): string {
    const text = this.text;
    const inner = text.slice(q + 1, text.charCodeAt(end - 1) === 34 /* " */ ? end - 1 : end);
    let expands = false;
    for (let k = 0; k < inner.length; k++) {
      // Characters other than `\\`, `$` and a backtick are kept as they are.
      let m = k;
      while (m < inner.length) {
        const cc = inner.charCodeAt(m);
        if (cc === 92 /* \\ */ || cc === 36 /* $ */ || cc === 96 /* ` */) break;
        m++;
      }
      if (m > k) {
        value += inner.slice(k, m);
        k = m;
        if (k >= inner.length) break;
      }
      const d = inner.charCodeAt(k);
      if (d === 92 /* \\ */ && k + 1 < inner.length && escapableInDouble(inner.charCodeAt(k + 1))) {
        if (inner.charCodeAt(k + 1) !== 10) value += inner[k + 1];
        k++;
        continue;
      }
      if (d !== 92) {
        expands = true;
        // A command substitution is taken whole: its inside is its own script (parsed from `subs`),
        // and substitutions nested in it belong to that script, not to this string.
        if (d === 36 /* $ */ && codeAt(inner, k + 1, inner.length) === 40 /* ( */ && codeAt(inner, k + 2, inner.length) !== 40) {
          const close = skipParens(inner, k + 2, inner.length);
          this.subs.push(q + 1 + k + 2, q + 1 + close - 1);
          value += inner.slice(k, close);
          k = close - 1;
          continue;
        }
      }
      value += inner[k];
    }
    this.expands = expands;
    return value;
  }

  /** The ANSI-C quoted string `$'...'` at `i`: sets `this.value` to its contents; returns the index after it. */
  private ansiC(i: number): number {
    const text = this.text;
    const end = ansiCClose(text, i + 2, this.to);
    this.value = text.slice(i + 2, end).replace(/\\(.)/g, (_m, x: string) => (x === 'n' ? '\n' : x === 't' ? '\t' : x));
    return end + 1;
  }
}
