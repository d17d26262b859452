import type { ComposeRuleContext } from '../compose-types.js';
import { get, items, known } from '../helpers/compose.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeRuleContext>({
  id: 'DC009',
  name: 'seccomp-unconfined',
  aliases: [],
  meta: {
    target: 'compose',
    category: 'security',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A service disables seccomp (`security_opt: [seccomp:unconfined]`).',
      why: 'Docker\'s default seccomp profile blocks about 40 rarely needed system calls that are often used in kernel exploits and container escapes. Turning it off removes that layer for no benefit to most applications. If one call is missing, write a custom profile that allows just that call.',
      bad: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - seccomp:unconfined\n',
      good: 'services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - no-new-privileges:true\n',
    },
    messages: {
      unconfined: 'Service "{{service}}" runs without a seccomp profile: remove `{{opt}}`, or use a custom profile that allows only the extra calls it needs.',
    },
  },
  check(ctx) {
    for (const svc of ctx.services) {
      for (const n of items(get(svc.node, 'security_opt'))) {
        if (!known(n)) continue;
        const v = String(n.value).trim();
        if (/^seccomp[:=]unconfined$/i.test(v)) ctx.report({ messageId: 'unconfined', data: { service: svc.name, opt: v }, at: n.origin });
      }
    }
  },
});
