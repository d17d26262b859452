import type { Edit, Finding } from '../finding.js';
import { partitionPoint } from '../search.js';

/**
 * Apply the non-overlapping edits of the chosen fixes, whole fixes at a time (a fix whose edits
 * overlap an already taken one waits for the next pass). Returns the new text and how many fixes applied.
 */
export function applyFixes(text: string, findings: readonly Finding[], unsafe: boolean): { text: string; applied: number } {
  const taken = new TakenEdits();
  let applied = 0;
  const fixes = findings
    .map((f) => f.fix)
    .filter((f): f is NonNullable<Finding['fix']> => !!f && f.edits.length > 0 && (unsafe || f.applicability === 'safe'))
    .map((fix) => ({ fix, first: firstStart(fix.edits) }))
    .sort((a, b) => a.first - b.first);
  for (const { fix } of fixes) {
    if (fix.edits.some((e) => taken.overlaps(e))) continue;
    for (const e of fix.edits) taken.add(e);
    applied++;
  }
  return { text: applyEdits(text, taken.all), applied };
}

/** `ins` inserts text at the point where `del` deletes text (both start there). */
function insertsBeforeDeletion(ins: Edit, del: Edit): boolean {
  return ins.start === ins.end && del.start < del.end && del.text === '';
}

function firstStart(edits: readonly Edit[]): number {
  let min = edits[0].start;
  for (const e of edits) if (e.start < min) min = e.start;
  return min;
}

/**
 * The edits taken so far, sorted by start (then end): each new edit is checked against its
 * neighbours only. (Checking it against every taken edit made a file with 20,000 fixes take
 * seconds.) Taken edits never overlap, so their ends are sorted too.
 */
class TakenEdits {
  readonly all: Edit[] = [];

  /**
   * Does `e` overlap a taken edit: share characters with it, insert at the same point as another
   * insertion, or insert where a deletion starts? (The inserted text would then land on whatever
   * follows the deleted text: the `**` prefix meant for a duplicate line that another fix deletes went to
   * the next line.)
   */
  overlaps(e: Edit): boolean {
    const all = this.all;
    // From the first taken edit that ends at or after e starts; later ones start at or after its end.
    for (let i = partitionPoint(all.length, (k) => all[k].end >= e.start); i < all.length && all[i].start <= e.end; i++) {
      const t = all[i];
      if ((e.start < t.end && t.start < e.end) || (e.start === t.start && e.end === t.end && e.start === e.end)) return true;
      if (e.start === t.start && (insertsBeforeDeletion(e, t) || insertsBeforeDeletion(t, e))) return true;
    }
    return false;
  }

  add(e: Edit): void {
    const all = this.all;
    let i = all.length;
    // (Fixes come in order of their first edit: usually this is the end.)
    while (i > 0 && (all[i - 1].start > e.start || (all[i - 1].start === e.start && all[i - 1].end > e.end))) i--;
    all.splice(i, 0, e);
  }
}

/** The text with the edits made (non-overlapping ones in one pass; overlapping ones one by one from the end). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  let prev: Edit | undefined;
  for (const e of sorted) {
    if (e.start < at || (prev && e.start === prev.start && e.end === prev.end)) return applyOneByOne(text, edits);
    parts.push(text.slice(at, e.start), e.text);
    at = e.end;
    prev = e;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function applyOneByOne(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
