/** Fill `{{name}}` placeholders in a message template. */
export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  if (!data || !template.includes('{{')) return template;
  // Split once per template (there are a few hundred), not once per finding.
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/(\{\{\s*(\w+)\s*\}\})/);
    compiled.set(template, parts);
  }
  // parts: text, placeholder, key, text, placeholder, key, ..., text
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 3) {
    const k = parts[i + 1];
    out += (k in data ? cut(String(data[k])) : parts[i]) + parts[i + 2];
  }
  return out;
}

// Values come from the linted input: a 300 KB image name must not make a 300 KB message (in every
// output format, twice if the message names it twice). Findings still point at the whole range.
const MAX_VALUE_LENGTH = 300;
function cut(v: string): string {
  if (v.length <= MAX_VALUE_LENGTH) return v;
  // Not between the two halves of a surrogate pair.
  const end = (v.charCodeAt(MAX_VALUE_LENGTH - 1) & 0xfc00) === 0xd800 ? MAX_VALUE_LENGTH - 1 : MAX_VALUE_LENGTH;
  return `${v.slice(0, end)}…`;
}

const compiled = new Map<string, string[]>();

/**
 * Levenshtein distance, for "did you mean" hints. Past `max` the answer is only `max + 1`, found
 * early: a hint looks for a near match, and a long or far input should not cost its full table.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > max) return max + 1;
  let prev = Array.from({ length: n + 1 }, (_v, j) => j);
  let cur = new Array<number>(n + 1);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    // Every path to the end goes through this row: it cannot come back under `max`.
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[n], max + 1);
}

/** The closest candidate within a sensible distance (the first, on a tie), or undefined. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor(input.length / 3));
  let best: string | undefined;
  let bestD = limit + 1;
  const lower = input.toLowerCase();
  for (const c of candidates) {
    // Only a strictly closer candidate changes the answer, so the search can stop at bestD - 1.
    const d = editDistance(lower, c.toLowerCase(), bestD - 1);
    if (d < bestD) { bestD = d; best = c; }
    if (bestD === 0) break;
  }
  return best;
}
