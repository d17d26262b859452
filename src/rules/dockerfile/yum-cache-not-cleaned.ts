import { defineRule } from '../types.js';
import { checkCacheNotCleaned, FILLS } from '../helpers/rpm.js';

const YUM = new Set(['yum']);
// On RHEL 8+ `yum` is dnf, so dnf's cache directories count too.
const CACHE_DIRS = ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'];

export default defineRule({
  id: 'DF032',
  name: 'yum-cache-not-cleaned',
  aliases: ['DL3032'],
  meta: {
    target: 'dockerfile',
    category: 'performance',
    severity: 'warning',
    fixable: 'safe',
    status: 'stable',
    docs: {
      summary: '`yum install` without `yum clean all` later in the same RUN, in a shipped stage.',
      why: 'yum keeps the repository metadata (and often the downloaded packages) under /var/cache/yum. Unless the same RUN removes them, they are committed into the layer and ship with the image; a later RUN cannot take them out again.',
      bad: 'FROM centos:7\nRUN yum install -y httpd-2.4.6\n',
      good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
    },
    messages: {
      notCleaned: '`yum {{action}}` leaves its cache in this layer; end the same RUN with `yum clean all` (or `rm -rf /var/cache/yum`), or use a cache mount.',
    },
  },
  check(ctx) {
    checkCacheNotCleaned(ctx, YUM, { fills: FILLS.yum, cacheDirs: CACHE_DIRS });
  },
});
