/** Which lines edits touch, and which lines a new text no longer has: for the fix oracles. */
import type { Edit } from '../../src/finding.js';

/** Offsets -> the lines of `text` an edit touches (an insertion touches the line it is made in). */
export function touchedLines(text: string, edits: readonly Edit[]): Set<number> {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const lineOf = (o: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const out = new Set<number>();
  for (const e of edits) {
    const a = lineOf(e.start);
    // An edit ending right after a line break does not touch the next line.
    const b = e.end > e.start && text[e.end - 1] === '\n' ? lineOf(e.end - 1) : lineOf(e.end);
    for (let l = a; l <= b; l++) out.add(l);
  }
  return out;
}

/** Lines of `before` missing from `after` (a longest common subsequence of lines). */
export function droppedLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  // Common prefix and suffix first: fixes are small, the middle is short.
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const am = a.slice(p, a.length - s);
  const bm = b.slice(p, b.length - s);
  const dp: number[][] = Array.from({ length: am.length + 1 }, () => new Array<number>(bm.length + 1).fill(0));
  for (let i = am.length - 1; i >= 0; i--) for (let j = bm.length - 1; j >= 0; j--) dp[i][j] = am[i] === bm[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < am.length) {
    if (j < bm.length && am[i] === bm[j]) { i++; j++; }
    else if (j < bm.length && dp[i][j + 1] >= dp[i + 1][j]) j++;
    else { out.push(p + i); i++; }
  }
  return out;
}
