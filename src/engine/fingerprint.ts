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

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex32 = (h: number): string => HEX[(h >>> 24) & 255] + HEX[(h >>> 16) & 255] + HEX[(h >>> 8) & 255] + HEX[h & 255];
const digest = (): string => hex32(lanes[0]) + hex32(lanes[1]);

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
  private readonly byFile = new Map<string, Map<string, { h1: number; h2: number; seen: Map<string, number> }>>();
  make(ruleId: string, file: string, snippet: string): string {
    const norm = normalise(snippet);
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
    const n = prefix.seen.get(norm) ?? 0;
    prefix.seen.set(norm, n + 1);
    // = fnv1a64(`${ruleId}\0${file}\0${norm}\0${n}`), without building that string (FNV-1a runs left to right).
    lanes[0] = prefix.h1;
    lanes[1] = prefix.h2;
    feed(norm);
    feed('\0');
    feed(String(n));
    return digest();
  }
}
