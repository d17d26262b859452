import type { ComposeRuleContext } from '../compose-types.js';
import { bool, entry, get, str } from '../helpers/compose.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeRuleContext>({
  id: 'DC014',
  name: 'healthcheck-disabled',
  aliases: [],
  meta: {
    target: 'compose',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A service switches its healthcheck off (`disable: true` or `test: ["NONE"]`).',
      why: 'Disabling the healthcheck also disables the one the image ships with, so Docker cannot tell a hung service from a healthy one and dependants cannot wait for it. Fix the check instead of turning it off.',
      bad: 'services:\n  api:\n    image: example/api:2.1\n    healthcheck:\n      disable: true\n',
      good: 'services:\n  api:\n    image: example/api:2.1\n    healthcheck:\n      test: ["CMD", "/app/healthcheck"]\n',
    },
    messages: {
      disabled: 'Service "{{service}}" disables its healthcheck: Docker cannot tell when it hangs. Fix the check instead of turning it off.',
    },
  },
  check(ctx) {
    for (const svc of ctx.services) {
      const hc = get(svc.node, 'healthcheck');
      const dis = entry(hc, 'disable');
      if (dis && bool(dis.value) === true) {
        ctx.report({ messageId: 'disabled', data: { service: svc.name }, at: dis.value.origin });
        continue;
      }
      const test = get(hc, 'test');
      const first = test?.kind === 'seq' ? test.items[0] : test;
      if (first && str(first)?.trim().toUpperCase() === 'NONE') ctx.report({ messageId: 'disabled', data: { service: svc.name }, at: test!.origin });
    }
  },
});
