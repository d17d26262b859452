import type { Dockerfile, Instruction } from '../model/dockerfile/types.js';
import { matchesKey } from './registry.js';
import { partitionPoint } from '../search.js';
import { parsePragmaText } from './pragma-text.js';

export interface Suppression {
  codes: string[];
  scope: 'next' | 'file' | 'stage';
  /** Source offsets covered (the next instruction, the stage, or the whole file). */
  start: number;
  end: number;
  line: number;
  used: boolean;
  origin: 'shipready' | 'hadolint';
}

// `# hadolint ignore=DL3008,SC2046 # reason`, `# hadolint global ignore=...`, `# hadolint stage ignore=...`,
// `# shipready-ignore DF007,latest-tag -- reason`, `# shipready-ignore-file ...`, `# shipready-ignore-stage ...`
// (a colon or equals sign after the keyword is read too): see pragma-text.ts.

/** Does the text start with `hadolint` or `shipready-ignore`, in any case (what both regexes need)? */
function maybePragma(t: string): boolean {
  const first = t.charCodeAt(0) | 0x20;
  if (first === 0x68 /* h */) return t.length >= 8 && t.slice(0, 8).toLowerCase() === 'hadolint';
  return first === 0x73 /* s */ && t.length >= 16 && t.slice(0, 16).toLowerCase() === 'shipready-ignore';
}

/** Is a comment's text (after `#`) a suppression for the instruction below it, not a file- or stage-wide one? */
export function isNextLinePragma(text: string): boolean {
  return maybePragma(text) && parsePragmaText(text)?.scope === null;
}

/** Suppression comments of a Dockerfile. */
export function collectSuppressions(df: Dockerfile): Suppression[] {
  const out: Suppression[] = [];
  const instrs = df.instructions;
  const fileEnd = df.source.text.length;
  const cleanFrom = new Map<Instruction, number>();
  for (const c of df.comments) {
    // Most comments are prose: a cheap look at the first word spares the regexes (and, on a cold
    // start, compiling them).
    if (!maybePragma(c.text)) continue;
    const p = parsePragmaText(c.text);
    if (!p) continue;
    const { codes, origin } = p;
    const kind = p.scope === 'file' ? 'global' : p.scope;
    const next = firstStartingAfter(instrs, c.end);
    if (kind === 'global') {
      out.push({ codes, scope: 'file', start: 0, end: fileEnd, line: c.line, used: false, origin });
    } else if (kind === 'stage') {
      // Applies to the stage whose FROM follows directly.
      if (next && next.keyword === 'FROM') {
        const stage = df.stages[next.stage];
        const last = stage.instructions[stage.instructions.length - 1];
        out.push({ codes, scope: 'stage', start: next.start, end: last.end, line: c.line, used: false, origin });
      }
    } else if (next && (next.innerComments.length === 0 || !next.innerComments.includes(c))) {
      // Only the instruction that starts right after the comment (other comments may sit between).
      const text = df.source.text;
      let clean = cleanFrom.get(next);
      if (clean === undefined) cleanFrom.set(next, (clean = cleanRunStart(text, next.start)));
      // Inside the run, or ending the line just above it with nothing after the comment.
      const eol = text.indexOf('\n', c.end);
      if (c.end >= clean || (eol === clean - 1 && cleanLine(text, c.end, eol))) {
        out.push({ codes, scope: 'next', start: next.start, end: next.end, line: c.line, used: false, origin });
      }
    }
  }
  return out;
}

/** The first of `items` (sorted by start) that starts after `offset`. */
function firstStartingAfter<T extends { start: number }>(items: readonly T[], offset: number): T | undefined {
  return items[partitionPoint(items.length, (i) => items[i].start > offset)];
}

/** Is text[from, to) (one line, or its end) blank or a comment? */
function cleanLine(text: string, from: number, to: number): boolean {
  const line = text.slice(from, to);
  return /^[ \t]*#/.test(line) || !/\S/.test(line);
}

/**
 * Where the run of blank and comment lines above the instruction starting at `to` begins: a
 * comment ending at or after it has only such lines before the instruction. One backward scan per
 * instruction, however many comments sit above it.
 */
function cleanRunStart(text: string, to: number): number {
  let start = text.lastIndexOf('\n', to - 1) + 1; // the instruction's line (indentation before it is blank)
  while (start > 0) {
    const above = text.lastIndexOf('\n', start - 2) + 1;
    if (!cleanLine(text, above, start - 1)) break;
    start = above;
  }
  return start;
}

/**
 * Suppressions indexed for the lookup every finding makes: whole-file ones by code, the others
 * sorted by start, so that a file with thousands of pragmas and findings stays linear.
 */
export class SuppressionIndex {
  readonly size: number;
  private readonly wholeFile = new Map<string, Suppression[]>();
  private readonly marked = new Set<string>();
  private readonly ranged: Suppression[] = [];
  /** maxEnd[i]: the largest end among ranged[0..i]. */
  private readonly maxEnd: number[] = [];

  private static readonly EMPTY = new SuppressionIndex([]);

  /** The index of `sups`; one shared empty index for the files without pragmas (most of them). */
  static of(sups: readonly Suppression[]): SuppressionIndex {
    return sups.length === 0 ? SuppressionIndex.EMPTY : new SuppressionIndex(sups);
  }

  private constructor(sups: readonly Suppression[]) {
    this.size = sups.length;
    for (const s of sups) {
      if (s.scope !== 'file') { this.ranged.push(s); continue; }
      for (const code of s.codes) {
        const k = code.toLowerCase();
        const list = this.wholeFile.get(k);
        if (list) list.push(s);
        else this.wholeFile.set(k, [s]);
      }
    }
    this.ranged.sort((a, b) => a.start - b.start);
    let max = -1;
    for (const s of this.ranged) this.maxEnd.push((max = Math.max(max, s.end)));
  }

  /** Is a finding (by its rule identity and start offset) suppressed? Marks the suppressions that apply used. */
  covers(ruleId: string, ruleName: string, aliases: readonly string[], offset: number): boolean {
    let hit = false;
    if (this.wholeFile.size > 0) {
      hit = this.markWholeFile(ruleId) || hit;
      hit = this.markWholeFile(ruleName) || hit;
      for (const a of aliases) hit = this.markWholeFile(a) || hit;
    }
    // From the last one starting at or before the offset, back while one could still reach it.
    const ranged = this.ranged;
    for (let j = partitionPoint(ranged.length, (i) => ranged[i].start > offset) - 1; j >= 0 && this.maxEnd[j] >= offset; j--) {
      const s = ranged[j];
      if (offset > s.end) continue;
      if (s.codes.some((code) => matchesKey(code, ruleId, ruleName, aliases))) {
        s.used = true;
        hit = true;
      }
    }
    return hit;
  }

  private markWholeFile(key: string): boolean {
    const k = key.toLowerCase();
    const list = this.wholeFile.get(k);
    if (!list) return false;
    // (Marked once: every finding of the rule asks again.)
    if (!this.marked.has(k)) {
      for (const s of list) s.used = true;
      this.marked.add(k);
    }
    return true;
  }
}
