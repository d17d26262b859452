/**
 * Package-manager download caches as they sit in an image's files. package-cache (IM022) reports
 * them; unneeded-files (IM015) leaves their files to it, so one leftover gets one finding. The apk
 * cache is apk-cache's (IM011).
 */
export interface PackageCache {
  what: string;
  /** Matches a file path; group 1 is the cache's root directory. */
  re: RegExp;
  fix: string;
}

export const PACKAGE_CACHES: readonly PackageCache[] = [
  { what: 'an apt package archive', re: /^(\/var\/cache\/apt)\/(?:archives\/[^/]+\.deb|[^/]+\.bin)$/, fix: '`apt-get clean` (or `rm -rf /var/cache/apt/*`) in the same RUN' },
  { what: 'a pip cache', re: /^(.*\/\.cache\/pip)\//, fix: '`pip install --no-cache-dir`' },
  { what: 'a npm cache', re: /^(.*\/\.npm\/_cacache)\//, fix: '`npm ci && npm cache clean --force` in the same RUN, or a cache mount' },
  { what: 'a yarn cache', re: /^((?:.*\/\.cache\/yarn)|(?:\/usr\/local\/share\/\.cache\/yarn)|(?:.*\/\.yarn\/berry\/cache))\//, fix: '`yarn cache clean` in the same RUN, or a cache mount' },
  { what: 'a Go build cache', re: /^(.*\/\.cache\/go-build)\//, fix: 'a cache mount (`RUN --mount=type=cache,target=/root/.cache/go-build`) or a multi-stage build' },
];

/** The cache a file belongs to and that cache's root directory, if any. */
export function packageCacheOf(path: string): { cache: PackageCache; root: string } | undefined {
  for (const cache of PACKAGE_CACHES) {
    const m = cache.re.exec(path);
    if (m) return { cache, root: m[1] };
  }
  return undefined;
}
