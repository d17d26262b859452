/**
 * Expand Dockerfile variables (`$A`, `${A}`, `${A:-x}`, `${A-x}`, `${A:+x}`, `${A+x}`).
 * Returns null when a referenced variable is unknown and has no default.
 */
export function expandVars(text: string, lookup: (name: string) => string | undefined, escape = '\\'): string | null {
  // Scanned by character code, copying the runs between `$`s whole (no regex, no string per character).
  const dollar = text.indexOf('$');
  if (dollar < 0) return text;
  const esc = escape.charCodeAt(0);
  const n = text.length;
  let out = '';
  let run = 0;
  for (let i = dollar > 0 ? dollar - 1 : 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (c === esc && text.charCodeAt(i + 1) === 36) {
      out += text.slice(run, i) + '$';
      i += 2;
      run = i;
      continue;
    }
    if (c !== 36) { i++; continue; }
    if (text.charCodeAt(i + 1) === 123) {
      const close = closingBrace(text, i + 2);
      if (close < 0) return null;
      const r = expandBraced(text, i + 2, close, lookup, escape);
      if (r === null) return null;
      out += text.slice(run, i) + r;
      i = close + 1;
      run = i;
      continue;
    }
    const nameEnd = identifierEnd(text, i + 1, n);
    if (nameEnd === i + 1) { i++; continue; }
    const v = lookup(text.slice(i + 1, nameEnd));
    if (v === undefined) return null;
    out += text.slice(run, i) + v;
    i = nameEnd;
    run = i;
  }
  return out + text.slice(run);
}

/** The `}` that closes a `${` whose body starts at `from`, past nested `${...}` (`${A:-${B}}`); -1 if none. */
function closingBrace(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 36 /* $ */ && text.charCodeAt(i + 1) === 123 /* { */) { depth++; i++; }
    else if (c === 125 /* } */) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** `${...}` whose body is text[from, close): `NAME`, or `NAME` then `-`, `+`, `?` (each maybe after `:`) and a word. */
function expandBraced(text: string, from: number, close: number, lookup: (name: string) => string | undefined, escape: string): string | null {
  const nameEnd = identifierEnd(text, from, close);
  if (nameEnd === from) return null;
  if (nameEnd === close) return lookup(text.slice(from, nameEnd)) ?? null;
  const colon = text.charCodeAt(nameEnd) === 58;
  const opAt = colon ? nameEnd + 1 : nameEnd;
  const op = opAt < close ? text.charCodeAt(opAt) : -1;
  // `-` 45, `+` 43, `?` 63
  if (op !== 45 && op !== 43 && op !== 63) return null;
  const v = lookup(text.slice(from, nameEnd));
  const word = text.slice(opAt + 1, close);
  const set = colon ? v !== undefined && v !== '' : v !== undefined;
  if (op === 45) return set ? v! : expandVars(word, lookup, escape);
  if (op === 43) return set ? expandVars(word, lookup, escape) : '';
  return v ?? null; // `:?` / `?`: an error when unset, so unknown here
}

/** The end of the identifier (`[A-Za-z_][A-Za-z0-9_]*`) at `i`, or `i` when there is none; never past `end`. */
function identifierEnd(s: string, i: number, end: number): number {
  if (i >= end) return i;
  const first = s.charCodeAt(i) | 0x20;
  if (!((first >= 97 && first <= 122) || s.charCodeAt(i) === 95)) return i;
  let j = i + 1;
  while (j < end) {
    const c = s.charCodeAt(j);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95)) break;
    j++;
  }
  return j;
}

/** Names referenced by `$A` / `${A...}` in text. */
export function referencedVars(text: string): string[] {
  const out: string[] = [];
  const re = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*))/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push(m[1] ?? m[2]);
  return out;
}
