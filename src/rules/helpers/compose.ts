/** Reading Compose nodes in rules: typed access, mount and port parsing, joined facts, YAML edits. */
import { imageRunsAsRoot, parseImageName, type ImageName } from '../../model/compose/images.js';
import { dockerfileFacts, type DockerfileFacts } from '../../model/compose/join.js';
import { isRootUser } from '../../model/user.js';
import { subOrigin, toDict } from '../../model/compose/merge.js';
import type { CEntry, CMap, CNode, CScalar, CSeq, ComposeProject, ComposeService, Origin } from '../../model/compose/types.js';
import type { ComposeRuleContext, FileEdit as Edit } from '../compose-types.js';
import { isDevContainerPath } from './devcontainer.js';

export { subOrigin };

/** The node at a path of mapping keys. */
export function get(n: CNode | undefined, ...path: string[]): CNode | undefined {
  let cur = n;
  for (const k of path) {
    if (cur?.kind !== 'map') return undefined;
    cur = cur.entries.get(k)?.value;
  }
  return cur;
}

export function entry(n: CNode | undefined, key: string): CEntry | undefined {
  return n?.kind === 'map' ? n.entries.get(key) : undefined;
}

/** A scalar with a known, non-null value. */
export function known(n: CNode | undefined): n is CScalar {
  return n?.kind === 'scalar' && !n.unknown && n.value !== null;
}

export function str(n: CNode | undefined): string | undefined {
  return known(n) ? String(n.value) : undefined;
}

/** Compose's boolean casting (Go's ParseBool plus YAML spellings); undefined when unknown or not a boolean. */
export function bool(n: CNode | undefined): boolean | undefined {
  if (!known(n)) return undefined;
  if (typeof n.value === 'boolean') return n.value;
  const s = String(n.value).toLowerCase();
  if (['true', '1', 't', 'yes', 'y', 'on'].includes(s)) return true;
  if (['false', '0', 'f', 'no', 'n', 'off'].includes(s)) return false;
  return undefined;
}

export function items(n: CNode | undefined): CNode[] {
  return n?.kind === 'seq' ? n.items : [];
}

export interface DictEntry {
  key: string;
  keyOrigin: Origin;
  /** The value (null when written as `KEY` without `=`, or `KEY:` with no value). */
  value: CScalar | null;
}

/** Entries of a list-or-dict attribute (`environment`, `labels`, `build.args`, ...). */
export function dict(n: CNode | undefined): DictEntry[] {
  const m = n ? toDict(n) : undefined;
  if (!m) return [];
  return [...m.entries.values()].map((e) => ({ key: e.key, keyOrigin: e.keyOrigin, value: e.value.kind === 'scalar' && e.value.value !== null ? e.value : null }));
}

/** A service's `environment:` entries written as literal values (not `${VAR}`, not unknown), as text. */
export function literalEnvironment(svc: ComposeService): Array<{ key: string; value: string; origin: Origin }> {
  const out: Array<{ key: string; value: string; origin: Origin }> = [];
  for (const e of dict(get(svc.node, 'environment'))) {
    const v = e.value;
    if (v && !v.unknown && !v.interpolated) out.push({ key: e.key, value: String(v.value), origin: v.origin });
  }
  return out;
}

/** The service's `image`, parsed (undefined when absent or unknown). */
export function serviceImage(svc: ComposeService): { node: CScalar; ref: ImageName } | undefined {
  const n = get(svc.node, 'image');
  if (!known(n)) return undefined;
  return { node: n, ref: parseImageName(String(n.value)) };
}

/** Go-style duration (`1m30s`, `500ms`, `10s`) or a bare number of seconds, in seconds. */
export function durationSeconds(v: string | number): number | undefined {
  if (typeof v === 'number') return v;
  const s = v.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  const re = /(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/gy;
  let total = 0;
  let m: RegExpExecArray | null;
  let pos = 0;
  const unit: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6, 'µs': 1e-6, ns: 1e-9 };
  while ((m = re.exec(s))) {
    total += Number(m[1]) * unit[m[2]];
    pos = re.lastIndex;
  }
  return pos === s.length && pos > 0 ? total : undefined;
}

