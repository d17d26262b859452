/** FNV-1a 64-bit as hex: fast, stable across runs and platforms; not for security. */
export function fnv1a64(s: string): string {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0xcbf29ce4 | 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ (c + 0x9e37), 0x01000193);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/**
 * Deterministic finding identity for baselines: rule + path + normalised snippet + occurrence,
 * so it survives edits elsewhere in the file (line numbers are not part of it).
 */
export class Fingerprinter {
  private readonly seen = new Map<string, number>();
  make(ruleId: string, file: string, snippet: string): string {
    const norm = snippet.replace(/\s+/g, ' ').trim();
    const key = `${ruleId}\0${file}\0${norm}`;
    const n = this.seen.get(key) ?? 0;
    this.seen.set(key, n + 1);
    return fnv1a64(`${key}\0${n}`);
  }
}
