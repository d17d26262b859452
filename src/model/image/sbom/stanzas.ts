/**
 * The Debian control-file format (dpkg `status`, distroless `status.d/*`, Python `METADATA`
 * headers): `Field: value` lines, continuation lines starting with a space or tab, stanzas split
 * by blank lines. Field names are case-insensitive, so they are stored lower-cased.
 */
export type Stanza = Map<string, string>;

export function parseStanzas(text: string): Stanza[] {
  const out: Stanza[] = [];
  let current: Stanza = new Map();
  let lastKey: string | undefined;
  const flush = (): void => {
    if (current.size > 0) out.push(current);
    current = new Map();
    lastKey = undefined;
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    if ((line[0] === ' ' || line[0] === '\t') && lastKey !== undefined) {
      current.set(lastKey, `${current.get(lastKey)}\n${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue; // not a field: tolerate and skip
    lastKey = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    // Repeated fields (Python's Classifier) are joined by newlines.
    current.set(lastKey, current.has(lastKey) ? `${current.get(lastKey)}\n${value}` : value);
  }
  flush();
  return out;
}

/** Only the header of an email-style file (Python METADATA): the first stanza. */
export function parseHeader(text: string): Stanza {
  const end = text.search(/\r?\n\r?\n/);
  return parseStanzas(end >= 0 ? text.slice(0, end) : text)[0] ?? new Map();
}
