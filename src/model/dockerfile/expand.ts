/**
 * Expand Dockerfile variables (`$A`, `${A}`, `${A:-x}`, `${A-x}`, `${A:+x}`, `${A+x}`).
 * Returns null when a referenced variable is unknown and has no default.
 */
export function expandVars(text: string, lookup: (name: string) => string | undefined, escape = '\\'): string | null {
  if (!text.includes('$')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === escape && text[i + 1] === '$') { out += '$'; i += 2; continue; }
    if (c !== '$') { out += c; i++; continue; }
    const n = text[i + 1];
    if (n === '{') {
      const close = text.indexOf('}', i + 2);
      if (close < 0) return null;
      const body = text.slice(i + 2, close);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])(.*))?$/s.exec(body);
      if (!m) return null;
      const v = lookup(m[1]);
      const op = m[2];
      const word = m[3] ?? '';
      let r: string | null;
      if (!op) r = v ?? null;
      else if (op === ':-') r = v !== undefined && v !== '' ? v : expandVars(word, lookup, escape);
      else if (op === '-') r = v !== undefined ? v : expandVars(word, lookup, escape);
      else if (op === ':+') r = v !== undefined && v !== '' ? expandVars(word, lookup, escape) : '';
      else if (op === '+') r = v !== undefined ? expandVars(word, lookup, escape) : '';
      else r = v ?? null; // `:?` / `?` — error when unset; unknown here
      if (r === null) return null;
      out += r;
      i = close + 1;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1));
    if (!m) { out += c; i++; continue; }
    const v = lookup(m[0]);
    if (v === undefined) return null;
    out += v;
    i += 1 + m[0].length;
  }
  return out;
}

/** Names referenced by `$A` / `${A...}` in text. */
export function referencedVars(text: string): string[] {
  const out: string[] = [];
  const re = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*))/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push(m[1] ?? m[2]);
  return out;
}
