import type { ComposeRuleContext } from '../compose-types.js';
import { completeServices, effectiveUser, serviceImage } from '../helpers/compose.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeRuleContext>({
  id: 'DC012',
  name: 'runs-as-root',
  aliases: [],
  meta: {
    target: 'compose',
    category: 'security',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A service runs as root: `user:` is root, or is not set and its Dockerfile or image runs as root.',
      why: 'A process running as root in a container is root on the host\'s kernel, one bug away from the host, and can write anywhere in its file system. Set `user:` to an unprivileged UID, or fix the image (USER in the Dockerfile). The effective user is taken from `user:`, else the USER of the Dockerfile that `build:` uses (the `target` stage or the final one), else what shipready knows about well-known images; services whose user cannot be known are not flagged. Skipped for dev containers (Compose files in `.devcontainer/`): they are environments to develop in, not production. Also skipped: services with neither image nor build (a fragment that an override file completes, linted alone) and services whose `extends` base cannot be read, since the missing setting may well be in the part that is elsewhere.',
      bad: 'services:\n  web:\n    image: nginx:1.27\n',
      good: 'services:\n  web:\n    image: nginx:1.27\n    user: "101:101"\n',
    },
    messages: {
      service: 'Service "{{service}}" sets `user: {{user}}`: run it as an unprivileged UID instead.',
      dockerfile: 'Service "{{service}}" runs as root: it sets no `user:` and its Dockerfile {{why}}. Add USER with an unprivileged UID to the Dockerfile, or set `user:`.',
      image: 'Service "{{service}}" runs as root: it sets no `user:` and the image {{image}} runs as root by default. Set `user:` to an unprivileged UID the image supports.',
    },
  },
  check(ctx) {
    for (const svc of completeServices(ctx)) {
      const u = effectiveUser(svc);
      if (u.source === 'service') {
        if (u.root) ctx.report({ messageId: 'service', data: { service: svc.name, user: u.value }, at: u.node.origin });
      } else if (u.source === 'dockerfile') {
        if (u.root === true) {
          const why = u.value ? `ends with USER ${u.value}` : 'never sets USER';
          ctx.report({ messageId: 'dockerfile', data: { service: svc.name, why }, at: svc.build?.node.origin ?? svc.keyOrigin });
        }
      } else if (u.source === 'image' && u.root === true) {
        const img = serviceImage(svc);
        ctx.report({ messageId: 'image', data: { service: svc.name, image: u.image }, at: img?.node.origin ?? svc.keyOrigin });
      }
    }
  },
});
