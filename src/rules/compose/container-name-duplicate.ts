import type { ComposeRuleContext } from '../compose-types.js';
import type { ComposeService } from '../../model/compose/types.js';
import { canRunTogether, get, str } from '../helpers/compose.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeRuleContext>({
  id: 'DC025',
  name: 'container-name-duplicate',
  aliases: ['no-duplicate-container-names'],
  meta: {
    target: 'compose',
    category: 'correctness',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'Two services set the same `container_name`.',
      why: 'Container names are unique per host, so the second container fails to start with a name conflict. Give each service its own name, or better none at all. Two services that write the same expression with an unset variable (`container_name: ${NAME}` twice) are reported too: whatever the variable holds, the names are equal.',
      bad: 'services:\n  api:\n    image: example/api:2.1\n    container_name: app\n  worker:\n    image: example/worker:1.3\n    container_name: app\n',
      good: 'services:\n  api:\n    image: example/api:2.1\n    container_name: app-api\n  worker:\n    image: example/worker:1.3\n    container_name: app-worker\n',
    },
    messages: {
      duplicate: 'Service "{{service}}" uses container_name "{{name}}", already used by service "{{first}}": the second container will not start.',
      sameExpression: 'Service "{{service}}" uses container_name {{name}}, as service "{{first}}" does: whatever the variable holds, the two names are the same and the second container will not start.',
    },
  },
  check(ctx) {
    const seen = new Map<string, ComposeService[]>();
    for (const svc of ctx.services) {
      const n = get(svc.node, 'container_name');
      if (n?.kind !== 'scalar') continue;
      // A value from an unset variable is unknown, but the same expression twice is the same name
      // whatever the variable holds (docker compose's own TestUpContainerNameConflict).
      const unknown = n.unknown && typeof n.raw === 'string';
      const name = unknown ? String(n.raw) : str(n);
      if (!name) continue;
      const key = `${unknown ? 'expr' : 'name'}\0${name}`;
      const before = seen.get(key) ?? [];
      const first = before.find((o) => canRunTogether(o, svc));
      if (first) ctx.report({ messageId: unknown ? 'sameExpression' : 'duplicate', data: { service: svc.name, name, first: first.name }, at: n.origin });
      seen.set(key, [...before, svc]);
    }
  },
});
