import { defineRule } from '../types.js';
import { checkCacheNotCleaned, DNF_TOOLS, FILLS } from '../helpers/rpm.js';

const CACHE_DIRS = ['/var/cache/dnf', '/var/cache/libdnf5', '/var/cache/yum', '/var/cache/tdnf'];
// dnf5 run by a non-root user caches in ~/.cache/libdnf5.
const USER_CACHE = /(^|\/)\.cache\/libdnf5\/?$/;

export default defineRule({
  id: 'DF039',
  name: 'dnf-cache-not-cleaned',
  aliases: ['DL3040'],
  meta: {
    target: 'dockerfile',
    category: 'performance',
    severity: 'warning',
    fixable: 'safe',
    status: 'stable',
    docs: {
      summary: '`dnf install` / `microdnf install` without `dnf clean all` later in the same RUN, in a shipped stage.',
      why: 'dnf keeps the repository metadata (and often the downloaded packages) under /var/cache/dnf (/var/cache/libdnf5 for dnf5). Unless the same RUN removes them, they are committed into the layer and ship with the image; a later RUN cannot take them out again.',
      bad: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62\n',
      good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
    },
    messages: {
      notCleaned: '`{{tool}} {{action}}` leaves its cache in this layer; end the same RUN with `{{tool}} clean all`, or use a cache mount.',
    },
  },
  check(ctx) {
    checkCacheNotCleaned(ctx, DNF_TOOLS, { fills: FILLS.dnf, cacheDirs: CACHE_DIRS, mountCovers: (t) => USER_CACHE.test(t) });
  },
});
