import type { Dockerfile } from '../model/dockerfile/types.js';
import { matchesKey } from './registry.js';

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

// `# hadolint ignore=DL3008,SC2046 # reason`, `# hadolint global ignore=...`, `# hadolint stage ignore=...`
const HADOLINT = /^hadolint\s+(?:(global|stage)\s+)?ignore\s*=\s*([A-Za-z0-9_,\s-]+?)\s*(?:#.*)?$/i;
// `# shipready-ignore DF007,latest-tag -- reason`, `# shipready-ignore-file ...`, `# shipready-ignore-stage ...`
const OWN = /^shipready-ignore(-file|-stage)?\s+([A-Za-z0-9_,\s-]+?)\s*(?:--.*)?$/i;

/** Does the text start with `hadolint` or `shipready-ignore`, in any case (what both regexes need)? */
function maybePragma(t: string): boolean {
  const first = t.charCodeAt(0) | 0x20;
  if (first === 0x68 /* h */) return t.length >= 8 && t.slice(0, 8).toLowerCase() === 'hadolint';
  return first === 0x73 /* s */ && t.length >= 16 && t.slice(0, 16).toLowerCase() === 'shipready-ignore';
}

/** Suppression comments of a Dockerfile. */
export function collectSuppressions(df: Dockerfile): Suppression[] {
  const out: Suppression[] = [];
  const instrs = df.instructions;
  const fileEnd = df.source.text.length;
  for (const c of df.comments) {
    // Most comments are prose: a cheap look at the first word spares the regexes (and, on a cold
    // start, compiling them).
    if (!maybePragma(c.text)) continue;
    let kind: string | undefined;
    let codes: string[];
    let origin: Suppression['origin'];
    const h = HADOLINT.exec(c.text);
    const o = h ? null : OWN.exec(c.text);
    if (h) {
      kind = h[1]?.toLowerCase();
      codes = h[2].split(/[,\s]+/).filter(Boolean);
      origin = 'hadolint';
    } else if (o) {
      kind = o[1] ? o[1].slice(1).toLowerCase() : undefined;
      if (kind === 'file') kind = 'global';
      codes = o[2].split(/[,\s]+/).filter(Boolean);
      origin = 'shipready';
    } else continue;
    const next = instrs.find((i) => i.start > c.end);
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
      const between = df.source.text.slice(c.end, next.start);
      if (!/\S/.test(between.replace(/^[ \t]*#.*$/gm, ''))) {
        out.push({ codes, scope: 'next', start: next.start, end: next.end, line: c.line, used: false, origin });
      }
    }
  }
  return out;
}

/** Is a finding (by its rule identity and start offset) suppressed? Marks the suppression used. */
export function isSuppressed(sups: Suppression[], ruleId: string, ruleName: string, aliases: readonly string[], offset: number): boolean {
  let hit = false;
  for (const s of sups) {
    if (offset < s.start || offset > s.end) continue;
    if (s.codes.some((code) => matchesKey(code, ruleId, ruleName, aliases))) {
      s.used = true;
      hit = true;
    }
  }
  return hit;
}