export interface Mount {
  type: 'bind' | 'volume' | 'anonymous' | 'tmpfs' | 'other';
  source: string | null;
  target: string | null;
  readOnly: boolean;
  node: CNode;
  sourceOrigin: Origin;
  targetOrigin: Origin;
}

/** The service's `volumes` (short and long syntax), skipping entries whose value is unknown. */
export function mounts(svc: ComposeService): Mount[] {
  const out: Mount[] = [];
  for (const n of items(get(svc.node, 'volumes'))) {
    if (n.kind === 'scalar') {
      if (!known(n)) continue;
      const text = String(n.value);
      const parts = splitVolume(text);
      let source: string | null = null;
      let target: string;
      let mode = '';
      let srcRange: [number, number] | null = null;
      let tgtRange: [number, number];
      if (parts.length === 1) {
        target = parts[0].text;
        tgtRange = [parts[0].at, parts[0].at + target.length];
      } else {
        source = parts[0].text;
        srcRange = [parts[0].at, parts[0].at + source.length];
        target = parts[1].text;
        tgtRange = [parts[1].at, parts[1].at + target.length];
        mode = parts[2]?.text ?? '';
      }
      const type: Mount['type'] = source === null ? 'anonymous' : isHostPath(source) ? 'bind' : 'volume';
      out.push({
        type,
        source,
        target,
        readOnly: mode.split(',').includes('ro'),
        node: n,
        sourceOrigin: srcRange ? subOrigin(n, srcRange[0], srcRange[1]) : n.origin,
        targetOrigin: subOrigin(n, tgtRange[0], tgtRange[1]),
      });
    } else if (n.kind === 'map') {
      const t = str(get(n, 'type')) ?? 'volume';
      const src = get(n, 'source');
      const tgt = get(n, 'target');
      if ((src && src.kind === 'scalar' && src.unknown) || (tgt && tgt.kind === 'scalar' && tgt.unknown)) continue;
      const source = str(src) ?? null;
      const type: Mount['type'] = t === 'bind' ? 'bind' : t === 'tmpfs' ? 'tmpfs' : t === 'volume' ? (source ? 'volume' : 'anonymous') : 'other';
      out.push({
        type,
        source,
        target: str(tgt) ?? null,
        readOnly: bool(get(n, 'read_only')) === true,
        node: n,
        sourceOrigin: src?.origin ?? n.origin,
        targetOrigin: tgt?.origin ?? n.origin,
      });
    }
  }
  return out;
}

function splitVolume(text: string): Array<{ text: string; at: number }> {
  const out: Array<{ text: string; at: number }> = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === ':') {
      // Windows drive letter: `C:\x` or `C:/x` stays one part.
      if (i < text.length && i - start === 1 && /[A-Za-z]/.test(text[start]) && (text[i + 1] === '\\' || text[i + 1] === '/')) continue;
      out.push({ text: text.slice(start, i), at: start });
      start = i + 1;
    }
  }
  return out;
}

export function isHostPath(s: string): boolean {
  return s.startsWith('/') || s.startsWith('.') || s.startsWith('~') || /^[A-Za-z]:[\\/]/.test(s) || s.startsWith('\\\\');
}

/** Normalise a container or host path: collapse slashes, drop a trailing slash. */
export function normPath(p: string): string {
  const s = p.replace(/\/+/g, '/');
  return s.length > 1 ? s.replace(/\/$/, '') : s;
}

export interface PortMapping {
  node: CNode;
  /** Host IP as written (null: all interfaces). */
  hostIp: string | null;
  hostIpOrigin: Origin | null;
  /** Published host port or range (null: not published, or an ephemeral port). */
  published: string | null;
  publishedOrigin: Origin | null;
  target: string;
  targetOrigin: Origin;
  protocol: string;
  origin: Origin;
}

