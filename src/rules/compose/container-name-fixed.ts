import type { ComposeRuleContext } from '../compose-types.js';
import { entry } from '../helpers/compose.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeRuleContext>({
  id: 'DC023',
  name: 'container-name-fixed',
  aliases: [],
  meta: {
    target: 'compose',
    category: 'reliability',
    severity: 'info',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A service sets `container_name`, so it cannot be scaled or run twice on a host.',
      why: 'Container names are unique per host: with `container_name` the service cannot have more than one replica (`--scale`, `deploy.replicas`), two copies of the project (e.g. per branch) collide, and a rolling re-create must stop the old container first. Compose already names containers `<project>-<service>-<n>`; use the service name for DNS.',
      bad: 'services:\n  api:\n    image: example/api:2.1\n    container_name: api\n',
      good: 'services:\n  api:\n    image: example/api:2.1\n',
    },
    messages: {
      fixed: 'Service "{{service}}" has a fixed container_name: it cannot be scaled and two copies of the project collide. Remove it and address the service by its name.',
    },
  },
  check(ctx) {
    for (const svc of ctx.services) {
      const e = entry(svc.node, 'container_name');
      if (e && !(e.value.kind === 'scalar' && (e.value.value === null || e.value.unknown))) ctx.report({ messageId: 'fixed', data: { service: svc.name }, at: e.value.origin });
    }
  },
});
