/**
 * Items for a message, comma-separated: the first `max`, then "and N more", each cut after
 * `maxLength` characters. A message names examples; a list as long as the input would drown it.
 */
export function listSome(items: readonly string[], max = 5, maxLength = 64): string {
  const cut = (s: string): string => (s.length > maxLength ? `${s.slice(0, maxLength)}…` : s);
  const shown = items.slice(0, max).map(cut).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}
