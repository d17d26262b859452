/** Absolute path, no trailing slash, `.` dropped and `..` clamped at `/` (never above the root). */
export function normalizeLayerPath(p: string): string {
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return '/' + parts.join('/');
}
