/**
 * Binary search: the first index in [0, n) at which `past(i)` holds, for a `past` that is false up
 * to some index and true from there on; n when it never holds.
 */
export function partitionPoint(n: number, past: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (past(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
