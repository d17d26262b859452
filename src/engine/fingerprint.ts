// FNV-1a in two 32-bit lanes (the second with offset characters), printed as 16 hex digits.
// The state is module-level: start(), feed() any number of strings, digest(). Synchronous only.
const lanes = new Int32Array(2);

function start(): void {
  lanes[0] = 0x811c9dc5 | 0;
  lanes[1] = 0xcbf29ce4 | 0;
}

function feed(s: string): void {
  let h1 = lanes[0];
  let h2 = lanes[1];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ (c + 0x9e37), 0x01000193);
  }
  lanes[0] = h1;
  lanes[1] = h2;
}

// The 16 hex digits made in one call: concatenating 8 pieces builds a rope that is flattened later.
const HEX = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
function digest(): string {
  const a = lanes[0];
  const b = lanes[1];
  return String.fromCharCode(
    HEX[(a >>> 28) & 15], HEX[(a >>> 24) & 15], HEX[(a >>> 20) & 15], HEX[(a >>> 16) & 15],
    HEX[(a >>> 12) & 15], HEX[(a >>> 8) & 15], HEX[(a >>> 4) & 15], HEX[a & 15],
    HEX[(b >>> 28) & 15], HEX[(b >>> 24) & 15], HEX[(b >>> 20) & 15], HEX[(b >>> 16) & 15],
    HEX[(b >>> 12) & 15], HEX[(b >>> 8) & 15], HEX[(b >>> 4) & 15], HEX[b & 15],
  );
}

/** FNV-1a 64-bit as hex: fast, stable across runs and platforms; not for security. */
export function fnv1a64(s: string): string {
  start();
  feed(s);
  return digest();
}

/** Whitespace runs to one space, trimmed: `s.replace(/\s+/g, ' ').trim()`, skipped when `s` is already so. */
function normalise(s: string): string {
  let afterSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (afterSpace) return s.replace(/\s+/g, ' ').trim();
      afterSpace = true;
    } else if ((c >= 9 && c <= 13) || c >= 128) {
      // Other whitespace (\s also covers some non-ASCII spaces): the general path.
      return s.replace(/\s+/g, ' ').trim();
    } else afterSpace = false;
  }
  return afterSpace && s.length > 0 ? s.replace(/\s+/g, ' ').trim() : s;
}

/**
 * Deterministic finding identity for baselines: rule + path + normalised snippet + occurrence,
 * so it survives edits elsewhere in the file (line numbers are not part of it).
 */
export class Fingerprinter {
  // Per file and rule: the hash state after `${ruleId}\0${file}\0` (fed once, not per finding) and
  // how often each normalised snippet was seen. Nested maps: no key string built per finding.
  private readonly byFile = new Map<string, Map<string, Prefix>>();
  // A rule's findings come one after another: the last (file, rule) prefix is kept at hand.
  private lastFile = '';
  private lastRule = '';
  private last: Prefix | undefined;

  make(ruleId: string, file: string, snippet: string): string {
    const norm = normalise(snippet);
    const prefix = this.last !== undefined && ruleId === this.lastRule && file === this.lastFile ? this.last : this.prefix(ruleId, file);
    const n = prefix.seen.get(norm) ?? 0;
    prefix.seen.set(norm, n + 1);
    // = fnv1a64(`${ruleId}\0${file}\0${norm}\0${n}`), without building that string (FNV-1a runs left to right).
    lanes[0] = prefix.h1;
    lanes[1] = prefix.h2;
    feed(norm);
    feed('\0');
    feed(n === 0 ? '0' : String(n));
    return digest();
  }

  private prefix(ruleId: string, file: string): Prefix {
    let byRule = this.byFile.get(file);
    if (!byRule) this.byFile.set(file, (byRule = new Map()));
    let prefix = byRule.get(ruleId);
    if (!prefix) {
      start();
      feed(ruleId);
      feed('\0');
      feed(file);
      feed('\0');
      prefix = { h1: lanes[0], h2: lanes[1], seen: new Map() };
      byRule.set(ruleId, prefix);
    }
    this.lastFile = file;
    this.lastRule = ruleId;
    this.last = prefix;
    return prefix;
  }
}

/** The hash state after `${ruleId}\0${file}\0`, and how often each normalised snippet was seen. */
interface Prefix {
  h1: number;
  h2: number;
  seen: Map<string, number>;
}
