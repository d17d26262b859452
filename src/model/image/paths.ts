/**
 * Linux's limit on a path (PATH_MAX, with its NUL): a longer path, symlink target or resolved
 * prefix fails with ENAMETOOLONG. The limit also keeps each lookup below cheap whatever the tar says.
 */
export const PATH_MAX = 4096;

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
