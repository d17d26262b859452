import type { LogicalText } from '../logical.js';
import type { Flag, KeyValue, Word } from './types.js';

/** Space, tab, newline or carriage return: the separators of splitWords. */
const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** Is the character at `i` whitespace (`/\s/`)? ASCII is decided without the regex. */
export function isSpaceAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  // ASCII whitespace: space, and \t \n \v \f \r (9 to 13).
  if (c < 127) return c === 32 || (c >= 9 && c <= 13);
  return /\s/.test(s[i]);
}

/**
 * The end of the run of characters at `i` without special meaning to splitWords (not a blank, a
 * quote or the escape `esc`). Never reads past `n`: charCodeAt there gives NaN, which makes V8
 * treat `c` as a double.
 */
function skipPlain(s: string, i: number, n: number, esc: number): number {
  while (i < n) {
    const c = s.charCodeAt(i);
    // Blanks and quotes are all at most `'` (39), the escape (\ or `) above: most characters are
    // decided by one comparison.
    if (c <= 39 ? isBlank(c) || c === 34 || c === 39 : c === esc) break;
    i++;
  }
  return i;
}

/** Logical-offset word, before mapping to the source. */
export interface LWord {
  value: string;
  raw: string;
  start: number;
  end: number;
}

/**
 * Split Dockerfile arguments, s[from, end), into words the way BuildKit's lexer does for ENV/LABEL/COPY...:
 * whitespace separates, quotes group, the escape character escapes outside single quotes.
 * Offsets are relative to `from` (as if splitting s.slice(from, end), without making the slice:
 * a one-line instruction is split in place in the file's text, which V8 reads faster than a slice).
 * With `untilNonFlag`, splitting ends after the first word that is not a `--flag`.
 */
