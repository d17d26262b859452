import type { ImageRuleContext } from '../image-types.js';
import { resolvePath } from '../../model/image/fs.js';
import { accountFile } from '../helpers/image.js';
import { defineRule } from '../types.js';

// Where the password hash lives: shadow files, and passwd itself for accounts not using shadow (`x`).
const FILES = ['/etc/shadow', '/etc/master.passwd', '/etc/passwd'];

export default defineRule<ImageRuleContext>({
  id: 'IM013',
  name: 'empty-password',
  aliases: ['DKL-LI-0001'],
  meta: {
    target: 'image',
    category: 'security',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'An account has an empty password field in /etc/shadow (or /etc/passwd): anyone can log in as it without a password.',
      why: 'An empty password field means "no password": `su`, a login shell or an SSH server with PAM lets anyone in as that account. Lock it instead (`passwd -l <user>` or `usermod -p \'!\' <user>`, which writes `!`). Locked (`!`, `*`) and hashed fields are fine. Images without /etc/shadow (distroless, scratch) are skipped, like Dockle does.',
      bad: JSON.stringify({ layers: [{ files: [{ path: '/etc/shadow', content: 'root:*:19700:0:99999:7:::\napp::19700:0:99999:7:::\n', mode: 0o640 }] }] }, null, 2),
      good: JSON.stringify({ layers: [{ files: [{ path: '/etc/shadow', content: 'root:*:19700:0:99999:7:::\napp:!:19700:0:99999:7:::\n', mode: 0o640 }] }] }, null, 2),
      references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#dkl-li-0001'],
    },
    messages: {
      empty: 'Account "{{user}}" has an empty password in {{path}} (line {{line}}): anyone can log in as it. Lock it (`passwd -l {{user}}`).',
    },
  },
  check(ctx) {
    for (const path of FILES) {
      const lines = accountFile(ctx.image, path);
      if (!lines) continue;
      const layer = resolvePath(ctx.image, path)?.layer;
      for (const l of lines) {
        if (l.fields.length < 2 || l.fields[1] !== '') continue;
        ctx.report({ messageId: 'empty', data: { user: l.name, path, line: l.line }, path, layer, key: l.name });
      }
    }
  },
});