/** The service's `ports` (short and long syntax), skipping entries whose value is unknown. */
export function ports(svc: ComposeService): PortMapping[] {
  const out: PortMapping[] = [];
  for (const n of items(get(svc.node, 'ports'))) {
    if (n.kind === 'scalar') {
      if (!known(n)) continue;
      const text = String(n.value);
      let rest = text;
      let protocol = 'tcp';
      const slash = rest.lastIndexOf('/');
      if (slash >= 0) { protocol = rest.slice(slash + 1); rest = rest.slice(0, slash); }
      let hostIp: string | null = null;
      let ipRange: [number, number] | null = null;
      let body = rest;
      let bodyAt = 0;
      if (rest.startsWith('[')) {
        const close = rest.indexOf(']');
        hostIp = rest.slice(1, close);
        ipRange = [0, close + 1];
        body = rest.slice(close + 2);
        bodyAt = close + 2;
      }
      const parts = body.split(':');
      let published: string | null = null;
      let pubRange: [number, number] | null = null;
      if (!ipRange && parts.length >= 3) {
        const ipLen = body.lastIndexOf(':', body.lastIndexOf(':') - 1);
        hostIp = body.slice(0, ipLen);
        ipRange = [0, ipLen];
        published = parts[parts.length - 2];
        pubRange = [ipLen + 1, ipLen + 1 + published.length];
      } else if (parts.length >= 2) {
        published = parts[parts.length - 2];
        const at = bodyAt + body.length - parts[parts.length - 1].length - 1 - published.length;
        pubRange = [at, at + published.length];
      }
      const target = parts[parts.length - 1];
      const tAt = bodyAt + body.length - target.length;
      out.push({
        node: n,
        hostIp: hostIp === '' ? null : hostIp,
        hostIpOrigin: ipRange ? subOrigin(n, ipRange[0], ipRange[1]) : null,
        published: published === '' ? null : published,
        publishedOrigin: pubRange ? subOrigin(n, pubRange[0], pubRange[1]) : null,
        target,
        targetOrigin: subOrigin(n, tAt, tAt + target.length),
        protocol,
        origin: n.origin,
      });
    } else if (n.kind === 'map') {
      const fields = ['host_ip', 'published', 'target', 'protocol'].map((k) => get(n, k));
      if (fields.some((f) => f?.kind === 'scalar' && f.unknown)) continue;
      const [ip, pub, tgt, proto] = fields;
      out.push({
        node: n,
        hostIp: str(ip) ?? null,
        hostIpOrigin: ip?.origin ?? null,
        published: str(pub) ?? null,
        publishedOrigin: pub?.origin ?? null,
        target: str(tgt) ?? '',
        targetOrigin: tgt?.origin ?? n.origin,
        protocol: str(proto) ?? 'tcp',
        origin: n.origin,
      });
    }
  }
  return out;
}

/** A port or port range (`8080`, `8000-8049`) as its bounds; null when it is not one. */
export function portRange(spec: string | null): { from: number; to: number } | null {
  if (!spec) return null;
  const m = /^(\d+)(?:-(\d+))?$/.exec(spec.trim());
  if (!m) return null;
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  // (Past 65535 it is no port; a digit string of any length must not become a loop to Infinity.)
  return to < from || to > 65535 ? null : { from, to };
}

/** Is a host IP "all interfaces"? */
export function isAllInterfaces(ip: string | null): boolean {
  return ip === null || ip === '' || ip === '0.0.0.0' || ip === '::' || ip === '[::]';
}

/** Dockerfile facts for a service with `build:` whose Dockerfile could be read. */
export function dockerfileOf(svc: ComposeService): DockerfileFacts | null {
  return svc.dockerfile ? dockerfileFacts(svc.dockerfile, svc.build?.target ?? null) : null;
}

export type EffectiveUser =
  | { source: 'service'; value: string; node: CScalar; root: boolean }
  | { source: 'dockerfile'; value: string | null; root: boolean | undefined }
  | { source: 'image'; image: string; root: boolean | undefined }
  | { source: 'unknown' };

