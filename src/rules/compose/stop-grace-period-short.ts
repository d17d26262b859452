import { databaseOf } from '../../model/compose/images.js';
import type { ComposeRuleContext } from '../compose-types.js';
import { dockerfileOf, durationSeconds, entry, get, known, serviceImage, str } from '../helpers/compose.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeRuleContext>({
  id: 'DC018',
  name: 'stop-grace-period-short',
  aliases: [],
  meta: {
    target: 'compose',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A service\'s `stop_grace_period` is too short to shut down cleanly.',
      why: 'On `docker compose stop` or a deploy, the container gets its stop signal (STOPSIGNAL, else SIGTERM) and is killed with SIGKILL when the grace period ends. A very short period cuts off in-flight requests and, for databases, can leave data to be recovered at the next start. Docker\'s default is 10s; periods below `minimum` (5s) are flagged, and below `databaseMinimum` (30s) for well-known databases.',
      bad: 'services:\n  db:\n    image: postgres:16\n    stop_grace_period: 2s\n',
      good: 'services:\n  db:\n    image: postgres:16\n    stop_grace_period: 1m\n',
    },
    messages: {
      short: 'Service "{{service}}" is killed {{period}} after {{signal}}{{what}}: give it at least {{min}} to shut down cleanly.',
    },
    options: {
      minimum: { type: 'string', description: 'Shortest acceptable grace period (Go duration).', default: '5s' },
      databaseMinimum: { type: 'string', description: 'Shortest acceptable grace period for database services.', default: '30s' },
    },
  },
  check(ctx) {
    const min = durationSeconds(String(ctx.options.minimum ?? '5s')) ?? 5;
    const dbMin = durationSeconds(String(ctx.options.databaseMinimum ?? '30s')) ?? 30;
    for (const svc of ctx.services) {
      const e = entry(svc.node, 'stop_grace_period');
      if (!e || !known(e.value)) continue;
      const secs = durationSeconds(e.value.value as string | number);
      if (secs === undefined) continue;
      const img = serviceImage(svc);
      const db = img ? databaseOf(img.ref) : undefined;
      const need = db && !db.cache ? Math.max(min, dbMin) : min;
      if (secs >= need) continue;
      const signal = str(get(svc.node, 'stop_signal')) ?? dockerfileOf(svc)?.stopSignal ?? 'SIGTERM';
      ctx.report({
        messageId: 'short',
        data: { service: svc.name, period: String(e.value.value), signal, what: db && !db.cache ? ` (a ${db.label} database)` : '', min: need >= 60 && need % 60 === 0 ? `${need / 60}m` : `${need}s` },
        at: e.value.origin,
      });
    }
  },
});
