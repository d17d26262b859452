/**
 * Merging Compose definitions the way `docker compose` merges override files and `extends`:
 * mappings key by key, most sequences appended, `ports`/`volumes`/`secrets`/`configs` by their unique
 * key, `command`/`entrypoint`/`healthcheck.test` replaced, list-or-dict attributes merged by name,
 * `!reset` removes and `!override` replaces. Merged nodes keep the origins of the values they hold.
 */
import type { CEntry, CMap, CNode, CScalar, CSeq } from './types.js';

const REPLACED = new Set(['services.*.command', 'services.*.entrypoint', 'services.*.healthcheck.test']);
const LIST_OR_DICT = new Set([
  'services.*.environment', 'services.*.labels', 'services.*.annotations', 'services.*.sysctls', 'services.*.extra_hosts',
  'services.*.build.args', 'services.*.build.labels', 'services.*.build.extra_hosts', 'services.*.depends_on', 'services.*.networks',
  'services.*.deploy.labels', 'services.*.logging.options', 'services.*.ulimits',
]);
const UNIQUE: Partial<Record<string, (n: CNode) => string | undefined>> = {
  'services.*.ports': portKey,
  'services.*.volumes': volumeKey,
  'services.*.secrets': refKey,
  'services.*.configs': refKey,
};

/** Path of a child for the merge tables: service names become `*`. */
export function childPath(path: string, key: string): string {
  if (path === 'services') return 'services.*';
  return path ? `${path}.${key}` : key;
}

/** Merge `over` onto `base` at `path` (e.g. `services.*.environment`); undefined means "remove". */
export function mergeNodes(base: CNode | undefined, over: CNode, path: string): CNode | undefined {
  if (over.tag === '!reset') return undefined;
  if (over.tag === '!override' || base === undefined) return over;
  if (REPLACED.has(path)) return over;
  if (LIST_OR_DICT.has(path) && (base.kind !== over.kind || base.kind === 'seq')) {
    const b = toDict(base);
    const o = toDict(over);
    if (b && o) return mergeMaps(b, o, path);
    return over;
  }
  if (base.kind === 'map' && over.kind === 'map') return mergeMaps(base, over, path);
  if (base.kind === 'seq' && over.kind === 'seq') {
    const keyOf = UNIQUE[path];
    const items = [...base.items];
    for (const item of over.items) {
      const k = keyOf ? keyOf(item) : item.kind === 'scalar' ? `=${String(item.value)}` : undefined;
      const at = k === undefined ? -1 : items.findIndex((x) => (keyOf ? keyOf(x) : x.kind === 'scalar' ? `=${String(x.value)}` : undefined) === k);
      if (at < 0) items.push(item);
      else if (keyOf) items[at] = item;
    }
    const seq: CSeq = { kind: 'seq', items, flow: base.flow, origin: base.origin, refs: 1 };
    return seq;
  }
  return over;
}

export function mergeMaps(base: CMap, over: CMap, path: string): CMap {
  const entries = new Map<string, CEntry>(base.entries);
  for (const [k, e] of over.entries) {
    const merged = mergeNodes(entries.get(k)?.value, e.value, childPath(path, k));
    if (merged === undefined) entries.delete(k);
    else entries.set(k, { key: k, keyOrigin: entries.get(k)?.keyOrigin ?? e.keyOrigin, value: merged, ...(merged === e.value && e.merged ? { merged: true } : {}) });
  }
  return { kind: 'map', entries, flow: base.flow, origin: base.origin, refs: 1 };
}

/** A list-or-dict attribute (`KEY=value` items or a mapping) as a mapping; values keep sub-ranges. */
export function toDict(n: CNode): CMap | undefined {
  if (n.kind === 'map') return n;
  if (n.kind !== 'seq') return undefined;
  const entries = new Map<string, CEntry>();
  for (const item of n.items) {
    if (item.kind !== 'scalar' || item.value === null) continue;
    const text = String(item.value);
    const eq = text.indexOf('=');
    const key = (eq < 0 ? text : text.slice(0, eq)).trim();
    const keyOrigin = subOrigin(item, 0, eq < 0 ? text.length : eq);
    const value: CScalar = eq < 0
      ? { kind: 'scalar', value: null, raw: null, style: 'plain', interpolated: false, unknown: false, origin: { ...keyOrigin, start: keyOrigin.end }, refs: 1 }
      : { ...item, value: text.slice(eq + 1), raw: typeof item.raw === 'string' && item.raw.includes('=') ? item.raw.slice(item.raw.indexOf('=') + 1) : item.raw, origin: subOrigin(item, eq + 1, text.length) };
    entries.set(key, { key, keyOrigin, value });
  }
  return { kind: 'map', entries, flow: n.flow, origin: n.origin, refs: n.refs };
}

/**
 * The origin of characters [from, to) of a scalar's value: exact when the value is written as is
 * (plain or quoted without escapes, nothing interpolated), else the whole scalar.
 */
export function subOrigin(s: CScalar, from: number, to: number): { file: string; start: number; end: number } {
  if (s.interpolated || typeof s.raw !== 'string' || s.style === 'block') return s.origin;
  const quote = s.style === 'plain' ? 0 : 1;
  const written = s.origin.end - s.origin.start - 2 * quote;
  if (written !== s.raw.length) return s.origin;
  if (s.style === 'double' && s.raw.includes('\\')) return s.origin;
  const start = s.origin.start + quote;
  return { file: s.origin.file, start: start + from, end: start + to };
}

function portKey(n: CNode): string | undefined {
  if (n.kind === 'scalar') return `p=${String(n.value)}`;
  if (n.kind === 'map') {
    const g = (k: string) => { const v = n.entries.get(k)?.value; return v?.kind === 'scalar' ? String(v.value ?? '') : ''; };
    return `p=${g('host_ip')}:${g('published')}:${g('target')}/${g('protocol') || 'tcp'}`;
  }
  return undefined;
}

function volumeKey(n: CNode): string | undefined {
  if (n.kind === 'scalar') {
    const parts = String(n.value ?? '').split(':');
    return `t=${parts.length >= 2 && !/^[A-Za-z]$/.test(parts[0]) ? parts[1] : parts[0]}`;
  }
  if (n.kind === 'map') {
    const t = n.entries.get('target')?.value;
    return t?.kind === 'scalar' ? `t=${String(t.value)}` : undefined;
  }
  return undefined;
}

function refKey(n: CNode): string | undefined {
  if (n.kind === 'scalar') return `r=${String(n.value)}`;
  if (n.kind === 'map') {
    const t = n.entries.get('target')?.value ?? n.entries.get('source')?.value;
    return t?.kind === 'scalar' ? `r=${String(t.value)}` : undefined;
  }
  return undefined;
}
