import type { ComposeRuleContext } from '../compose-types.js';
import { bool, entry } from '../helpers/compose.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeRuleContext>({
  id: 'DC001',
  name: 'privileged',
  aliases: [],
  meta: {
    target: 'compose',
    category: 'security',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A service runs with `privileged: true`.',
      why: 'A privileged container gets every capability, every host device and no seccomp or AppArmor confinement: root in it is root on the host. Grant the few capabilities or devices the service really needs with `cap_add` and `devices` instead.',
      bad: 'services:\n  app:\n    image: example/app:1.4\n    privileged: true\n',
      good: 'services:\n  app:\n    image: example/app:1.4\n    cap_add: [NET_BIND_SERVICE]\n',
    },
    messages: {
      privileged: 'Service "{{service}}" runs privileged: every capability and host device, no seccomp. Remove `privileged: true` and add only the capabilities (`cap_add`) or `devices` it needs.',
    },
  },
  check(ctx) {
    for (const svc of ctx.services) {
      const e = entry(svc.node, 'privileged');
      if (e && bool(e.value) === true) ctx.report({ messageId: 'privileged', data: { service: svc.name }, at: e.value.origin });
    }
  },
});