export function splitWords(s: string, from: number, end: number, escape: string, quotesGroup = true, untilNonFlag = false): LWord[] {
  const out: LWord[] = [];
  const n = end;
  const esc = escape.charCodeAt(0);
  let i = from;
  while (i < n) {
    while (i < n && isBlank(s.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    // Most words are one run of plain characters: the raw text is the value.
    const plainEnd = skipPlain(s, i, n, esc);
    if (plainEnd >= n || isBlank(s.charCodeAt(plainEnd))) {
      const raw = s.slice(start, plainEnd);
      const w = { value: raw, raw, start: start - from, end: plainEnd - from };
      out.push(w);
      i = plainEnd;
      if (untilNonFlag && !isFlagWord(w)) break;
      continue;
    }
    // Otherwise a quote or the escape follows: build the value piece by piece.
    let value = s.slice(start, plainEnd);
    i = plainEnd;
    // The first whitespace after a quote (kept: a word with many quotes, `["a","b"]`, would be scanned once per quote).
    let tokenEnd = -1;
    while (i < n) {
      // A run of characters without special meaning is taken as it is.
      const j = skipPlain(s, i, n, esc);
      if (j > i) {
        value += s.slice(i, j);
        i = j;
        if (i >= n) break;
      }
      const c = s[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') break;
      if (c === escape && i + 1 < n) { value += s[i + 1]; i += 2; continue; }
      if (!quotesGroup && (c === '"' || c === "'")) {
        // BuildKit splits these instructions on whitespace first; quotes only act inside one word.
        const close = s.indexOf(c, i + 1);
        if (tokenEnd < i + 1) {
          tokenEnd = i + 1;
          while (tokenEnd < n && !isSpaceAt(s, tokenEnd)) tokenEnd++;
        }
        if (close < 0 || close >= tokenEnd) { value += s.slice(i, tokenEnd); i = tokenEnd; continue; }
      }
      if (c === "'") {
        const j = s.indexOf("'", i + 1);
        const close = j < 0 || j >= n ? n : j;
        value += s.slice(i + 1, close);
        i = close + 1;
        continue;
      }
      if (c === '"') {
        i++;
        while (i < n) {
          // Runs of characters up to the closing quote or an escape are taken whole (a string
          // grown one character at a time costs an allocation per character).
          let k = i;
          while (k < n) {
            const d = s.charCodeAt(k);
            if (d === 34 || d === esc) break;
            k++;
          }
          if (k > i) {
            value += s.slice(i, k);
            i = k;
          }
          if (i >= n || s.charCodeAt(i) === 34) break;
          const next = s[i + 1];
          if (i + 1 < n && (next === '"' || next === escape || next === '$')) {
            value += next === '$' ? '\\$' : next;
            i += 2;
            continue;
          }
          value += s[i++];
        }
        i++;
        continue;
      }
      value += c;
      i++;
    }
    i = Math.min(i, n);
    const w = { value, raw: s.slice(start, i), start: start - from, end: i - from };
    out.push(w);
    if (untilNonFlag && !isFlagWord(w)) break;
  }
  return out;
}

/**
 * Map words to the source: their logical offsets become source offsets, in place (an LWord has a
 * Word's shape, and no one reads its logical offsets after this: one object per word, not two).
 */
export function placeWords(words: LWord[], text: LogicalText): Word[] {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const start = text.toSource(w.start);
    w.end = text.toSourceEnd(w.end);
    w.start = start;
  }
  return words;
}

/** Is this word a `--flag[=value]` (as parseFlags reads them)? */
export const isFlagWord = (w: LWord): boolean => {
  // (By code: this is asked of the first word of every instruction.)
  const r = w.raw;
  return r.length >= 3 && r.charCodeAt(0) === 45 && r.charCodeAt(1) === 45;
};

/** Parse leading `--flag[=value]` words. Returns flags and the logical offset where the rest begins. */
export function parseFlags(text: LogicalText, words: LWord[]): { flags: Flag[]; rest: number; consumed: number } {
  const flags: Flag[] = [];
  let n = 0;
  for (const w of words) {
    if (!isFlagWord(w)) break;
    const eq = w.value.indexOf('=');
    const name = (eq < 0 ? w.value.slice(2) : w.value.slice(2, eq)).toLowerCase();
    const value = eq < 0 ? null : w.value.slice(eq + 1);
    const rawEq = w.raw.indexOf('=');
    const valueSpan = rawEq < 0 ? null : { start: text.toSource(w.start + rawEq + 1), end: text.toSourceEnd(w.end) };
    let options: Map<string, string> | null = null;
    if (name === 'mount' && value !== null) {
      options = new Map();
      for (const part of value.split(',')) {
        const p = part.indexOf('=');
        const k = (p < 0 ? part : part.slice(0, p)).trim().toLowerCase();
        if (k) options.set(k, p < 0 ? 'true' : part.slice(p + 1).trim());
      }
      if (!options.has('type')) options.set('type', 'bind');
    }
    flags.push({ name, value, valueSpan, options, start: text.toSource(w.start), end: text.toSourceEnd(w.end) });
    n++;
  }
  const rest = n < words.length ? words[n].start : text.text.length;
  return { flags, rest, consumed: n };
}

/** Parse `k=v k2="v 2"` pairs (ENV, LABEL, ARG) or the legacy `ENV key value` form. */
export function parsePairs(keyword: string, text: LogicalText, words: LWord[], rest: number): { pairs: KeyValue[]; error: string | null } {
  const pairs: KeyValue[] = [];
  const s = text.text;
  if (words.length === 0) return { pairs, error: null };
  const legacy = keyword !== 'ARG' && !words[0].raw.includes('=');
  if (legacy) {
    const k = words[0];
    if (words.length < 2) return { pairs: [pairFrom(text, k, k.raw.length, false)], error: `${keyword} needs a value: ${keyword} ${k.value} <value> or ${keyword} ${k.value}=<value>` };
    const vStart = words[1].start;
    let vEnd = s.length;
    while (vEnd > vStart && isSpaceAt(s, vEnd - 1)) vEnd--;
    const values: string[] = [];
    for (let i = 1; i < words.length; i++) values.push(words[i].value);
    const value = values.join(' ');
    pairs.push({
      key: k.value,
      value,
      keySpan: { start: text.toSource(k.start), end: text.toSourceEnd(k.end) },
      valueSpan: { start: text.toSource(vStart), end: text.toSourceEnd(vEnd) },
      span: { start: text.toSource(k.start), end: text.toSourceEnd(vEnd) },
      hasValue: true,
    });
    void rest;
    return { pairs, error: null };
  }
  let error: string | null = null;
  for (const w of words) {
    const eq = w.raw.indexOf('=');
    if (eq < 0) {
      if (keyword === 'ARG') { pairs.push(pairFrom(text, w, w.raw.length, false)); continue; }
      error = `${keyword} expects key=value pairs; "${w.raw}" has no "="`;
      continue;
    }
    pairs.push(pairFrom(text, w, eq, true));
  }
  return { pairs, error };
}

function pairFrom(text: LogicalText, w: LWord, eq: number, hasValue: boolean): KeyValue {
  const veq = hasValue ? w.value.indexOf('=') : -1;
  const key = hasValue ? w.value.slice(0, veq < 0 ? eq : veq) : w.value;
  const value = hasValue ? w.value.slice((veq < 0 ? eq : veq) + 1) : '';
  const start = text.toSource(w.start);
  const end = text.toSourceEnd(w.end);
  return {
    key,
    value,
    keySpan: { start, end: text.toSourceEnd(w.start + eq) },
    valueSpan: hasValue ? { start: text.toSource(w.start + eq + 1), end } : { start: end, end },
    span: { start, end },
    hasValue,
  };
}

/**
 * Read `["a", "b\n"]`, a JSON array of strings, from s[start, end), accepting exactly what JSON.parse
 * accepts there (JSON whitespace and escapes only) but without it: a shell-form line that merely
 * starts with `[` (`RUN [Net.ServicePointManager]::...`) makes JSON.parse throw, and a throw costs
 * microseconds. Returns the strings and, flat, each literal's [opening quote, past closing quote).
 */
export function readJsonStrings(s: string, start: number, end: number): { values: string[]; bounds: number[] } | null {
  if (start >= end || s.charCodeAt(start) !== 91) return null;
  const values: string[] = [];
  const bounds: number[] = [];
  let i = skipJsonSpace(s, start + 1, end);
  if (i < end && s.charCodeAt(i) === 93) i++;
  else {
    for (;;) {
      if (i >= end || s.charCodeAt(i) !== 34) return null;
      const open = i;
      i++;
      let value = '';
      let run = i;
      for (;;) {
        if (i >= end) return null;
        const c = s.charCodeAt(i);
        if (c === 34) break;
        if (c < 32) return null;
        if (c !== 92) { i++; continue; }
        value += s.slice(run, i);
        if (i + 1 >= end) return null;
        const e = s.charCodeAt(i + 1);
        if (e === 117) {
          if (i + 6 > end || !isHex4(s, i + 2)) return null;
          value += String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          const d = jsonEscape(e);
          if (d === null) return null;
          value += d;
          i += 2;
        }
        run = i;
      }
      value += s.slice(run, i);
      i++;
      values.push(value);
      bounds.push(open, i);
      i = skipJsonSpace(s, i, end);
      if (i < end && s.charCodeAt(i) === 44) { i = skipJsonSpace(s, i + 1, end); continue; }
      if (i < end && s.charCodeAt(i) === 93) { i++; break; }
      return null;
    }
  }
  return skipJsonSpace(s, i, end) === end ? { values, bounds } : null;
}

function skipJsonSpace(s: string, i: number, end: number): number {
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    i++;
  }
  return i;
}

function isHex4(s: string, i: number): boolean {
  for (let k = i; k < i + 4; k++) {
    const c = s.charCodeAt(k);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/** The character a one-letter JSON escape (`\n`, `\"`...) stands for, or null. */
function jsonEscape(c: number): string | null {
  switch (c) {
    case 34: return '"';
    case 92: return '\\';
    case 47: return '/';
    case 98: return '\b';
    case 102: return '\f';
    case 110: return '\n';
    case 114: return '\r';
    case 116: return '\t';
    default: return null;
  }
}
