/**
 * Validates source-mapped Compose nodes against the Compose Specification JSON Schema (vendored in
 * ./schema/compose-spec.json; see ./schema/NOTICE.md). A small interpreter for the subset
 * the schema uses ($ref, type, properties, patternProperties, additionalProperties, items, oneOf,
 * anyOf, enum, required, pattern, minimum, maximum, uniqueItems), plus the Go durations the schema
 * only types as strings. Problems are reported at the key or
 * value they concern, with a "did you mean" for unknown keys.
 */
import { didYouMean } from '../../engine/messages.js';
import composeSpec from './schema/compose-spec.json' with { type: 'json' };
import type { CNode, LoadIssue, Origin } from './types.js';
import { append } from '../../append.js';
import { castAt, converts } from './type-casts.js';
import { portSpecProblem } from './port-spec.js';

interface Schema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  patternProperties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  required?: string[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  uniqueItems?: boolean;
  /** Named subschemas: `$defs` (draft 2020-12, the current schema) or `definitions` (draft-07). */
  $defs?: Record<string, Schema>;
  definitions?: Record<string, Schema>;
}

const ROOT = composeSpec as unknown as Schema;
const DEFS = ROOT.$defs ?? ROOT.definitions ?? {};
const regexCache = new Map<string, RegExp>();
const re = (p: string) => {
  let r = regexCache.get(p);
  if (!r) regexCache.set(p, (r = new RegExp(p, 'u')));
  return r;
};

function deref(s: Schema): Schema {
  let cur = s;
  for (let i = 0; cur.$ref && i < 10; i++) {
    const name = cur.$ref.replace(/^#\/(?:\$defs|definitions)\//, '');
    cur = DEFS[name] ?? {};
  }
  return cur;
}

type JType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

function jsonType(n: CNode): JType {
  if (n.kind === 'map') return 'object';
  if (n.kind === 'seq') return 'array';
  const v = n.raw;
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return 'string';
}

/**
 * A string where Compose converts it before validating (`required: ${X:-true}`, `read_only: "true"`):
 * the type it converts to. A `${VAR}` is taken to convert; its value is only known after interpolation.
 */
function castType(n: CNode, path: string[]): JType | undefined {
  if (n.kind !== 'scalar' || typeof n.raw !== 'string') return undefined;
  const type = castAt(path);
  if (!type) return undefined;
  return n.raw.includes('$') || converts(n.raw, type) ? type : undefined;
}

function typeMatches(t: JType, want: string | string[] | undefined): boolean {
  if (want === undefined) return true;
  const list = Array.isArray(want) ? want : [want];
  return list.some((w) => w === t || (w === 'number' && t === 'integer'));
}

const NOUN: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'a string', number: 'a number', integer: 'an integer', boolean: 'a boolean', null: 'empty' };

