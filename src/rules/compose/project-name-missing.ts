import type { ComposeRuleContext } from '../compose-types.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeRuleContext>({
  id: 'DC029',
  name: 'project-name-missing',
  aliases: ['require-project-name-field'],
  meta: {
    target: 'compose',
    category: 'maintainability',
    severity: 'off',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'The project has no top-level `name` (opt-in).',
      why: 'Without `name` the project is named after the directory, so the same file checked out in two places gives two projects, and renaming the directory orphans volumes and networks. Off by default: stacks deployed by tools that set the name themselves (Portainer, CI) do not need it.',
      bad: 'services:\n  api:\n    image: example/api:2.1\n',
      good: 'name: orders\nservices:\n  api:\n    image: example/api:2.1\n',
    },
    messages: {
      missing: 'The project has no `name:`: it is named after its directory. Add a top-level `name`.',
    },
  },
  check(ctx) {
    const main = ctx.project.files.find((f) => f.role === 'main');
    if (!main || !ctx.project.root || ctx.project.root.entries.has('name')) return;
    const first = /\S/.exec(main.text)?.index ?? 0;
    ctx.report({ messageId: 'missing', at: { file: main.path, start: first, end: first } });
  },
});
