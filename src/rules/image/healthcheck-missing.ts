import type { ImageRuleContext } from '../image-types.js';
import { defineRule } from '../types.js';

export default defineRule<ImageRuleContext>({
  id: 'IM002',
  name: 'healthcheck-missing',
  aliases: ['CIS-DI-0006'],
  meta: {
    target: 'image',
    category: 'reliability',
    severity: 'info',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'The image has no HEALTHCHECK (none in its config, or `HEALTHCHECK NONE`).',
      why: 'Without a health check, Docker and Compose only know whether the process exists, not whether it still serves: a hung server stays "running" and `depends_on: condition: service_healthy` cannot wait for it. Add a `HEALTHCHECK` that probes the service with a tool the image contains (or define the check where the container is run, such as a Kubernetes probe, and ignore this rule).',
      bad: JSON.stringify({ config: { Cmd: ['/app/server'] }, layers: [{ files: [{ path: '/app/server', content: 'binary', mode: 0o755 }] }] }, null, 2),
      good: JSON.stringify({ config: { Cmd: ['/app/server'], Healthcheck: { Test: ['CMD', '/app/server', 'health'] } }, layers: [{ files: [{ path: '/app/server', content: 'binary', mode: 0o755 }] }] }, null, 2),
      references: ['https://docs.docker.com/reference/dockerfile/#healthcheck'],
    },
    messages: {
      missing: 'The image defines no HEALTHCHECK: a hung process still looks healthy. Add one that probes the service.',
      disabled: 'The image disables its health check (HEALTHCHECK NONE): a hung process still looks healthy.',
    },
  },
  check(ctx) {
    const hc = ctx.image.config.healthcheck;
    if (!hc) ctx.report({ messageId: 'missing', field: 'config.Healthcheck' });
    else if (hc.test[0]?.toUpperCase() === 'NONE') ctx.report({ messageId: 'disabled', field: 'config.Healthcheck' });
  },
});
