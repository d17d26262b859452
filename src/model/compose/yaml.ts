/**
 * YAML text -> source-mapped nodes (CNode). Aliases resolve to the anchored node (so a value keeps
 * the range where it is written), `<<` merge keys are applied, and hostile input (alias bombs,
 * deep nesting, duplicate keys, tabs) becomes an issue with a position, never a hang or a crash.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node as YNode } from 'yaml';
import type { CEntry, CMap, CNode, CScalar, LoadIssue, Origin } from './types.js';
import { partitionPoint } from '../../search.js';

export interface YamlLimits {
  /** Deepest nesting of mappings and sequences accepted. */
  maxDepth: number;
  /** Most nodes the document may have once every alias is expanded (alias bombs stop here). */
  maxExpandedNodes: number;
}

export const DEFAULT_YAML_LIMITS: YamlLimits = { maxDepth: 64, maxExpandedNodes: 250_000 };

export interface ParsedYaml {
  /** One root node per YAML document (empty documents are skipped). */
  docs: CNode[];
  issues: LoadIssue[];
}

class LimitError extends Error {
  constructor(message: string, readonly origin: Origin) {
    super(message);
  }
}

const STYLE: Record<string, CScalar['style']> = { PLAIN: 'plain', QUOTE_SINGLE: 'single', QUOTE_DOUBLE: 'double', BLOCK_LITERAL: 'block', BLOCK_FOLDED: 'block' };

/** Friendlier text for the `yaml` package's error codes. */
function describeYamlError(code: string, message: string, text: string, pos: number): string {
  switch (code) {
    case 'DUPLICATE_KEY': {
      const key = /^[^:\n]*/.exec(text.slice(pos, pos + 80))?.[0].trim() ?? '';
      return `duplicate key${key ? ` "${key.replace(/^["']|["']$/g, '')}"` : ''}: a key may appear only once in a mapping (Compose rejects the file)`;
    }
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation: YAML allows only spaces there';
    case 'BAD_ALIAS':
    case 'BAD_ANCHOR':
      return `bad anchor or alias: ${firstLine(message)}`;
    default:
      if (/call stack/i.test(message)) return 'the YAML nests too deeply to be read; the file is not loaded';
      return `invalid YAML: ${firstLine(message)}`;
  }
}

/**
 * An error the parser places on a line's indentation (`All mapping items must start at the same
 * column`), or on a blank line above, is shown at the key that indentation belongs to.
 */
function pastIndentation(text: string, pos: number): { start: number; end: number } | null {
  if (text[pos] !== ' ' || (pos > 0 && text[pos - 1] !== '\n' && text[pos - 1] !== ' ')) return null;
  let start = pos;
  // Over blank lines too: the parser may stop on a line of spaces above the key.
  while (text[start] === ' ' || text[start] === '\n' || text[start] === '\r') start++;
  if (start >= text.length || text[start] === '#') return null;
  let end = start;
  while (end < text.length && !/[\s:]/.test(text[end])) end++;
  return { start, end: Math.max(end, start + 1) };
}

