import type { ComposeRuleContext } from '../compose-types.js';
import { completeServices, effectiveHealthcheck } from '../helpers/compose.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeRuleContext>({
  id: 'DC013',
  name: 'healthcheck-missing',
  aliases: [],
  meta: {
    target: 'compose',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A service has no healthcheck, neither in Compose nor in the Dockerfile it builds.',
      why: 'Without a healthcheck Docker only knows whether the process exists, not whether it works: a hung server stays "running", `depends_on: condition: service_healthy` cannot be used, and orchestrators route traffic to it. A HEALTHCHECK in the service\'s Dockerfile counts; a healthcheck built into a pulled image cannot be seen from here, so suppress the finding for such services. Skipped for dev containers (Compose files in `.devcontainer/`): they are environments to develop in, not production. Also skipped: services with neither image nor build (a fragment that an override file completes, linted alone) and services whose `extends` base cannot be read, since the missing setting may well be in the part that is elsewhere.',
      bad: 'services:\n  api:\n    image: example/api:2.1\n',
      good: 'services:\n  api:\n    image: example/api:2.1\n    healthcheck:\n      test: ["CMD", "wget", "-qO-", "http://localhost:8080/health"]\n      interval: 30s\n      timeout: 5s\n      retries: 3\n',
    },
    messages: {
      missing: 'Service "{{service}}" has no healthcheck{{where}}: add `healthcheck:` (test, interval, timeout, retries) so Docker can tell when it stops working.',
    },
  },
  check(ctx) {
    for (const svc of completeServices(ctx)) {
      const h = effectiveHealthcheck(svc);
      if (h.state !== 'none') continue;
      ctx.report({ messageId: 'missing', data: { service: svc.name, where: svc.dockerfile ? ' (nor a HEALTHCHECK in its Dockerfile)' : '' }, at: svc.keyOrigin });
    }
  },
});
