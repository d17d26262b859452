/** Code-unit string order: deterministic everywhere and, unlike localeCompare, free of ICU start-up cost. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
