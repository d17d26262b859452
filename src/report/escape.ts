/**
 * Escaping for the HTML report. Everything the image provides (file names, history commands,
 * labels, finding messages quoting them) is hostile input: a file may be called `<script>...`.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Control characters are invalid in HTML text, and bidi overrides can make a name look like
 * another one (`evil\u202Etxt.sh`); both are shown as visible `\u{...}` escapes instead.
 */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** Text content and attribute values alike (quotes are escaped too). */
export function esc(s: string): string {
  return s.replace(INVISIBLE, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Cut to `max` characters (by code point) with an ellipsis; whitespace runs become one space. */
export function shorten(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  const chars = [...one];
  if (chars.length <= max) return one;
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}
