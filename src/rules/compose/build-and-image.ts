import type { ComposeRuleContext } from '../compose-types.js';
import { entry } from '../helpers/compose.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeRuleContext>({
  id: 'DC022',
  name: 'build-and-image',
  aliases: ['no-build-and-image'],
  meta: {
    target: 'compose',
    category: 'maintainability',
    severity: 'info',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A service sets both `build` and `image` without a `pull_policy`.',
      why: 'With both keys Compose first tries to pull `image` and only builds when the pull fails, so a deploy can silently run a registry image instead of the code next to the file (or the other way round). Say which one you mean: drop one of them, or set `pull_policy` (`build` to always build, `missing` or `always` to prefer the registry).',
      bad: 'services:\n  api:\n    build: ./api\n    image: registry.example.com/api:2.1\n',
      good: 'services:\n  api:\n    build: ./api\n    image: registry.example.com/api:2.1\n    pull_policy: build\n',
    },
    messages: {
      both: 'Service "{{service}}" has both `build` and `image`: Compose may pull the image instead of building. Set `pull_policy` (e.g. build) or keep only one.',
    },
    options: {
      checkPullPolicy: { type: 'boolean', description: 'Accept both keys when `pull_policy` is set.', default: true },
    },
  },
  check(ctx) {
    const checkPull = ctx.options.checkPullPolicy !== false;
    for (const svc of ctx.services) {
      const img = entry(svc.node, 'image');
      if (!img || !entry(svc.node, 'build')) continue;
      if (checkPull && entry(svc.node, 'pull_policy')) continue;
      ctx.report({ messageId: 'both', data: { service: svc.name }, at: img.keyOrigin });
    }
  },
});
