import type { ImageRuleContext } from '../image-types.js';
import { resolvePath } from '../../model/image/fs.js';
import { accountFile } from '../helpers/image.js';
import { listSome } from '../helpers/list.js';
import { defineRule } from '../types.js';

const CHECKS = [
  { path: '/etc/passwd', what: 'UID', messageId: 'uid' },
  { path: '/etc/group', what: 'GID', messageId: 'gid' },
] as const;

export default defineRule<ImageRuleContext>({
  id: 'IM014',
  name: 'duplicate-uid-gid',
  aliases: ['DKL-LI-0002'],
  meta: {
    target: 'image',
    category: 'security',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'Two accounts in /etc/passwd share a UID, or two groups in /etc/group share a GID.',
      why: 'The kernel only knows numbers: two names with one UID are the same user, so files, processes and permissions of one belong to the other, and audits that go by name are wrong. It usually comes from a `useradd -o` or a hand-written passwd line copied from another. Give every account and group its own id.',
      bad: JSON.stringify({ layers: [{ files: [{ path: '/etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\nworker:x:1000:1000::/home/worker:/bin/sh\n' }] }] }, null, 2),
      good: JSON.stringify({ layers: [{ files: [{ path: '/etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\nworker:x:1001:1001::/home/worker:/bin/sh\n' }] }] }, null, 2),
      references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#dkl-li-0002'],
    },
    messages: {
      uid: 'UID {{id}} is shared by {{names}} in /etc/passwd: they are one user to the kernel. Give each account its own UID.',
      gid: 'GID {{id}} is shared by {{names}} in /etc/group: they are one group to the kernel. Give each group its own GID.',
    },
  },
  check(ctx) {
    for (const c of CHECKS) {
      const lines = accountFile(ctx.image, c.path);
      if (!lines) continue;
      // A set per id: the same line twice is one account (and a list would make it quadratic).
      const byId = new Map<string, Set<string>>();
      for (const l of lines) {
        const id = l.fields[2];
        if (id === undefined || !/^\d+$/.test(id)) continue;
        const names = byId.get(id);
        if (names) names.add(l.name);
        else byId.set(id, new Set([l.name]));
      }
      const layer = resolvePath(ctx.image, c.path)?.layer;
      for (const [id, names] of byId) {
        if (names.size < 2) continue;
        ctx.report({ messageId: c.messageId, data: { id, names: listSome([...names]) }, path: c.path, layer, key: id });
      }
    }
  },
});
