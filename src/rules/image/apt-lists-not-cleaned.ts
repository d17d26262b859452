import type { ImageRuleContext } from '../image-types.js';
import { addToTotal, emptyTotal, formatBytes, isUnder, plural, regularFiles } from '../helpers/image.js';
import { defineRule } from '../types.js';

const LISTS = '/var/lib/apt/lists';

export default defineRule<ImageRuleContext>({
  id: 'IM012',
  name: 'apt-lists-not-cleaned',
  aliases: ['DKL-DI-0005'],
  meta: {
    target: 'image',
    category: 'performance',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'The final file system still holds apt package lists under /var/lib/apt/lists.',
      why: '`apt-get update` downloads the package indexes (often tens of MB) to /var/lib/apt/lists; nothing uses them at run time, and they are out of date by the time the image runs. Remove them in the same RUN that installs: `apt-get update && apt-get install -y ... && rm -rf /var/lib/apt/lists/*`. The check looks at the files really left in the image (not at the history), so it also catches lists left by a base image or removed only in a later layer\'s history text; the `lock` file and the empty `partial/` directory do not count.',
      bad: JSON.stringify({ layers: [{ createdBy: '/bin/sh -c apt-get update && apt-get install -y curl', files: [{ path: '/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4', size: 4096 }, { path: '/var/lib/apt/lists/lock', content: '' }] }] }, null, 2),
      good: JSON.stringify({ layers: [{ createdBy: '/bin/sh -c apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*', files: [{ path: '/var/lib/apt/lists/', type: 'dir' }, { path: '/var/lib/apt/lists/partial/', type: 'dir' }] }] }, null, 2),
      references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#dkl-di-0005'],
    },
    messages: {
      lists: '{{path}} holds {{files}} ({{size}}) of apt package lists: add `&& rm -rf /var/lib/apt/lists/*` to the RUN that runs apt-get update.',
    },
  },
  check(ctx) {
    const total = emptyTotal();
    for (const f of regularFiles(ctx.image)) {
      if (!isUnder(f.path, LISTS) || f.path === `${LISTS}/lock` || isUnder(f.path, `${LISTS}/partial`)) continue;
      if (f.size > 0) addToTotal(total, f);
    }
    if (total.files === 0) return;
    ctx.report({ messageId: 'lists', data: { path: LISTS, files: plural(total.files, 'file'), size: formatBytes(total.bytes) }, path: LISTS, layer: total.layer });
  },
});