/** The user the container runs as: `user:`, else the Dockerfile's USER, else what the image is known to do. */
export function effectiveUser(svc: ComposeService): EffectiveUser {
  const u = get(svc.node, 'user');
  if (u) return known(u) ? { source: 'service', value: String(u.value), node: u, root: isRootUser(String(u.value)) } : { source: 'unknown' };
  const f = dockerfileOf(svc);
  if (f) return { source: 'dockerfile', value: f.user ?? null, root: f.runsAsRoot };
  if (svc.build) return { source: 'unknown' };
  const img = serviceImage(svc);
  if (img) return { source: 'image', image: img.ref.raw, root: imageRunsAsRoot(img.ref) };
  return { source: 'unknown' };
}

export type HealthState = 'set' | 'disabled' | 'none' | 'unknown';

/** The healthcheck in effect: the service's, else the Dockerfile's (the image's is not visible). */
export function effectiveHealthcheck(svc: ComposeService): { state: HealthState; source: 'service' | 'dockerfile' | 'none' } {
  const hc = get(svc.node, 'healthcheck');
  if (hc?.kind === 'map') {
    const dis = bool(get(hc, 'disable'));
    if (dis === true) return { state: 'disabled', source: 'service' };
    const test = get(hc, 'test');
    if (test) {
      const first = test.kind === 'seq' ? str(test.items[0]) : str(test);
      if (first?.toUpperCase() === 'NONE') return { state: 'disabled', source: 'service' };
      if (test.kind === 'scalar' && test.unknown) return { state: 'unknown', source: 'service' };
      return { state: 'set', source: 'service' };
    }
  }
  const f = dockerfileOf(svc);
  if (f && f.healthcheck !== 'none') return { state: f.healthcheck, source: 'dockerfile' };
  if (svc.build && !svc.dockerfile) return { state: 'unknown', source: 'none' };
  return { state: 'none', source: 'none' };
}

// ---------------------------------------------------------------------------------------------
// Fixes: minimal text edits computed from node ranges (comments and layout elsewhere untouched).

/** A YAML value to write: scalars are written as given (already formatted), objects and lists nested. */
export type YamlValue = string | YamlValue[] | { [k: string]: YamlValue };

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndAt(text: string, offset: number): number {
  let i = text.indexOf('\n', offset);
  if (i < 0) i = text.length;
  if (i > 0 && text[i - 1] === '\r') i--;
  return i;
}

function renderFlow(v: YamlValue): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `[${v.map(renderFlow).join(', ')}]`;
  return `{${Object.entries(v).map(([k, x]) => `${k}: ${renderFlow(x)}`).join(', ')}}`;
}

function renderBlock(key: string, v: YamlValue, indent: string, unit: string): string[] {
  if (typeof v === 'string') return [`${indent}${key}: ${v}`];
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'string')) return [`${indent}${key}:`, ...v.map((x) => `${indent}${unit}- ${x as string}`)];
    return [`${indent}${key}: ${renderFlow(v)}`];
  }
  return [`${indent}${key}:`, ...Object.entries(v).flatMap(([k, x]) => renderBlock(k, x, indent + unit, unit))];
}

/**
 * Is the node written once, inside one of the service's own mappings, and reached from there
 * through no shared node (an anchored list that an alias elsewhere reuses, a merge)?
 */
export function editable(svc: ComposeService, n: CNode): boolean {
  if (n.refs > 1) return false;
  return svc.written.some((w) => w.refs === 1 && unsharedPath(w, n));
}

/** The values a node holds as written: a map's own (not merged-in) values, a sequence's items. */
function ownChildren(n: CNode): CNode[] {
  return n.kind === 'map' ? [...n.entries.values()].filter((e) => !e.merged).map((e) => e.value) : n.kind === 'seq' ? n.items : [];
}

