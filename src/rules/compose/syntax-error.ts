import type { ComposeRuleContext } from '../compose-types.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeRuleContext>({
  id: 'DC031',
  name: 'syntax-error',
  aliases: ['invalid-yaml'],
  meta: {
    target: 'compose',
    category: 'correctness',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'The file is not valid YAML (or not UTF-8), or an interpolation is malformed.',
      why: 'Compose refuses a file it cannot read: a tab used for indentation, a duplicate key, an unclosed quote or `${` without `}`. Hostile input (alias bombs, absurd nesting) is refused too, with its position, instead of hanging the linter. Other rules do not run on a file that does not load.',
      bad: 'services:\n  api:\n    image: example/api:2.1\n    image: example/api:2.2\n',
      good: 'services:\n  api:\n    image: example/api:2.2\n',
    },
    messages: {
      syntax: '{{message}}',
    },
  },
  check(ctx) {
    for (const i of ctx.project.issues) if (i.kind === 'syntax' || i.kind === 'interpolation') ctx.report({ messageId: 'syntax', data: { message: i.message }, at: i.origin });
  },
});
