import type { ImageRuleContext } from '../image-types.js';
import { runningUser } from '../helpers/image-user.js';
import { defineRule } from '../types.js';

const passwd = { path: '/etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\napp:x:10001:10001::/home/app:/sbin/nologin\n' };

export default defineRule<ImageRuleContext>({
  id: 'IM001',
  name: 'root-user',
  aliases: ['CIS-DI-0001'],
  meta: {
    target: 'image',
    category: 'security',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'The image runs as root: its config `User` is empty, `root`, `0` or `0:0` (or names only a group, `:1000`, or a user whose first /etc/passwd line has UID 0).',
      why: 'A container process running as root is root on the host kernel, one escape away from the host, and can write anywhere in its own file system. Add a user with a fixed UID and end the Dockerfile with `USER 10001` (a numeric UID also satisfies Kubernetes `runAsNonRoot`). A user name that /etc/passwd maps to UID 0 counts as root too.',
      bad: JSON.stringify({ config: { Cmd: ['/app/server'] }, layers: [{ files: [passwd] }] }, null, 2),
      good: JSON.stringify({ config: { User: '10001', Cmd: ['/app/server'] }, layers: [{ files: [passwd] }] }, null, 2),
      references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#cis-di-0001'],
    },
    messages: {
      unset: 'The image runs as root: its config sets no User. Add `USER <uid>` with an unprivileged UID at the end of the Dockerfile.',
      root: 'The image runs as root: its config User is "{{user}}". Use an unprivileged UID instead.',
      alias: 'The image runs as root: its config User "{{user}}" has UID 0 in /etc/passwd. Use an unprivileged UID instead.',
    },
  },
  check(ctx) {
    const user = ctx.image.config.user.trim();
    const name = user.split(':')[0];
    if (user === '') ctx.report({ messageId: 'unset', field: 'config.User' });
    // An empty user part (`:1000`) is UID 0 too.
    else if (name === '' || name === 'root' || /^0+$/.test(name)) ctx.report({ messageId: 'root', data: { user }, field: 'config.User' });
    // A name: UID 0 when the passwd line runc picks (the first for that name) says so.
    else if (!/^\d+$/.test(name) && runningUser(ctx.image)?.uid === 0) ctx.report({ messageId: 'alias', data: { user }, field: 'config.User' });
  },
});
