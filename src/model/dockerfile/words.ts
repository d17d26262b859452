import type { LogicalText } from '../logical.js';
import type { Flag, KeyValue, Word } from './types.js';

/** Space, tab, newline or carriage return: the separators of splitWords. */
const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** Logical-offset word, before mapping to the source. */
export interface LWord {
  value: string;
  raw: string;
  start: number;
  end: number;
}

/**
 * Split Dockerfile arguments into words the way BuildKit's lexer does for ENV/LABEL/COPY...:
 * whitespace separates, quotes group, the escape character escapes outside single quotes.
 * With `stopAfter`, splitting ends after the first word it accepts.
 */
export function splitWords(s: string, from: number, escape: string, quotesGroup = true, stopAfter?: (w: LWord) => boolean): LWord[] {
  const out: LWord[] = [];
  const n = s.length;
  const esc = escape.charCodeAt(0);
  let i = from;
  while (i < n) {
    while (i < n && isBlank(s.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    let value = '';
    // One run of plain characters (most words): the raw text is the value, no second slice.
    let plain = true;
    while (i < n) {
      // A run of characters without special meaning is taken as it is (most words are nothing else).
      // (Never reads past the end: charCodeAt there gives NaN, which makes V8 treat `c` as a double.)
      let j = i;
      while (j < n) {
        const c = s.charCodeAt(j);
        if (isBlank(c) || c === 34 || c === 39 || c === esc) break;
        j++;
      }
      if (j > i) {
        value += s.slice(i, j);
        i = j;
        if (i >= n) break;
      }
      const c = s[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') break;
      plain = false;
      if (c === escape && i + 1 < s.length) { value += s[i + 1]; i += 2; continue; }
      if (!quotesGroup && (c === '"' || c === "'")) {
        // BuildKit splits these instructions on whitespace first; quotes only act inside one word.
        const close = s.indexOf(c, i + 1);
        let tokenEnd = i + 1;
        while (tokenEnd < s.length && !/\s/.test(s[tokenEnd])) tokenEnd++;
        if (close < 0 || close >= tokenEnd) { value += s.slice(i, tokenEnd); i = tokenEnd; continue; }
      }
      if (c === "'") {
        const j = s.indexOf("'", i + 1);
        const end = j < 0 ? s.length : j;
        value += s.slice(i + 1, end);
        i = end + 1;
        continue;
      }
      if (c === '"') {
        i++;
        while (i < s.length && s[i] !== '"') {
          if (s[i] === escape && i + 1 < s.length && (s[i + 1] === '"' || s[i + 1] === escape || s[i + 1] === '$')) {
            value += s[i + 1] === '$' ? '\\$' : s[i + 1];
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
    i = Math.min(i, s.length);
    const w = { value, raw: plain ? value : s.slice(start, i), start, end: i };
    out.push(w);
    if (stopAfter?.(w)) break;
  }
  return out;
}

export function toWord(w: LWord, text: LogicalText): Word {
  return { value: w.value, raw: w.raw, start: text.toSource(w.start), end: text.toSourceEnd(w.end) };
}

/** Is this word a `--flag[=value]` (as parseFlags reads them)? */
export const isFlagWord = (w: LWord): boolean => w.raw.startsWith('--') && w.raw.length >= 3;

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
    while (vEnd > vStart && /\s/.test(s[vEnd - 1])) vEnd--;
    const value = words.slice(1).map((w) => w.value).join(' ');
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
  return {
    key,
    value,
    keySpan: { start: text.toSource(w.start), end: text.toSourceEnd(w.start + eq) },
    valueSpan: hasValue ? { start: text.toSource(w.start + eq + 1), end: text.toSourceEnd(w.end) } : { start: text.toSourceEnd(w.end), end: text.toSourceEnd(w.end) },
    span: { start: text.toSource(w.start), end: text.toSourceEnd(w.end) },
    hasValue,
  };
}
