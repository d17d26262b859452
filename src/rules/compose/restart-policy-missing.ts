import type { ComposeRuleContext } from '../compose-types.js';
import { completeServices, get, insertKey, serviceMapForInsert } from '../helpers/compose.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeRuleContext>({
  id: 'DC016',
  name: 'restart-policy-missing',
  aliases: [],
  meta: {
    target: 'compose',
    category: 'reliability',
    severity: 'warning',
    fixable: 'safe',
    status: 'stable',
    docs: {
      summary: 'A service has no restart policy (`restart:` or `deploy.restart_policy`).',
      why: 'Docker\'s default is never to restart: after a crash, an out-of-memory kill or a host reboot the service stays down until someone notices. `restart: unless-stopped` (or `on-failure` for jobs) brings it back. The fix adds `restart: unless-stopped`. Skipped for dev containers (Compose files in `.devcontainer/`): they are environments to develop in, not production. Also skipped: services with neither image nor build (a fragment that an override file completes, linted alone) and services whose `extends` base cannot be read, since the missing setting may well be in the part that is elsewhere.',
      bad: 'services:\n  worker:\n    image: example/worker:1.3\n',
      good: 'services:\n  worker:\n    image: example/worker:1.3\n    restart: unless-stopped\n',
    },
    messages: {
      missing: 'Service "{{service}}" is not restarted after a crash or a reboot: add `restart: unless-stopped` (or `on-failure` for one-shot jobs).',
    },
  },
  check(ctx) {
    for (const svc of completeServices(ctx)) {
      if (get(svc.node, 'restart') || get(svc.node, 'deploy', 'restart_policy')) continue;
      const map = serviceMapForInsert(svc, 'restart');
      const edit = map ? insertKey(ctx, map, 'restart', 'unless-stopped') : undefined;
      ctx.report({ messageId: 'missing', data: { service: svc.name }, at: svc.keyOrigin, fix: edit ? { title: 'Add restart: unless-stopped', edits: [edit] } : undefined });
    }
  },
});
