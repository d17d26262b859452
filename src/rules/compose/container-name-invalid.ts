import type { ComposeRuleContext } from '../compose-types.js';
import { get, str } from '../helpers/compose.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeRuleContext>({
  id: 'DC028',
  name: 'container-name-invalid',
  aliases: ['service-container-name-regex'],
  meta: {
    target: 'compose',
    category: 'correctness',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: '`container_name` is not a valid Docker container name.',
      why: 'Docker accepts container names of at least two characters made of letters, digits, `_`, `.` and `-`, starting with a letter or digit. Any other name makes `docker compose up` fail for that service.',
      bad: 'services:\n  api:\n    image: example/api:2.1\n    container_name: "my api"\n',
      good: 'services:\n  api:\n    image: example/api:2.1\n    container_name: my-api\n',
    },
    messages: {
      invalid: 'container_name "{{name}}" is not valid: use letters, digits, "_", "." and "-", starting with a letter or digit.',
    },
  },
  check(ctx) {
    for (const svc of ctx.services) {
      const n = get(svc.node, 'container_name');
      const name = str(n);
      if (name !== undefined && n && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name)) ctx.report({ messageId: 'invalid', data: { name }, at: n.origin });
    }
  },
});
