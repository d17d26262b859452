import { ruleDocUrl } from '../docs/paths.js';
import { isTextLocation } from '../finding.js';
import type { Finding, ImageLocation, Location } from '../finding.js';

export const TOOL_NAME = 'shipready';
export { REPO_URL as INFORMATION_URI } from '../docs/paths.js';

/** Where a rule's documentation page lives. */
export function ruleDocsUrl(id: string, name: string): string {
  return ruleDocUrl({ id, name });
}

/** `image[:layer][ path][ field]`: how an image location is shown to people. */
export function imageLabel(loc: ImageLocation): string {
  let s = loc.image;
  if (loc.layer) s += `:${loc.layer}`;
  if (loc.path) s += ` ${loc.path}`;
  if (loc.field) s += ` ${loc.field}`;
  return s;
}

/** `[layer][ path][ field]`: the part of an image location below the image itself. */
export function imageDetail(loc: ImageLocation): string {
  return imageLabel(loc).slice(loc.image.length).replace(/^[: ]/, '');
}

/** The key findings are grouped under: the file, or the image for image findings. */
export function groupKey(loc: Location): string {
  return isTextLocation(loc) ? loc.file : loc.image;
}

/** `ruleId/ruleName (alias, alias)`. */
export function ruleLabel(f: Pick<Finding, 'ruleId' | 'ruleName' | 'aliases'>): string {
  const aliases = f.aliases.length ? ` (${f.aliases.join(', ')})` : '';
  return `${f.ruleId}/${f.ruleName}${aliases}`;
}

export interface FindingGroup<L extends Location = Location> {
  key: string;
  findings: Array<Finding & { location: L }>;
}

/**
 * Findings grouped by file (or image), groups in the order of `order` first and then by first
 * appearance; inside a group text findings are sorted by position (stable).
 */
export function groupFindings(findings: readonly Finding[], order: readonly string[] = []): FindingGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const k of order) groups.set(k, []);
  for (const f of findings) {
    const k = groupKey(f.location);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(f);
  }
  const out: FindingGroup[] = [];
  for (const [key, list] of groups) {
    const sorted = list
      .map((f, i) => ({ f, i }))
      .sort((a, b) => comparePositions(a.f.location, b.f.location) || a.i - b.i)
      .map((x) => x.f);
    out.push({ key, findings: sorted });
  }
  return out;
}

function comparePositions(a: Location, b: Location): number {
  if (isTextLocation(a) && isTextLocation(b)) return a.line - b.line || a.column - b.column;
  if (isTextLocation(a)) return -1;
  if (isTextLocation(b)) return 1;
  return 0;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

// --- XML ---------------------------------------------------------------------------------------

/** Characters XML 1.0 cannot carry at all (even as references): C0 controls, lone surrogates, U+FFFE/F. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escape text for an XML attribute value or element content; drops characters XML cannot hold. */
export function xmlEscape(s: string): string {
  return s.replace(XML_INVALID, '\uFFFD').replace(/[&<>"'\r\n\t]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case "'":
        return '&apos;';
      // Attribute value normalisation would turn raw whitespace into spaces: keep it as references.
      case '\r':
        return '&#13;';
      case '\n':
        return '&#10;';
      default:
        return '&#9;';
    }
  });
}

export function xmlAttrs(attrs: Record<string, string | number | undefined>): string {
  let s = '';
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    s += ` ${k}="${xmlEscape(String(v))}"`;
  }
  return s;
}

export const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>';