/** Where to point for an error: an unclosed quote is shown at its opening quote, not at the end of the file. */
function errorStart(message: string, text: string, pos: number): number {
  const q = /Missing closing (["'])quote/.exec(message);
  if (!q) return pos;
  const at = text.lastIndexOf(q[1], Math.max(0, pos - 1));
  return at >= 0 ? at : pos;
}

const firstLine = (s: string) => s.split('\n', 1)[0].replace(/ at line \d+, column \d+:?$/, '');

const FLOW_INDENT = /in block collection must be sufficiently indented/;

/** Parse `text` (the file shown as `file`) into source-mapped documents. Never throws. */
export function parseYaml(text: string, file: string, limits: YamlLimits = DEFAULT_YAML_LIMITS): ParsedYaml {
  const first = parseText(text, file, limits, null);
  // go-yaml, Compose's parser, accepts a flow collection continued at its key's indentation
  // (`command: ["a",` then `"b"]` under it), which YAML 1.2 and the yaml package reject: read it
  // as if indented one more, mapping every position back to the file as written.
  if (!first.issues.some((i) => FLOW_INDENT.test(i.message))) return first;
  const patched = reindentFlows(text);
  if (!patched) return first;
  const second = parseText(patched.text, file, limits, patched.back, text);
  return second.issues.some((i) => i.kind === 'syntax') ? first : second;
}

/**
 * The text with every line inside a flow collection (`[...]`, `{...}`) that is indented no more than
 * the line that opened it indented one past it, and a map from the new offsets back to the old.
 * Quotes and comments are skipped; null when no line needed it.
 */
function reindentFlows(text: string): { text: string; back: (offset: number) => number } | null {
  const inserted: Array<{ n: number; shiftedAt: number }> = [];
  let depth = 0;
  let openIndent = 0;
  let quote = '';
  let out = '';
  let shift = 0;
  for (let lineStart = 0; lineStart < text.length; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let indent = 0;
    while (text[lineStart + indent] === ' ') indent++;
    if (depth > 0 && !quote && indent <= openIndent && lineStart + indent < lineEnd) {
      const n = openIndent + 1 - indent;
      inserted.push({ n, shiftedAt: lineStart + shift });
      out += ' '.repeat(n);
      shift += n;
    }
    for (let i = lineStart; i < lineEnd; i++) {
      const c = text[i];
      if (quote) {
        if (c === quote) {
          if (quote === "'" && text[i + 1] === "'") i++;
          else quote = '';
        } else if (c === '\\' && quote === '"') i++;
        continue;
      }
      if (c === '#' && (i === lineStart || text[i - 1] === ' ' || text[i - 1] === '\t')) break;
      // A quote opens a scalar only where one can start (inside a flow, after `: `, `- `, or first
      // on its line); elsewhere it is part of a plain scalar (`don't`).
      if ((c === '"' || c === "'") && (depth > 0 || scalarStart(text, lineStart, i))) quote = c;
      else if (c === '[' || c === '{') { if (depth++ === 0) openIndent = indent; }
      else if ((c === ']' || c === '}') && depth > 0) depth--;
    }
    out += text.slice(lineStart, Math.min(lineEnd + 1, text.length));
    lineStart = lineEnd + 1;
  }
  if (inserted.length === 0) return null;
  // shiftBefore[k]: the spaces inserted by the first k insertions.
  const shiftBefore = [0];
  for (const ins of inserted) shiftBefore.push(shiftBefore[shiftBefore.length - 1] + ins.n);
  return {
    text: out,
    back: (offset) => {
      // The insertions that end at or before this offset, in the new text.
      const k = partitionPoint(inserted.length, (i) => inserted[i].shiftedAt + inserted[i].n > offset);
      return offset - shiftBefore[k];
    },
  };
}

/** Is `i` where a block scalar value can start: first on its line, or after `: ` / `- `? */
function scalarStart(text: string, lineStart: number, i: number): boolean {
  let j = i - 1;
  while (j >= lineStart && text[j] === ' ') j--;
  return j < lineStart || ((text[j] === ':' || text[j] === '-') && j < i - 1);
}

/** `text` is what is parsed; `source` (the file as written) is what positions point into. */
function parseText(text: string, file: string, limits: YamlLimits, back: ((offset: number) => number) | null, source = text): ParsedYaml {
  const issues: LoadIssue[] = [];
  const docs: CNode[] = [];
  let parsed: Document.Parsed[];
  try {
    const r = parseAllDocuments(text, { uniqueKeys: false, merge: false, prettyErrors: false, strict: true, version: '1.2' });
    parsed = Array.isArray(r) ? r : [];
    if (!Array.isArray(r)) for (const e of (r as { errors: Array<{ code: string; message: string; pos: [number, number] }> }).errors) issues.push({ kind: 'syntax', message: describeYamlError(e.code, e.message, text, e.pos[0]), origin: { file, start: e.pos[0], end: e.pos[1] } });
  } catch (e) {
    const message = e instanceof RangeError ? 'the YAML nests too deeply to be read' : `invalid YAML: ${(e as Error).message}`;
    issues.push({ kind: 'syntax', message, origin: { file, start: 0, end: Math.min(1, text.length) } });
    return { docs, issues };
  }
  for (const doc of parsed) {
    if (doc.errors.length) {
      // The first error is the cause; the parser's follow-up errors only repeat it.
      for (const e of doc.errors.slice(0, 1)) {
        const at = pastIndentation(text, e.pos[0]);
        const start = at ? at.start : errorStart(e.message, text, e.pos[0]);
        const end = at ? at.end : start === e.pos[0] ? Math.max(e.pos[1], e.pos[0]) : start + 1;
        issues.push({ kind: 'syntax', message: describeYamlError(e.code, e.message, text, e.pos[0]), origin: { file, start, end } });
      }
      continue;
    }
    if (doc.contents === null) continue;
    try {
      docs.push(new Converter(file, source, limits, back).convert(doc.contents as YNode, 0, null));
    } catch (e) {
      if (e instanceof LimitError) issues.push({ kind: 'syntax', message: e.message, origin: e.origin });
      else if (e instanceof RangeError) issues.push({ kind: 'syntax', message: 'the YAML nests too deeply to be read', origin: { file, start: 0, end: 1 } });
      else throw e;
    }
  }
  return { docs, issues };
}

/** Space, tab, CR or LF. */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The key of `? ` with nothing after it (two of them are duplicates, as in the yaml package). */
const NULL_KEY = Symbol('null key');

class Converter {
  private readonly anchors = new Map<string, CNode>();
  private readonly sizes = new WeakMap<CNode, number>();
  private expanded = 0;
  constructor(private readonly file: string, private readonly text: string, private readonly limits: YamlLimits, private readonly back: ((offset: number) => number) | null = null) {}

  private origin(n: { range?: [number, number, number] | null } | null | undefined, fallback: number): Origin {
    const r = n?.range;
    if (!r) return { file: this.file, start: fallback, end: fallback };
    const start = this.back ? this.back(r[0]) : r[0];
    let end = this.back ? this.back(r[1]) : r[1];
    // A block collection or block scalar ends after its last line break: end on its last line.
    while (end > start && isSpace(this.text.charCodeAt(end - 1))) end--;
    return { file: this.file, start, end };
  }

  private count(n: number, at: Origin): void {
    this.expanded += n;
    if (this.expanded > this.limits.maxExpandedNodes) {
      throw new LimitError(`aliases expand to more than ${this.limits.maxExpandedNodes} nodes (a "billion laughs" YAML bomb?); the file is not loaded`, at);
    }
  }

  convert(node: YNode | null, depth: number, fallbackAt: number | null): CNode {
    if (depth > this.limits.maxDepth) {
      throw new LimitError(`the YAML nests more than ${this.limits.maxDepth} levels deep; the file is not loaded`, this.origin(node, fallbackAt ?? 0));
    }
    if (node === null || node === undefined) {
      const at = fallbackAt ?? 0;
      const s: CScalar = { kind: 'scalar', value: null, raw: null, style: 'plain', interpolated: false, unknown: false, origin: { file: this.file, start: at, end: at }, refs: 1 };
      this.count(1, s.origin);
      return s;
    }
    if (isAlias(node)) {
      const target = this.anchors.get(node.source);
      const at = this.origin(node, fallbackAt ?? 0);
      if (!target) throw new LimitError(`alias *${node.source} refers to an anchor that is not defined before it (or to a node that contains the alias)`, at);
      target.refs++;
      this.count(this.sizes.get(target) ?? 1, at);
      return target;
    }
    const before = this.expanded;
    let out: CNode;
    const tag = (node as { tag?: string }).tag;
    if (isScalar(node)) {
      const v = node.value;
      const value = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : typeof v === 'bigint' ? Number(v) : String(v);
      out = { kind: 'scalar', value, raw: value, style: STYLE[node.type ?? 'PLAIN'] ?? 'plain', interpolated: false, unknown: false, origin: this.origin(node, fallbackAt ?? 0), refs: 1 };
      this.count(1, out.origin);
    } else if (isMap(node)) {
      const map: CMap = { kind: 'map', entries: new Map(), flow: !!node.flow, origin: this.origin(node, fallbackAt ?? 0), refs: 1 };
      this.count(1, map.origin);
      const merges: CMap[] = [];
      // Duplicate keys are found here, in one pass: the yaml package's own check compares each key
      // with all before it, which made a mapping of 40,000 keys take seconds.
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const k = pair.key as YNode | null;
        const keyOrigin = this.origin(k, map.origin.start);
        if (k !== null && !isScalar(k)) throw new LimitError('a mapping key must be a plain value (Compose keys are strings)', keyOrigin);
        const keyValue = k === null ? '' : (k as { value: unknown }).value;
        const id = k === null ? NULL_KEY : keyValue;
        if (seen.has(id)) {
          const at = keyOrigin.start;
          throw new LimitError(describeYamlError('DUPLICATE_KEY', '', this.text, at), { file: this.file, start: at, end: Math.max(keyOrigin.end, at + 1) });
        }
        seen.add(id);
        const key = keyValue === null ? 'null' : String(keyValue);
        const value = this.convert(pair.value as YNode | null, depth + 1, keyOrigin.end);
        if (key === '<<' && k !== null && (k as { type?: string }).type === 'PLAIN') {
          const sources = value.kind === 'seq' ? value.items : [value];
          for (const s of sources) {
            if (s.kind !== 'map') throw new LimitError('a << merge key takes a mapping or a list of mappings', s.origin);
            merges.push(s);
          }
          continue;
        }
        map.entries.set(key, { key, keyOrigin, value });
      }
      for (const src of merges) {
        for (const [k, e] of src.entries) {
          if (map.entries.has(k)) continue;
          const merged: CEntry = { ...e, merged: true };
          map.entries.set(k, merged);
        }
      }
      out = map;
    } else if (isSeq(node)) {
      const seq: CNode = { kind: 'seq', items: [], flow: !!node.flow, origin: this.origin(node, fallbackAt ?? 0), refs: 1 };
      this.count(1, seq.origin);
      for (const item of node.items) seq.items.push(this.convert(item as YNode | null, depth + 1, seq.origin.start));
      out = seq;
    } else {
      throw new LimitError('unsupported YAML node', this.origin(node, fallbackAt ?? 0));
    }
    if (tag && !tag.startsWith('tag:yaml.org,2002:')) out.tag = tag;
    this.sizes.set(out, this.expanded - before);
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) this.anchors.set(anchor, out);
    return out;
  }
}
