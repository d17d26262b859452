import type { ComposeRuleContext } from '../compose-types.js';
import type { ComposeService } from '../../model/compose/types.js';
import { completeServices, get, insertKey, serviceMapForInsert, str } from '../helpers/compose.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeRuleContext>({
  id: 'DC016',
  name: 'restart-policy-missing',
  aliases: [],
  meta: {
    target: 'compose',
    category: 'reliability',
    severity: 'warning',
    fixable: 'unsafe',
    status: 'stable',
    docs: {
      summary: 'A service has no restart policy (`restart:` or `deploy.restart_policy`).',
      why: 'Docker\'s default is never to restart: after a crash, an out-of-memory kill or a host reboot the service stays down until someone notices. `restart: unless-stopped` (or `on-failure` for jobs) brings it back. Not reported for a service another one waits on with `condition: service_completed_successfully`: it is a job meant to exit, and Docker\'s default is right for it. The fix adds `restart: unless-stopped` and is unsafe: it restarts a container whatever its exit code, so a one-shot job (a migration, a seeder) that nothing waits on that way would run again and again. Skipped for dev containers (Compose files in `.devcontainer/`): they are environments to develop in, not production. Also skipped: services with neither image nor build (a fragment that an override file completes, linted alone) and services whose `extends` base cannot be read, since the missing setting may well be in the part that is elsewhere.',
      bad: 'services:\n  worker:\n    image: example/worker:1.3\n',
      good: 'services:\n  worker:\n    image: example/worker:1.3\n    restart: unless-stopped\n',
    },
    messages: {
      missing: 'Service "{{service}}" is not restarted after a crash or a reboot: add `restart: unless-stopped` (or `on-failure` for one-shot jobs).',
    },
  },
  check(ctx) {
    const jobs = awaitedJobs(ctx.services);
    for (const svc of completeServices(ctx)) {
      if (get(svc.node, 'restart') || get(svc.node, 'deploy', 'restart_policy') || jobs.has(svc.name)) continue;
      const map = serviceMapForInsert(svc, 'restart');
      const edit = map ? insertKey(ctx, map, 'restart', 'unless-stopped') : undefined;
      ctx.report({ messageId: 'missing', data: { service: svc.name }, at: svc.keyOrigin, fix: edit ? { title: 'Add restart: unless-stopped', edits: [edit] } : undefined });
    }
  },
});

/** Services another service waits on with `condition: service_completed_successfully`: jobs meant to exit. */
function awaitedJobs(services: readonly ComposeService[]): Set<string> {
  const out = new Set<string>();
  for (const svc of services) {
    const dep = get(svc.node, 'depends_on');
    if (dep?.kind !== 'map') continue;
    for (const [name, e] of dep.entries) if (str(get(e.value, 'condition')) === 'service_completed_successfully') out.add(name);
  }
  return out;
}
