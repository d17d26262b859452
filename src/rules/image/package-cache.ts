import type { ImageRuleContext } from '../image-types.js';
import { addToTotal, emptyTotal, formatBytes, plural, regularFiles, type TreeTotal } from '../helpers/image.js';
import { defineRule } from '../types.js';

interface Cache {
  what: string;
  /** Matches a file path; group 1 is the cache's root directory. */
  re: RegExp;
  fix: string;
}

const CACHES: Cache[] = [
  { what: 'an apt package archive', re: /^(\/var\/cache\/apt)\/(?:archives\/[^/]+\.deb|[^/]+\.bin)$/, fix: '`apt-get clean` (or `rm -rf /var/cache/apt/*`) in the same RUN' },
  { what: 'a pip cache', re: /^(.*\/\.cache\/pip)\//, fix: '`pip install --no-cache-dir`' },
  { what: 'a npm cache', re: /^(.*\/\.npm\/_cacache)\//, fix: '`npm ci && npm cache clean --force` in the same RUN, or a cache mount' },
  { what: 'a yarn cache', re: /^((?:.*\/\.cache\/yarn)|(?:\/usr\/local\/share\/\.cache\/yarn)|(?:.*\/\.yarn\/berry\/cache))\//, fix: '`yarn cache clean` in the same RUN, or a cache mount' },
  { what: 'a apk cache', re: /^(\/var\/cache\/apk)\/[^/]+$/, fix: '`apk add --no-cache`' },
  { what: 'a Go build cache', re: /^(.*\/\.cache\/go-build)\//, fix: 'a cache mount (`RUN --mount=type=cache,target=/root/.cache/go-build`) or a multi-stage build' },
];

export default defineRule<ImageRuleContext>({
  id: 'IM022',
  name: 'package-cache',
  aliases: [],
  meta: {
    target: 'image',
    category: 'performance',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A package manager\'s download cache was left in the image: apt archives, pip, npm, yarn, apk or the Go build cache.',
      why: 'Caches speed up the next install on a developer\'s machine; in an image they are dead weight that every pull and every node pays for, often tens or hundreds of MB. Skip or clear them in the same RUN (`pip install --no-cache-dir`, `apk add --no-cache`, `npm cache clean --force`), or use BuildKit cache mounts (`RUN --mount=type=cache,target=/root/.cache/pip`), which keep the cache out of the layers. One finding per cache directory, with its size; caches smaller than `min-bytes` are ignored.',
      bad: JSON.stringify({ layers: [{ createdBy: '/bin/sh -c pip install flask', files: [{ path: '/root/.cache/pip/http-v2/a/b/c/4f2e', size: 2048 }, { path: '/usr/local/lib/python3.12/site-packages/flask/__init__.py', content: '' }] }] }, null, 2),
      good: JSON.stringify({ layers: [{ createdBy: '/bin/sh -c pip install --no-cache-dir flask', files: [{ path: '/usr/local/lib/python3.12/site-packages/flask/__init__.py', content: '' }] }] }, null, 2),
    },
    options: {
      'min-bytes': { type: 'number', description: 'Caches smaller than this many bytes are not reported.', default: 1 },
    },
    messages: {
      cache: '{{path}} holds {{what}} of {{size}} ({{files}}): remove it with {{fix}}.',
    },
  },
  check(ctx) {
    const min = typeof ctx.options['min-bytes'] === 'number' ? (ctx.options['min-bytes'] as number) : 1;
    const found = new Map<string, { cache: Cache; total: TreeTotal }>();
    for (const f of regularFiles(ctx.image)) {
      for (const cache of CACHES) {
        const m = cache.re.exec(f.path);
        if (!m) continue;
        const root = m[1];
        const entry = found.get(root) ?? { cache, total: emptyTotal() };
        addToTotal(entry.total, f);
        found.set(root, entry);
        break;
      }
    }
    for (const [path, { cache, total }] of [...found].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (total.bytes < min || total.bytes === 0) continue;
      ctx.report({ messageId: 'cache', data: { path, what: cache.what, size: formatBytes(total.bytes), files: plural(total.files, 'file'), fix: cache.fix }, path, layer: total.layer });
    }
  },
});
