import type { ImageRuleContext } from '../image-types.js';
import { resolvePath } from '../../model/image/fs.js';
import { accountFile } from '../helpers/image.js';
import { defineRule } from '../types.js';

const passwd = { path: '/etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\n' };

export default defineRule<ImageRuleContext>({
  id: 'IM017',
  name: 'user-not-in-passwd',
  aliases: [],
  meta: {
    target: 'image',
    category: 'correctness',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'The config `User` names a user (or group) that /etc/passwd (or /etc/group) does not define, so the container cannot start.',
      why: 'The runtime resolves a user name through the image\'s own /etc/passwd before starting the process; when it is missing the container fails with "unable to find user app: no matching entries in passwd file". This happens when `USER app` comes from a builder stage that ran `useradd` while the final stage is another base, or on distroless and scratch images. Create the user in the final stage, or use numeric ids (`USER 10001:10001`), which need no passwd entry.',
      bad: JSON.stringify({ config: { User: 'app' }, layers: [{ files: [passwd] }] }, null, 2),
      good: JSON.stringify({ config: { User: '10001:10001' }, layers: [{ files: [passwd] }] }, null, 2),
    },
    messages: {
      user: 'The config User "{{user}}" is not in /etc/passwd: the container will not start. Create the user in the final stage or use a numeric UID.',
      noPasswd: 'The config User "{{user}}" is a name, but the image has no /etc/passwd: the container will not start. Use a numeric UID (e.g. 10001).',
      group: 'The config User sets group "{{group}}", which is not in /etc/group: the container will not start. Create the group or use a numeric GID.',
    },
  },
  check(ctx) {
    const spec = ctx.image.config.user.trim();
    if (!spec) return;
    const [user, group] = spec.split(':', 2);
    if (user && !/^\d+$/.test(user)) {
      const lines = accountFile(ctx.image, '/etc/passwd');
      // A passwd file too large to capture is not evidence of anything.
      if (!lines && resolvePath(ctx.image, '/etc/passwd')) return;
      if (!lines) ctx.report({ messageId: 'noPasswd', data: { user }, field: 'config.User', path: '/etc/passwd' });
      else if (!lines.some((l) => l.name === user)) ctx.report({ messageId: 'user', data: { user }, field: 'config.User', path: '/etc/passwd' });
    }
    if (group && !/^\d+$/.test(group)) {
      const lines = accountFile(ctx.image, '/etc/group');
      if (!lines && resolvePath(ctx.image, '/etc/group')) return;
      if (!lines || !lines.some((l) => l.name === group)) ctx.report({ messageId: 'group', data: { group }, field: 'config.User', path: '/etc/group' });
    }
  },
});
