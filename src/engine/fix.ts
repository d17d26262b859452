import type { Edit, Finding } from '../finding.js';

/**
 * Apply the non-overlapping edits of the chosen fixes, whole fixes at a time (a fix whose edits
 * overlap an already taken one waits for the next pass). Returns the new text and how many fixes applied.
 */
export function applyFixes(text: string, findings: readonly Finding[], unsafe: boolean): { text: string; applied: number } {
  const taken: Edit[] = [];
  let applied = 0;
  const fixes = findings
    .map((f) => f.fix)
    .filter((f): f is NonNullable<Finding['fix']> => !!f && f.edits.length > 0 && (unsafe || f.applicability === 'safe'))
    .sort((a, b) => Math.min(...a.edits.map((e) => e.start)) - Math.min(...b.edits.map((e) => e.start)));
  for (const fix of fixes) {
    const overlaps = fix.edits.some((e) => taken.some((t) => e.start < t.end && t.start < e.end || (e.start === t.start && e.end === t.end && e.start === e.end)));
    if (overlaps) continue;
    taken.push(...fix.edits);
    applied++;
  }
  return { text: applyEdits(text, taken), applied };
}

export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
