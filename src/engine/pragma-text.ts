/**
 * The text of a suppression comment (after `#`), read in linear time. A single regular expression
 * for these (`\s*[:=]\s*|\s+` then `[A-Za-z0-9_,\s-]+?\s*(?:--.*)?$`) backtracks cubically on a line
 * of spaces ending in another character: 2,000 spaces took seconds, 10,000 minutes.
 */

export interface PragmaText {
  /** `file`/`stage` for `shipready-ignore-file`/`-stage`, `global`/`stage` for hadolint's; null for the next-line form. */
  scope: string | null;
  codes: string[];
  origin: 'shipready' | 'hadolint';
}

const OWN_PREFIX = /^shipready-ignore(?:-(file|stage))?/i;
const HADOLINT_PREFIX = /^hadolint\s+(?:(global|stage)\s+)?ignore\s*=/i;
const CODES = /^[A-Za-z0-9_,\s-]+$/;

/**
 * `shipready-ignore[-file|-stage] CODES [-- reason]` (a `:` or `=` may follow the keyword) or
 * hadolint's `hadolint [global|stage] ignore=CODES [# reason]`; null for anything else.
 */
export function parsePragmaText(text: string): PragmaText | null {
  const h = HADOLINT_PREFIX.exec(text);
  if (h) return withCodes(text.slice(h[0].length), '#', h[1]?.toLowerCase() ?? null, 'hadolint');
  const o = OWN_PREFIX.exec(text);
  if (!o) return null;
  let rest = text.slice(o[0].length);
  // The keyword ends at a space, or at a `:` or `=` (spaces around it allowed).
  const sep = rest.trimStart();
  if (sep[0] === ':' || sep[0] === '=') rest = sep.slice(1);
  else if (sep.length === rest.length) return null;
  return withCodes(rest, '--', o[1]?.toLowerCase() ?? null, 'shipready');
}

/** The codes before the reason marker: letters, digits, `_`, `-`, separated by commas or spaces. */
function withCodes(rest: string, reason: string, scope: string | null, origin: PragmaText['origin']): PragmaText | null {
  const cut = rest.indexOf(reason);
  const list = (cut >= 0 ? rest.slice(0, cut) : rest).trim();
  if (list === '' || !CODES.test(list)) return null;
  return { scope, codes: list.split(/[,\s]+/).filter(Boolean), origin };
}
