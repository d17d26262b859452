/** What a build sends: the data behind `shipready context` (text and JSON). */
import type { Dockerfile } from '../dockerfile/types.js';
import type { BuildContext } from './context.js';
import { contextCopySources } from './copy-sources.js';
import { ALWAYS_SENT, EntryType, EXCLUDED, isSent, SKIPPED } from './walk.js';

export interface SizeCount {
  files: number;
  bytes: number;
}

export interface CopyReport {
  keyword: string;
  /** The instruction as written (first line). */
  instruction: string;
  line: number;
  column: number;
  sources: Array<{
    source: string;
    path: string;
    status: 'ok' | 'missing' | 'excluded' | 'unresolved';
    excludedBy?: { line: number; pattern: string };
  } & SizeCount>;
  /** What the instruction takes in total (a file taken by two sources counts once). */
  files: number;
  bytes: number;
}

export interface ContextReport {
  context: string;
  dockerfile: string | null;
  ignoreFile: { path: string; kind: 'dockerfile' | 'context'; patterns: number } | null;
  /** The context after .dockerignore: what the classic builder sends, and what `COPY . .` takes. */
  sent: SizeCount;
  /** Files the .dockerignore keeps out (sizes of directories the walk did not enter are unknown). */
  excluded: SizeCount & { directoriesNotEntered: number };
  /** What BuildKit transfers for this Dockerfile: the files its COPY/ADD sources take. */
  transferred: SizeCount;
  largestFiles: Array<{ path: string; bytes: number }>;
  largestDirectories: Array<{ path: string; bytes: number; files: number }>;
  copies: CopyReport[];
  entries: number;
  truncated: boolean;
  walkMs: number;
  notices: string[];
}

/** Builds the report. `display` turns an absolute path into the path to show. */
export function contextReport(ctx: BuildContext, df: Dockerfile | null, display: (abs: string) => string, top = 20): ContextReport {
  const w = ctx.walk();
  const notices: string[] = [];
  const sent: SizeCount = { files: 0, bytes: 0 };
  const excluded = { files: 0, bytes: 0, directoriesNotEntered: 0 };
  const dirBytes = new Float64Array(w.count);
  const dirFiles = new Int32Array(w.count);
  const files = new TopK<number>(top, (a, b) => b.bytes - a.bytes || (w.paths[a.item] < w.paths[b.item] ? -1 : 1));
  for (let i = 0; i < w.count; i++) {
    const t = w.types[i];
    const fl = w.flags[i];
    if (t === EntryType.Dir) {
      if (fl & SKIPPED) excluded.directoriesNotEntered++;
      continue;
    }
    const bytes = ctx.sizeOf(i);
    if (isSent(w, i) || fl & ALWAYS_SENT) {
      sent.files++;
      sent.bytes += bytes;
      files.add(i, bytes);
      for (let p = w.parent[i]; p >= 0; p = w.parent[p]) {
        dirBytes[p] += bytes;
        dirFiles[p]++;
      }
    } else if (fl & EXCLUDED) {
      excluded.files++;
      excluded.bytes += bytes;
    }
  }
  const largestFiles = files.items().map((f) => ({ path: w.paths[f.item], bytes: f.bytes }));
  const dirs = new TopK<number>(top, (a, b) => b.bytes - a.bytes || (w.paths[a.item] < w.paths[b.item] ? -1 : 1));
  for (let i = 0; i < w.count; i++) if (w.types[i] === EntryType.Dir && dirFiles[i] > 0) dirs.add(i, dirBytes[i]);
  const largestDirectories = dirs.items().map((d) => ({ path: `${w.paths[d.item]}/`, bytes: d.bytes, files: dirFiles[d.item] }));

  const copies: CopyReport[] = [];
  const transferred: SizeCount = { files: 0, bytes: 0 };
  if (df) {
    const { sources, unresolved } = contextCopySources(df);
    const taken = new Uint8Array(w.count);
    const byInstr = new Map<object, CopyReport & { seen: Set<number> }>();
    const entry = (instr: (typeof sources)[number]['instr']) => {
      let r = byInstr.get(instr);
      if (!r) {
        const firstLine = df.source.text.slice(instr.start, instr.end).split(/\r?\n/)[0];
        const pos = df.source.position(instr.start);
        r = { keyword: instr.keyword, instruction: firstLine.trim(), line: pos.line, column: pos.column, sources: [], files: 0, bytes: 0, seen: new Set() };
        byInstr.set(instr, r);
      }
      return r;
    };
    for (const src of sources) {
      const r = entry(src.instr);
      const inspection = ctx.inspect(src);
      const one: CopyReport['sources'][number] = { source: src.written, path: src.path, status: 'ok', files: 0, bytes: 0 };
      if (inspection.excludedBy) {
        one.status = 'excluded';
        one.excludedBy = { line: inspection.excludedBy.line, pattern: inspection.excludedBy.raw };
      } else if (!src.wildcard && !inspection.exists) one.status = 'missing';
      ctx.forEachPulled(src, (i) => {
        const b = ctx.sizeOf(i);
        one.files++;
        one.bytes += b;
        if (!r.seen.has(i)) {
          r.seen.add(i);
          r.files++;
          r.bytes += b;
        }
        if (!taken[i]) {
          taken[i] = 1;
          transferred.files++;
          transferred.bytes += b;
        }
      });
      r.sources.push(one);
    }
    for (const u of unresolved) entry(u.instr).sources.push({ source: u.written, path: '', status: 'unresolved', files: 0, bytes: 0 });
    for (const r of [...byInstr.values()].sort((a, b) => a.line - b.line)) {
      const { seen: _seen, ...rest } = r;
      copies.push(rest);
    }
  }
  if (w.truncated) notices.push(`stopped after ${w.count} entries: the numbers cover only the part of the context walked so far`);
  for (const u of w.unreadable) notices.push(`cannot read ${u}: the build fails on it unless .dockerignore excludes it`);
  notices.push(...ctx.ignoreNotices(display));
  return {
    context: display(ctx.root),
    dockerfile: ctx.dockerfile ? display(ctx.dockerfile) : null,
    ignoreFile: ctx.ignoreRef && ctx.ignore ? { path: display(ctx.ignoreRef.path), kind: ctx.ignoreRef.kind, patterns: ctx.ignore.patterns.length } : null,
    sent,
    excluded,
    transferred,
    largestFiles,
    largestDirectories,
    copies,
    entries: w.count,
    truncated: w.truncated,
    walkMs: Math.round(w.elapsedMs * 10) / 10,
    notices,
  };
}

/** The `k` largest items seen, without sorting everything. */
class TopK<T> {
  private readonly list: Array<{ item: T; bytes: number }> = [];
  constructor(private readonly k: number, private readonly cmp: (a: { item: T; bytes: number }, b: { item: T; bytes: number }) => number) {}
  add(item: T, bytes: number): void {
    const e = { item, bytes };
    const l = this.list;
    if (l.length >= this.k && this.cmp(e, l[l.length - 1]) >= 0) return;
    let at = l.length;
    while (at > 0 && this.cmp(e, l[at - 1]) < 0) at--;
    l.splice(at, 0, e);
    if (l.length > this.k) l.pop();
  }
  items(): Array<{ item: T; bytes: number }> {
    return this.list;
  }
}
