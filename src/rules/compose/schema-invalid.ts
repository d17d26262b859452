import type { ComposeRuleContext } from '../compose-types.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeRuleContext>({
  id: 'DC032',
  name: 'schema-invalid',
  aliases: ['invalid-schema'],
  meta: {
    target: 'compose',
    category: 'correctness',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'The file does not follow the Compose Specification: an unknown key, a wrong type, a missing `extends` target.',
      why: 'Compose rejects files that do not match its schema, often with a message far from the mistake; a misspelt key in an override file may even be ignored silently by older tools. Beyond the schema it checks what Compose parses itself: durations (`1m30s`) and short port mappings (`[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`, where `80:80:80:80` reads as host IP `80:80`). Each problem is reported at the key or value concerned, with a "did you mean" for misspelt keys.',
      bad: 'services:\n  api:\n    image: example/api:2.1\n    restrat: always\n',
      good: 'services:\n  api:\n    image: example/api:2.1\n    restart: always\n',
    },
    messages: {
      schema: '{{message}}',
    },
  },
  check(ctx) {
    for (const i of ctx.project.issues) if (i.kind === 'schema' || i.kind === 'reference') ctx.report({ messageId: 'schema', data: { message: i.message }, at: i.origin });
  },
});
