import type { ImageRuleContext } from '../image-types.js';
import { addToTotal, emptyTotal, formatBytes, plural, regularFiles, type TreeTotal } from '../helpers/image.js';
import { packageCacheOf, type PackageCache } from '../helpers/image-caches.js';
import { defineRule } from '../types.js';

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
      summary: 'A package manager\'s download cache was left in the image: apt archives, pip, npm, yarn or the Go build cache (the apk cache is apk-cache\'s, IM011).',
      why: 'Caches speed up the next install on a developer\'s machine; in an image they are dead weight that every pull and every node pays for, often tens or hundreds of MB. Skip or clear them in the same RUN (`pip install --no-cache-dir`, `npm cache clean --force`), or use BuildKit cache mounts (`RUN --mount=type=cache,target=/root/.cache/pip`), which keep the cache out of the layers. One finding per cache directory, with its size; caches smaller than `min-bytes` are ignored.',
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
    const found = new Map<string, { cache: PackageCache; total: TreeTotal }>();
    for (const f of regularFiles(ctx.image)) {
      const hit = packageCacheOf(f.path);
      if (!hit) continue;
      const entry = found.get(hit.root) ?? { cache: hit.cache, total: emptyTotal() };
      addToTotal(entry.total, f);
      found.set(hit.root, entry);
    }
    for (const [path, { cache, total }] of [...found].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (total.bytes < min || total.bytes === 0) continue;
      ctx.report({ messageId: 'cache', data: { path, what: cache.what, size: formatBytes(total.bytes), files: plural(total.files, 'file'), fix: cache.fix }, path, layer: total.layer });
    }
  },
});