/** Does `n` sit inside `from`, with every node on the way there used once? */
function unsharedPath(from: CNode, n: CNode): boolean {
  const within = (c: CNode) => c.origin.file === n.origin.file && c.origin.start <= n.origin.start && n.origin.end <= c.origin.end;
  let cur = from;
  while (cur !== n) {
    if (!within(cur)) return false;
    const kids = ownChildren(cur);
    // (A scalar reached by an alias sits where its anchor is written: maybe not where `cur` is.)
    const next = kids.find((k) => k === n) ?? kids.find((k) => k.kind !== 'scalar' && within(k));
    if (!next || next.refs > 1) return false;
    cur = next;
  }
  return true;
}

/**
 * The mapping a new service key should go into: the service's definition in its first file. None
 * when a file already writes `key` for the service: a key the merged service lacks was removed
 * there (`!reset`), so adding it again is a duplicate key or is removed again.
 */
export function serviceMapForInsert(svc: ComposeService, key: string): CMap | undefined {
  if (svc.written.some((m) => m.entries.has(key))) return undefined;
  const w = svc.written[0];
  return w && w.refs === 1 && w.entries.size > 0 ? w : undefined;
}

/** An edit that adds `key: value` at the end of mapping `map` (block or flow), or undefined. */
export function insertKey(ctx: ComposeRuleContext, map: CMap, key: string, value: YamlValue): Edit | undefined {
  return insertKeys(ctx, map, [[key, value]]);
}

/** An edit that adds several `key: value` pairs at the end of mapping `map`, or undefined. */
export function insertKeys(ctx: ComposeRuleContext, map: CMap, pairs: Array<[string, YamlValue]>): Edit | undefined {
  const file = ctx.file(map.origin.file);
  if (!file || map.refs > 1) return undefined;
  // A key written twice is invalid YAML (a merged-in `<<` key may be overridden).
  if (pairs.some(([k]) => map.entries.has(k) && !map.entries.get(k)!.merged)) return undefined;
  const text = file.text;
  if (map.flow) {
    const close = map.origin.end - 1;
    if (text[close] !== '}') return undefined;
    const children = [...map.entries.values()].filter((e) => !e.merged).flatMap((e) => [e.keyOrigin, e.value.origin]);
    const ins = flowInsertion(text, map.origin.start, close, children);
    if (!ins) return undefined;
    return { file: map.origin.file, start: ins.at, end: ins.at, text: `${ins.sep}${pairs.map(([k, v]) => `${k}: ${renderFlow(v)}`).join(', ')}` };
  }
  if (map.entries.size === 0 || endsInKeptBlockScalar(text, map)) return undefined;
  const first = map.origin.start;
  const ls = lineStartOf(text, first);
  const col = first - ls;
  if (col > 0 && /\S/.test(text.slice(ls, first).replace(/-/g, ''))) return undefined;
  const indent = ' '.repeat(col);
  const unit = detectUnit(text);
  const last = lastWrittenOffset(text, map.origin.end);
  const at = lineEndAt(text, last);
  const eol = file.source.lineEnding;
  return { file: map.origin.file, start: at, end: at, text: eol + pairs.flatMap(([k, v]) => renderBlock(k, v, indent, unit)).join(eol) };
}

/** An edit that appends an item to sequence `seq` (block or flow), or undefined. */
export function appendItem(ctx: ComposeRuleContext, seq: CSeq, item: string): Edit | undefined {
  const file = ctx.file(seq.origin.file);
  if (!file || seq.refs > 1) return undefined;
  const text = file.text;
  if (seq.flow) {
    const close = seq.origin.end - 1;
    if (text[close] !== ']') return undefined;
    const ins = flowInsertion(text, seq.origin.start, close, seq.items.map((n) => n.origin));
    if (!ins) return undefined;
    return { file: seq.origin.file, start: ins.at, end: ins.at, text: `${ins.sep}${item}` };
  }
  if (!seq.items.length || endsInKeptBlockScalar(text, seq)) return undefined;
  const ls = lineStartOf(text, seq.origin.start);
  const indent = ' '.repeat(seq.origin.start - ls);
  if (/\S/.test(text.slice(ls, seq.origin.start).replace(/-/g, ''))) return undefined;
  const at = lineEndAt(text, lastWrittenOffset(text, seq.origin.end));
  return { file: seq.origin.file, start: at, end: at, text: `${file.source.lineEnding}${indent}- ${item}` };
}

