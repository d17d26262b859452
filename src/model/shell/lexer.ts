/** A tolerant POSIX-shell lexer: words (with quote removal) and operators, in logical offsets. */

export interface WordToken {
  kind: 'word';
  start: number;
  end: number;
  value: string;
  raw: string;
  expands: boolean;
  /** Inner ranges of `$(...)` and backtick substitutions, for nested parsing. */
  subs: Array<[number, number]>;
}

export interface OpToken {
  kind: 'op';
  op: string;
  start: number;
  end: number;
}

export type Token = WordToken | OpToken;

/**
 * The operator at `i` (whose first character has class OP), longest match first, out of
 * `&>> <<< <<- && || |& ;; ;& &> << <& <> >> >& >| & | ; ( ) < > \n`.
 */
function opAt(text: string, i: number): string {
  const c = text[i];
  const n = text[i + 1];
  switch (c) {
    case '&':
      if (n === '>') return text[i + 2] === '>' ? '&>>' : '&>';
      return n === '&' ? '&&' : '&';
    case '<':
      if (n === '<') {
        const n2 = text[i + 2];
        return n2 === '<' ? '<<<' : n2 === '-' ? '<<-' : '<<';
      }
      return n === '&' ? '<&' : n === '>' ? '<>' : '<';
    case '>':
      return n === '>' ? '>>' : n === '&' ? '>&' : n === '|' ? '>|' : '>';
    case '|':
      return n === '|' ? '||' : n === '&' ? '|&' : '|';
    case ';':
      return n === ';' ? ';;' : n === '&' ? ';&' : ';';
    default:
      return c; // ( ) \n
  }
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

/** Index just past the `)` matching an opening `(` whose contents start at i. */
function skipParens(s: string, i: number): number {
  let depth = 1;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') { i += 2; continue; }
    if (c === "'") { const j = s.indexOf("'", i + 1); i = j < 0 ? s.length : j + 1; continue; }
    if (c === '"') { i = skipDouble(s, i + 1); continue; }
    if (c === '`') { const j = s.indexOf('`', i + 1); i = j < 0 ? s.length : j + 1; continue; }
    if (c === '(') depth++;
    else if (c === ')') { depth--; if (depth === 0) return i + 1; }
    i++;
  }
  return s.length;
}

/** Index just past the closing `"` of a double-quoted string whose contents start at i. */
function skipDouble(s: string, i: number): number {
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') { i += 2; continue; }
    if (c === '"') return i + 1;
    if (c === '$' && s[i + 1] === '(') { i = skipParens(s, i + 2); continue; }
    if (c === '`') { const j = s.indexOf('`', i + 1); i = j < 0 ? s.length : j + 1; continue; }
    i++;
  }
  return s.length;
}

function skipBraces(s: string, i: number): number {
  let depth = 1;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') { i += 2; continue; }
    if (c === "'") { const j = s.indexOf("'", i + 1); i = j < 0 ? s.length : j + 1; continue; }
    if (c === '"') { i = skipDouble(s, i + 1); continue; }
    if (c === '{') depth++;
    else if (c === '}') { depth--; if (depth === 0) return i + 1; }
    i++;
  }
  return s.length;
}

// Shared by every word without substitutions (most of them): never modified.
const NO_SUBS: Array<[number, number]> = [];

export function lex(s: string, from = 0, to = s.length): Token[] {
  const out: Token[] = [];
  let i = from;
  const text = to === s.length ? s : s.slice(0, to);
  while (i < to) {
    // Character codes, not one-character strings: this loop sees every character outside words.
    const code = text.charCodeAt(i);
    const cls = classOf(code);
    if (cls === BLANK) { i++; continue; }
    if (code === 92 /* \\ */ && text.charCodeAt(i + 1) === 10 /* \n */) { i += 2; continue; }
    if (code === 35 /* # */) {
      // A comment runs to the end of the line (a `#` inside a word is handled below).
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? to : nl;
      continue;
    }
    if (cls === OP) {
      const op = opAt(text, i);
      out.push({ kind: 'op', op, start: i, end: i + op.length });
      i += op.length;
      continue;
    }
    // A word.
    const start = i;
    let value = '';
    let expands = false;
    let subs: Array<[number, number]> | undefined;
    // A word that is one run of plain characters (most are) has its raw text as its value: no second slice.
    let plain = true;
    while (i < to) {
      // A run of plain characters is taken as it is.
      // (Never reads past `to`: charCodeAt there gives NaN, which makes V8 treat `c` as a double.)
      let j = i;
      while (j < to) {
        const c = text.charCodeAt(j);
        if (c < 128 && CLASS[c] !== 0) break;
        j++;
      }
      if (j > i) {
        value += text.slice(i, j);
        i = j;
        if (i >= to) break;
      }
      const chCls = classOf(text.charCodeAt(i));
      if (chCls === BLANK || chCls === OP) {
        // fd prefix of a redirection (`2>&1`) stays with the operator: emit digits as part of op.
        break;
      }
      plain = false;
      const ch = text[i];
      if (ch === '\\') {
        if (text[i + 1] === '\n') { i += 2; continue; }
        if (i + 1 < to) value += text[i + 1];
        i += 2;
        continue;
      }
      if (ch === "'") {
        const j = text.indexOf("'", i + 1);
        const end = j < 0 || j >= to ? to : j;
        value += text.slice(i + 1, end);
        i = end + 1;
        continue;
      }
      if (ch === '"') {
        const end = Math.min(skipDouble(text, i + 1), to);
        const inner = text.slice(i + 1, text[end - 1] === '"' ? end - 1 : end);
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
          const d = inner[k];
          if (d === '\\' && k + 1 < inner.length && '$`"\\\n'.includes(inner[k + 1])) {
            if (inner[k + 1] !== '\n') value += inner[k + 1];
            k++;
            continue;
          }
          if (d === '$' || d === '`') expands = true;
          if (d === '$' && inner[k + 1] === '(' && inner[k + 2] !== '(') {
            const close = skipParens(inner, k + 2);
            (subs ??= []).push([i + 1 + k + 2, i + 1 + close - 1]);
          }
          value += d;
        }
        i = end;
        continue;
      }
      if (ch === '$') {
        const n = text[i + 1];
        if (n === "'") {
          const j = text.indexOf("'", i + 2);
          const end = j < 0 || j >= to ? to : j;
          value += text.slice(i + 2, end).replace(/\\(.)/g, (_m, x: string) => (x === 'n' ? '\n' : x === 't' ? '\t' : x));
          i = end + 1;
          continue;
        }
        expands = true;
        if (n === '(') {
          const arith = text[i + 2] === '(';
          const end = Math.min(skipParens(text, i + 2), to);
          if (!arith) (subs ??= []).push([i + 2, end - 1]);
          value += text.slice(i, end);
          i = end;
          continue;
        }
        if (n === '{') {
          const end = Math.min(skipBraces(text, i + 2), to);
          value += text.slice(i, end);
          i = end;
          continue;
        }
        value += ch;
        i++;
        continue;
      }
      if (ch === '`') {
        expands = true;
        const j = text.indexOf('`', i + 1);
        const end = j < 0 || j >= to ? to : j + 1;
        (subs ??= []).push([i + 1, Math.max(i + 1, end - 1)]);
        value += text.slice(i, end);
        i = end;
        continue;
      }
      value += ch;
      i++;
    }
    if (i === start) { i++; continue; }
    out.push({ kind: 'word', start, end: i, value, raw: plain ? value : text.slice(start, i), expands, subs: subs ?? NO_SUBS });
  }
  return out;
}
