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
    out += (k in data ? String(data[k]) : parts[i]) + parts[i + 2];
  }
  return out;
}

const compiled = new Map<string, string[]>();

/** Levenshtein distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_v, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[n];
}

/** The closest candidate within a sensible distance, or undefined. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const lower = input.toLowerCase();
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestD) { bestD = d; best = c; }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(input.length / 3)) ? best : undefined;
}
