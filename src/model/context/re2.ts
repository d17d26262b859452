/**
 * Translates the RE2 (Go `regexp`) source that Docker builds from an ignore pattern into an
 * equivalent JavaScript RegExp. Docker inserts the user's `[`, `]` and `\x` verbatim into the
 * regular expression, so their meaning is RE2's, not glob's: `[*]` becomes `[[^/]*]`, a class of
 * `[`, `^` and `/` repeated, then a literal `]`. Translating the RE2 text (instead of the glob)
 * keeps those corner cases exact. Throws Re2Error where Go's `regexp.Compile` fails.
 */

import type { Atom } from '../../match-atoms.js';
import { table } from '../../table.js';

export class Re2Error extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Re2Error';
  }
}

const isAsciiAlnum = (c: string) => /^[0-9A-Za-z]$/.test(c);
const hex = (cp: number) => `\\u{${cp.toString(16)}}`;

/** RE2's Perl classes (ASCII) as JS class bodies. */
const PERL = table<string>({
  d: '0-9',
  s: '\\t\\n\\f\\r ',
  w: '0-9A-Za-z_',
});
/** POSIX classes (ASCII) as JS class bodies. */
const POSIX = table<string>({
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\u{0}-\\u{7f}',
  blank: '\\t ',
  cntrl: '\\u{0}-\\u{1f}\\u{7f}',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`\\{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
});

/**
 * The complement of an ASCII class body, as a JS class body: RE2 allows negated classes inside a
 * class (`[[:^alpha:]]`, `[\S]`), where JS has no way to write them (`\S` is not RE2's: JS's is Unicode).
 */
function complement(body: string): string {
  const member = new RegExp(`[${body}]`, 'u');
  const out: string[] = [];
  let start = -1;
  for (let cp = 0; cp <= 0x80; cp++) {
    const outside = cp === 0x80 || !member.test(String.fromCodePoint(cp));
    if (outside && start < 0) start = cp;
    if (!outside && start >= 0) {
      out.push(start === cp - 1 ? hex(start) : `${hex(start)}-${hex(cp - 1)}`);
      start = -1;
    }
  }
  out.push(`${hex(start)}-${hex(0x10ffff)}`);
  return out.join('');
}

interface Escape {
  /** A single code point, or a class body (for \d, \pL ...), or an assertion. */
  kind: 'char' | 'class' | 'assert';
  cp?: number;
  body?: string;
  negated?: boolean;
  js?: string;
  len: number;
}

function unicodeClass(name: string, negated: boolean): string {
  // RE2 accepts general categories (L, Lu, ...) and script names (Greek, Latin, ...).
  for (const candidate of [`\\p{${name}}`, `\\p{Script=${name}}`]) {
    try {
      new RegExp(candidate, 'u');
      return negated ? candidate.replace('\\p', '\\P') : candidate;
    } catch {
      /* try the next form */
    }
  }
  throw new Re2Error(`invalid character class range: \\p{${name}}`);
}

/** Parses the escape at src[i] === '\\'. */
function parseEscape(src: string, i: number, inClass: boolean): Escape {
  const c = src[i + 1];
  if (c === undefined) throw new Re2Error('trailing backslash at end of expression');
  if (c.charCodeAt(0) < 0x80 && !isAsciiAlnum(c)) return { kind: 'char', cp: c.charCodeAt(0), len: 2 };
  switch (c) {
    case 'a': return { kind: 'char', cp: 7, len: 2 };
    case 'f': return { kind: 'char', cp: 12, len: 2 };
    case 'n': return { kind: 'char', cp: 10, len: 2 };
    case 'r': return { kind: 'char', cp: 13, len: 2 };
    case 't': return { kind: 'char', cp: 9, len: 2 };
    case 'v': return { kind: 'char', cp: 11, len: 2 };
    case 'd': case 's': case 'w':
      return { kind: 'class', body: PERL[c], negated: false, len: 2 };
    case 'D': case 'S': case 'W':
      return { kind: 'class', body: PERL[c.toLowerCase()], negated: true, len: 2 };
    case 'p': case 'P': {
      const negated = c === 'P';
      if (src[i + 2] === '{') {
        const close = src.indexOf('}', i + 3);
        if (close < 0) throw new Re2Error('invalid character class range');
        let name = src.slice(i + 3, close);
        let neg = negated;
        if (name.startsWith('^')) { neg = !neg; name = name.slice(1); }
        return { kind: 'class', js: unicodeClass(name, neg), len: close - i + 1 };
      }
      const name = src[i + 2];
      if (name === undefined) throw new Re2Error('invalid character class range');
      return { kind: 'class', js: unicodeClass(name, negated), len: 3 };
    }
    case 'x': {
      if (src[i + 2] === '{') {
        const close = src.indexOf('}', i + 3);
        const digits = close < 0 ? '' : src.slice(i + 3, close);
        if (!/^[0-9A-Fa-f]+$/.test(digits) || parseInt(digits, 16) > 0x10ffff) throw new Re2Error('invalid escape sequence');
        return { kind: 'char', cp: parseInt(digits, 16), len: close - i + 1 };
      }
      const digits = src.slice(i + 2, i + 4);
      if (!/^[0-9A-Fa-f]{2}$/.test(digits)) throw new Re2Error('invalid escape sequence');
      return { kind: 'char', cp: parseInt(digits, 16), len: 4 };
    }
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
      // A single non-zero digit is a backreference (unsupported); otherwise up to three octal digits.
      if (c !== '0' && !/[0-7]/.test(src[i + 2] ?? '')) throw new Re2Error('invalid escape sequence');
      let j = i + 1;
      let digits = '';
      while (j < src.length && digits.length < 3 && /[0-7]/.test(src[j])) digits += src[j++];
      return { kind: 'char', cp: parseInt(digits, 8), len: j - i };
    }
    case 'b': case 'B':
      if (inClass) break;
      return { kind: 'assert', js: `\\${c}`, len: 2 };
    case 'A':
      if (inClass) break;
      return { kind: 'assert', js: '^', len: 2 };
    case 'z':
      if (inClass) break;
      return { kind: 'assert', js: '$', len: 2 };
  }
  throw new Re2Error('invalid escape sequence');
}

/** Parses a class starting at src[i] === '['; returns the JS class and the length consumed. */
function parseClass(src: string, i: number): { js: string; len: number } {
  let j = i + 1;
  let negated = false;
  if (src[j] === '^') { negated = true; j++; }
  const items: string[] = [];
  let first = true;
  /** One class character: a code point, or (for \d, \pL ...) a nested class. */
  const classChar = (at: number): { cp: number; len: number } | { js: string; len: number } => {
    if (src[at] === '\\') {
      const e = parseEscape(src, at, true);
      if (e.kind === 'char') return { cp: e.cp!, len: e.len };
      if (e.js) return { js: e.js, len: e.len };
      if (e.negated) return { js: complement(e.body!), len: e.len };
      return { js: e.body!, len: e.len };
    }
    const cp = src.codePointAt(at)!;
    return { cp, len: cp > 0xffff ? 2 : 1 };
  };
  for (;;) {
    if (j >= src.length) throw new Re2Error('missing closing ]');
    if (src[j] === ']' && !first) { j++; break; }
    first = false;
    // POSIX class [:name:]
    if (src[j] === '[' && src[j + 1] === ':') {
      const close = src.indexOf(':]', j + 2);
      if (close >= 0) {
        const name = src.slice(j + 2, close);
        const body = POSIX[name.replace(/^\^/, '')];
        if (!body) throw new Re2Error('invalid character class range');
        items.push(name.startsWith('^') ? complement(body) : body);
        j = close + 2;
        continue;
      }
    }
    const lo = classChar(j);
    j += lo.len;
    if (!('cp' in lo)) {
      items.push(lo.js);
      continue;
    }
    // [a-] means a or -; otherwise a-b is a range.
    if (src[j] === '-' && j + 1 < src.length && src[j + 1] !== ']') {
      const hi = classChar(j + 1);
      if (!('cp' in hi) || hi.cp < lo.cp) throw new Re2Error('invalid character class range');
      items.push(`${hex(lo.cp)}-${hex(hi.cp)}`);
      j += 1 + hi.len;
    } else {
      items.push(hex(lo.cp));
    }
  }
  return { js: `[${negated ? '^' : ''}${items.join('')}]`, len: j - i };
}

/** RE2 source (as Docker builds it) to a JavaScript RegExp with the same matches. */
export function re2ToRegExp(src: string): RegExp {
  let out = '';
  let canRepeat = false;
  let depth = 0;
  for (let i = 0; i < src.length; ) {
    const c = src[i];
    if (c === '\\') {
      if (src[i + 1] === 'Q') {
        const end = src.indexOf('\\E', i + 2);
        const lit = end < 0 ? src.slice(i + 2) : src.slice(i + 2, end);
        for (const ch of lit) out += hex(ch.codePointAt(0)!);
        i = end < 0 ? src.length : end + 2;
        canRepeat = lit.length > 0;
        continue;
      }
      const e = parseEscape(src, i, false);
      if (e.kind === 'char') out += hex(e.cp!);
      else if (e.kind === 'class') out += e.js ?? `[${e.negated ? '^' : ''}${e.body}]`;
      else out += e.js!;
      canRepeat = e.kind !== 'assert';
      i += e.len;
    } else if (c === '[') {
      const cls = parseClass(src, i);
      out += cls.js;
      i += cls.len;
      canRepeat = true;
    } else if (c === '*' || c === '?' || c === '+') {
      if (!canRepeat) throw new Re2Error(`missing argument to repetition operator: ${c}`);
      out += c;
      i++;
      if (src[i] === '?') { out += '?'; i++; } // lazy form
      if (src[i] === '*' || src[i] === '+' || src[i] === '?') throw new Re2Error('invalid nested repetition operator');
      canRepeat = false;
    } else if (c === '(') {
      out += '(?:';
      depth++;
      i++;
      canRepeat = false;
    } else if (c === ')') {
      if (depth === 0) throw new Re2Error('unexpected )');
      depth--;
      out += ')';
      i++;
      canRepeat = true;
    } else if (c === '.') {
      out += '[^\\n]';
      i++;
      canRepeat = true;
    } else if (c === '^' || c === '$') {
      out += c;
      i++;
      canRepeat = false;
    } else if (c === '|') {
      out += '|';
      i++;
      canRepeat = false;
    } else {
      const cp = src.codePointAt(i)!;
      out += hex(cp);
      i += cp > 0xffff ? 2 : 1;
      canRepeat = true;
    }
  }
  if (depth !== 0) throw new Re2Error('missing closing )');
  try {
    return new RegExp(out, 'u');
  } catch (e) {
    throw new Re2Error((e as Error).message);
  }
}

const DIRS_GROUP = '(.*/)?';
const notNewline = (cp: number) => cp !== 10;
const never = () => false;
const ASSERTIONS = table<Atom['assert']>({ '^': 'start', '$': 'end', '\\b': 'word', '\\B': 'notWord' });

/** A single-code-point test from a JS class or escape (`[a-c]`, `\d`, `\p{L}` ...). */
function charTest(js: string): (cp: number) => boolean {
  const re = new RegExp(`^${js}$`, 'u');
  return (cp) => re.test(String.fromCodePoint(cp));
}

/**
 * The RE2 source Docker builds for a pattern as a list of atoms for `matchAtoms`, or null when it
 * uses something `compileGlob` never emits (other groups, alternation, `+`): those are matched
 * with the RegExp. Call only for a source that re2ToRegExp accepts.
 */
export function re2ToAtoms(src: string): Atom[] | null {
  const atoms: Atom[] = [];
  const literal = (cp: number): Atom => ({ test: (c) => c === cp, repeat: '', dirs: false });
  for (let i = 0; i < src.length; ) {
    const c = src[i];
    if (c === '^' && i === 0) { i++; continue; }
    if (c === '$' && i === src.length - 1) { i++; continue; }
    if (c === '\\') {
      if (src[i + 1] === 'Q') {
        const end = src.indexOf('\\E', i + 2);
        for (const ch of end < 0 ? src.slice(i + 2) : src.slice(i + 2, end)) atoms.push(literal(ch.codePointAt(0)!));
        i = end < 0 ? src.length : end + 2;
        continue;
      }
      const e = parseEscape(src, i, false);
      if (e.kind === 'assert') {
        const kind = ASSERTIONS[e.js!];
        if (!kind) return null;
        atoms.push({ test: never, repeat: '', dirs: false, assert: kind });
        i += e.len;
        continue;
      }
      atoms.push(e.kind === 'char' ? literal(e.cp!) : { test: charTest(e.js ?? `[${e.negated ? '^' : ''}${e.body}]`), repeat: '', dirs: false });
      i += e.len;
    } else if (c === '[') {
      const cls = parseClass(src, i);
      atoms.push({ test: charTest(cls.js), repeat: '', dirs: false });
      i += cls.len;
    } else if (c === '*' || c === '?') {
      const last = atoms[atoms.length - 1];
      if (!last || last.repeat || last.dirs || last.assert) return null;
      last.repeat = c;
      i += src[i + 1] === '?' ? 2 : 1; // a lazy form matches the same texts
    } else if (c === '(') {
      if (!src.startsWith(DIRS_GROUP, i)) return null;
      atoms.push({ test: notNewline, repeat: '?', dirs: true });
      i += DIRS_GROUP.length;
    } else if (c === '.') {
      atoms.push({ test: notNewline, repeat: '', dirs: false });
      i++;
    } else if (c === '^' || c === '$') {
      atoms.push({ test: never, repeat: '', dirs: false, assert: c === '^' ? 'start' : 'end' });
      i++;
    } else if (c === ')' || c === '|' || c === '+') {
      return null;
    } else {
      const cp = src.codePointAt(i)!;
      atoms.push(literal(cp));
      i += cp > 0xffff ? 2 : 1;
    }
  }
  return atoms;
}