function describeTypes(types: Iterable<string>): string {
  const words = [...new Set([...types].map((t) => NOUN[t] ?? t))];
  return words.length <= 1 ? (words[0] ?? 'something else') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

interface Where {
  /** Dotted path of the node (e.g. `services.web.deploy`). */
  path: string[];
  /** Origin of the key the node is the value of. */
  keyOrigin: Origin | null;
}

function describePath(path: string[]): string {
  if (path.length === 0) return 'at the top level';
  if (path[0] === 'services' && path.length === 2) return `in service "${path[1]}"`;
  if (path[0] === 'services' && path.length > 2) return `in "${path.slice(2).join('.')}" of service "${path[1]}"`;
  return `in "${path.join('.')}"`;
}

const display = (path: string[]) => (path.length ? `"${path[path.length - 1]}"` : 'the file');

/** Validate one Compose file's document. */
export function validateCompose(root: CNode): LoadIssue[] {
  const out: LoadIssue[] = [];
  check(ROOT, root, { path: [], keyOrigin: null }, out);
  checkDurations(root, out);
  checkPortSpecs(root, out);
  return out;
}

/**
 * Service keys Compose parses as Go durations (`1m30s`, `500ms`): the schema only says "string", and
 * `docker compose config` fails on `10q` or `1x`.
 */
const DURATIONS: string[][] = [
  ['stop_grace_period'],
  ...['interval', 'timeout', 'start_period', 'start_interval'].map((k) => ['healthcheck', k]),
  ...['delay', 'window'].map((k) => ['deploy', 'restart_policy', k]),
  ...['update_config', 'rollback_config'].flatMap((c) => ['delay', 'monitor'].map((k) => ['deploy', c, k])),
];

/** Go's time.ParseDuration: a sign, then numbers with units (`1h2m`, `.5s`); also a bare number, which shipready reads as seconds elsewhere. */
const GO_DURATION = /^[-+]?((\d+\.?\d*|\.\d+)|((\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h))+)$/;

function checkDurations(root: CNode, out: LoadIssue[]): void {
  const services = root.kind === 'map' ? root.entries.get('services')?.value : undefined;
  if (services?.kind !== 'map') return;
  // A value shared through an anchor is reported once, where it is written.
  const seen = new Set<number>();
  for (const [name, svc] of services.entries) {
    for (const path of DURATIONS) {
      let n: CNode | undefined = svc.value;
      for (const k of path) n = n?.kind === 'map' ? n.entries.get(k)?.value : undefined;
      if (n?.kind !== 'scalar' || typeof n.raw !== 'string' || n.raw.includes('$') || GO_DURATION.test(n.raw) || seen.has(n.origin.start)) continue;
      seen.add(n.origin.start);
      out.push({ kind: 'schema', message: `"${path[path.length - 1]}" ${describePath(['services', name, ...path.slice(0, -1)])} must be a duration such as 30s or 1m30s, not "${n.raw}"`, origin: n.origin });
    }
  }
}

/** Short-syntax `ports` entries Compose cannot parse (port-spec.ts); long-syntax ones are typed by the schema. */
function checkPortSpecs(root: CNode, out: LoadIssue[]): void {
  const services = root.kind === 'map' ? root.entries.get('services')?.value : undefined;
  if (services?.kind !== 'map') return;
  const seen = new Set<number>();
  for (const [name, svc] of services.entries) {
    const list = svc.value.kind === 'map' ? svc.value.entries.get('ports')?.value : undefined;
    if (list?.kind !== 'seq') continue;
    for (const n of list.items) {
      if (n.kind !== 'scalar' || typeof n.raw !== 'string' || n.raw.includes('$') || seen.has(n.origin.start)) continue;
      const problem = portSpecProblem(n.raw);
      if (!problem) continue;
      seen.add(n.origin.start);
      out.push({ kind: 'schema', message: `port "${n.raw}" ${describePath(['services', name, 'ports'])} is not [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]: ${problem}`, origin: n.origin });
    }
  }
}

function check(schema: Schema, n: CNode, where: Where, out: LoadIssue[]): void {
  const s = deref(schema);
  if (n.tag === '!reset' || n.tag === '!override') return;
  const t = castType(n, where.path) ?? jsonType(n);
  if (s.oneOf || s.anyOf) {
    const alts = (s.oneOf ?? s.anyOf)!.map(deref);
    let best: LoadIssue[] | undefined;
    let bestScore = Infinity;
    for (const alt of alts) {
      const errs: LoadIssue[] = [];
      check(alt, n, where, errs);
      if (errs.length === 0) { best = undefined; bestScore = -1; break; }
      // Prefer an alternative whose type fits: its errors say what is wrong inside the value.
      const score = (altTypeFits(alt, t) ? 0 : 1000) + errs.length;
      if (score < bestScore) { bestScore = score; best = errs; }
    }
    if (bestScore >= 0 && best) {
      if (bestScore >= 1000) {
        const types = new Set<string>();
        for (const alt of alts) collectTypes(alt, types);
        out.push({ kind: 'schema', message: `${display(where.path)} ${describePath(where.path.slice(0, -1))} must be ${describeTypes(types)}, not ${NOUN[t]}`, origin: n.origin });
      } else append(out, best);
    }
    if (!s.type && !s.properties) return;
  }
  if (s.allOf) for (const a of s.allOf) check(a, n, where, out);
  if (!typeMatches(t, s.type)) {
    out.push({ kind: 'schema', message: `${display(where.path)} ${describePath(where.path.slice(0, -1))} must be ${describeTypes(Array.isArray(s.type) ? s.type : [s.type!])}, not ${NOUN[t]}`, origin: n.origin });
    return;
  }
  if (s.enum && n.kind === 'scalar' && !s.enum.includes(n.raw)) {
    if (!(typeof n.raw === 'string' && n.raw.includes('$'))) {
      const hint = typeof n.raw === 'string' ? didYouMean(n.raw, s.enum.map(String)) : undefined;
      out.push({ kind: 'schema', message: `${display(where.path)} ${describePath(where.path.slice(0, -1))} must be one of ${s.enum.map((e) => `"${String(e)}"`).join(', ')}, not "${String(n.raw)}"${hint ? `; did you mean "${hint}"?` : ''}`, origin: n.origin });
    }
  }
  if (n.kind === 'scalar') {
    if (s.pattern && typeof n.raw === 'string' && !n.raw.includes('$') && !re(s.pattern).test(n.raw)) {
      out.push({ kind: 'schema', message: `${display(where.path)} ${describePath(where.path.slice(0, -1))} has an invalid value "${n.raw}"`, origin: n.origin });
    }
    if (typeof n.raw === 'number') {
      if (s.minimum !== undefined && n.raw < s.minimum) out.push({ kind: 'schema', message: `${display(where.path)} must be at least ${s.minimum}`, origin: n.origin });
      if (s.maximum !== undefined && n.raw > s.maximum) out.push({ kind: 'schema', message: `${display(where.path)} must be at most ${s.maximum}`, origin: n.origin });
    }
    return;
  }
  if (n.kind === 'seq') {
    const items = s.items ? deref(s.items) : undefined;
    const seen = s.uniqueItems ? new Map<string, CNode>() : undefined;
    for (let i = 0; i < n.items.length; i++) {
      const item = n.items[i];
      if (items) check(items, item, { path: [...where.path], keyOrigin: where.keyOrigin }, out);
      if (seen && item.kind === 'scalar') {
        const k = `${typeof item.raw}:${String(item.raw)}`;
        if (seen.has(k)) out.push({ kind: 'schema', message: `"${String(item.raw)}" is listed twice ${describePath(where.path)}; each item must be unique`, origin: item.origin });
        else seen.set(k, item);
      }
    }
    return;
  }
  // Mapping.
  const props = s.properties ?? {};
  for (const [key, entry] of n.entries) {
    const childWhere = { path: [...where.path, key], keyOrigin: entry.keyOrigin };
    const p = props[key];
    if (p) { check(p, entry.value, childWhere, out); continue; }
    let matched = false;
    if (s.patternProperties) {
      for (const [pat, ps] of Object.entries(s.patternProperties)) {
        if (re(pat).test(key)) { matched = true; check(ps, entry.value, childWhere, out); }
      }
    }
    if (matched) continue;
    if (s.additionalProperties === false) {
      if (entry.merged) continue; // reported where it is written
      const known = Object.keys(props);
      const hint = known.length ? didYouMean(key, known) : undefined;
      const what = s.patternProperties && !known.length
        ? `name "${key}" is not valid ${describePath(where.path)} (use letters, digits, ".", "_" and "-")`
        : `unknown key "${key}" ${describePath(where.path)}${hint ? `; did you mean "${hint}"?` : ''}`;
      out.push({ kind: 'schema', message: what, origin: entry.keyOrigin });
    } else if (typeof s.additionalProperties === 'object') check(s.additionalProperties, entry.value, childWhere, out);
  }
  for (const req of s.required ?? []) {
    if (!n.entries.has(req)) out.push({ kind: 'schema', message: `"${req}" is required ${describePath(where.path)}`, origin: where.keyOrigin ?? n.origin });
  }
}

function altTypeFits(alt: Schema, t: JType): boolean {
  const s = deref(alt);
  if (s.type !== undefined) return typeMatches(t, s.type);
  if (s.oneOf || s.anyOf) return (s.oneOf ?? s.anyOf)!.some((a) => altTypeFits(a, t));
  if (s.properties || s.patternProperties) return t === 'object';
  if (s.items) return t === 'array';
  return true;
}

function collectTypes(alt: Schema, out: Set<string>): void {
  const s = deref(alt);
  if (s.type !== undefined) for (const x of Array.isArray(s.type) ? s.type : [s.type]) out.add(x);
  for (const a of s.oneOf ?? s.anyOf ?? []) collectTypes(a, out);
}