/**
 * Where a new last item of a flow collection (brackets at `open` and `close`) goes, and the
 * separator before it: right after the last item written here (`, x`), after a trailing comma
 * (`[a, ]`, valid YAML: ` x`), or after the open bracket of an empty one. Never before the closing
 * bracket, which may sit at the key's indentation, where only a bracket may stand. Undefined when
 * anything but a comma or comments follows the last item (an alias or a merge key written last).
 */
function flowInsertion(text: string, open: number, close: number, children: Origin[]): { at: number; sep: string } | undefined {
  let last = open + 1;
  for (const o of children) if (o.start > open && o.end <= close && o.end > last) last = o.end;
  let comma = -1;
  for (let i = last; i < close; i++) {
    const c = text[i];
    if (c === '#') i = text.indexOf('\n', i) < 0 ? close : text.indexOf('\n', i);
    else if (c === ',' && comma < 0) comma = i;
    else if (!/\s/.test(c)) return undefined;
  }
  if (comma >= 0) return last === open + 1 ? undefined : { at: comma + 1, sep: ' ' };
  return { at: last, sep: last === open + 1 ? '' : ', ' };
}

/**
 * Does the collection end with a block scalar that keeps its trailing line breaks (`|+`, `>+`)?
 * Those blank lines are part of the value: a key or item written after its last text line would
 * take them away from it.
 */
function endsInKeptBlockScalar(text: string, n: CNode): boolean {
  let last: CNode = n;
  for (;;) {
    const kids = ownChildren(last);
    let next: CNode | undefined;
    for (const k of kids) if (k.origin.file === n.origin.file && (!next || k.origin.end > next.origin.end)) next = k;
    if (!next) break;
    last = next;
  }
  if (last.kind !== 'scalar' || last.style !== 'block') return false;
  const header = text.slice(last.origin.start, text.indexOf('\n', last.origin.start) >>> 0);
  return /^[|>][0-9]?\+/.test(header);
}

/** Replace a scalar's text. */
export function replaceNode(n: CNode, text: string): Edit {
  return { file: n.origin.file, start: n.origin.start, end: n.origin.end, text };
}

/** The offset of the last written character at or before `end` (skipping trailing line breaks). */
function lastWrittenOffset(text: string, end: number): number {
  let i = Math.max(0, end - 1);
  while (i > 0 && (text[i] === '\n' || text[i] === '\r')) i--;
  return i;
}

function detectUnit(text: string): string {
  const m = /^( +)\S/m.exec(text);
  const n = m ? Math.min(m[1].length, 4) : 2;
  return ' '.repeat(n >= 2 ? n : 2);
}

/** Quote a string for YAML when needed. */
export function yamlString(s: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(s) && !/^(true|false|yes|no|on|off|null|~|\d+(\.\d+)?)$/i.test(s) ? s : JSON.stringify(s);
}

/** Can two services run at the same time? Not when both are in profiles and share none. */
export function canRunTogether(a: ComposeService, b: ComposeService): boolean {
  if (!a.profiles.length || !b.profiles.length) return true;
  return a.profiles.some((p) => b.profiles.includes(p));
}

/**
 * The services that rules about a missing setting (restart, limits, healthcheck, hardening) look
 * at: none in a dev container project, and no partial service, whose other half is elsewhere.
 */
export function completeServices(ctx: ComposeRuleContext): ComposeService[] {
  return isDevContainerProject(ctx.project) ? [] : ctx.services.filter((s) => !s.partial);
}

/** Is the project a dev container's (a Compose file in `.devcontainer/`)? Production rules skip it. */
export function isDevContainerProject(project: ComposeProject): boolean {
  return project.files.some((f) => isDevContainerPath(f.abs ?? f.path));
}
