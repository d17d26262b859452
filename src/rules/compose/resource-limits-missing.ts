import type { CNode } from '../../model/compose/types.js';
import type { ComposeRuleContext } from '../compose-types.js';
import { completeServices, get, known } from '../helpers/compose.js';
import { defineRule } from '../types.js';

type Limit = 'memory' | 'cpus' | 'pids';

/** Is a limit value set to something that limits (not 0 / -1 / empty)? Unknown values count as set. */
function limits(n: CNode | undefined): boolean {
  if (!n) return false;
  if (n.kind !== 'scalar') return true;
  if (n.unknown) return true;
  if (!known(n)) return false;
  const v = String(n.value).trim();
  return v !== '' && v !== '0' && v !== '-1' && v !== '0.0';
}

export default defineRule<ComposeRuleContext>({
  id: 'DC017',
  name: 'resource-limits-missing',
  aliases: [],
  meta: {
    target: 'compose',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A service has no memory, CPU or PID limit.',
      why: 'Without limits one leaking or runaway service can take all the host\'s memory (and get other containers OOM-killed), starve its CPU, or fork-bomb the PID table. Both forms of the Compose Specification count: `deploy.resources.limits` (memory, cpus, pids) and the service-level `mem_limit`, `cpus` and `pids_limit`; no `version:` is needed. Choose which limits are required with the `require` option. Skipped for dev containers (Compose files in `.devcontainer/`): they are environments to develop in, not production. Also skipped: services with neither image nor build (a fragment that an override file completes, linted alone) and services whose `extends` base cannot be read, since the missing setting may well be in the part that is elsewhere.',
      bad: 'services:\n  api:\n    image: example/api:2.1\n',
      good: 'services:\n  api:\n    image: example/api:2.1\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n          cpus: "1.0"\n          pids: 200\n',
    },
    messages: {
      missing: 'Service "{{service}}" has no {{missing}} limit: set `deploy.resources.limits` ({{keys}}) so one service cannot starve the host.',
    },
    options: {
      require: { type: 'string[]', description: 'Limits that must be set: any of memory, cpus, pids.', default: ['memory', 'cpus', 'pids'] },
    },
  },
  check(ctx) {
    const require = ((ctx.options.require as string[] | undefined) ?? ['memory', 'cpus', 'pids']).filter((x): x is Limit => x === 'memory' || x === 'cpus' || x === 'pids');
    for (const svc of completeServices(ctx)) {
      const l = get(svc.node, 'deploy', 'resources', 'limits');
      const has: Record<Limit, boolean> = {
        memory: limits(get(l, 'memory')) || limits(get(svc.node, 'mem_limit')),
        cpus: limits(get(l, 'cpus')) || limits(get(svc.node, 'cpus')) || limits(get(svc.node, 'cpu_quota')),
        pids: limits(get(l, 'pids')) || limits(get(svc.node, 'pids_limit')),
      };
      const missing = require.filter((k) => !has[k]);
      if (!missing.length) continue;
      const names: Record<Limit, string> = { memory: 'memory', cpus: 'CPU', pids: 'PID' };
      const list = missing.map((m) => names[m]);
      const text = list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
      ctx.report({ messageId: 'missing', data: { service: svc.name, missing: text, keys: missing.join(', ') }, at: svc.keyOrigin });
    }
  },
});
