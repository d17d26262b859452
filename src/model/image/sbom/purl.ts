/**
 * Package URLs, built by hand: `pkg:type/namespace/name@version?qualifiers`. Each part is
 * percent-encoded (`+` in Debian versions becomes %2B, `@` of npm scopes %40), the `:` of a Debian
 * epoch stays readable, and qualifiers are sorted by key as the spec asks.
 */
function encode(part: string): string {
  return encodeURIComponent(part).replace(/%3A/gi, ':');
}

export function purl(type: string, namespace: string | undefined, name: string, version: string, qualifiers: Record<string, string | undefined> = {}): string {
  const ns = namespace ? `${namespace.split('/').map(encode).join('/')}/` : '';
  const q = Object.entries(qualifiers)
    .filter((kv): kv is [string, string] => kv[1] !== undefined && kv[1] !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${encode(v)}`)
    .join('&');
  return `pkg:${type}/${ns}${encode(name)}${version ? `@${encode(version)}` : ''}${q ? `?${q}` : ''}`;
}
