import type { ComposeRuleContext } from '../compose-types.js';
import type { ComposeService } from '../../model/compose/types.js';
import { canRunTogether, isAllInterfaces, portNumbers, ports } from '../helpers/compose.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeRuleContext>({
  id: 'DC026',
  name: 'host-port-duplicate',
  aliases: ['no-duplicate-exported-ports'],
  meta: {
    target: 'compose',
    category: 'correctness',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'Two port mappings publish the same host port (and protocol) on overlapping interfaces.',
      why: 'Only one container can bind a host port on a given interface: the second service fails to start with "port is already allocated". Ranges are expanded; ports that come from unset variables are unknown and skipped, and services in profiles that never run together are not compared.',
      bad: 'services:\n  web:\n    image: example/web:1.0\n    ports:\n      - "8080:80"\n  admin:\n    image: example/admin:1.0\n    ports:\n      - "8080:8000"\n',
      good: 'services:\n  web:\n    image: example/web:1.0\n    ports:\n      - "8080:80"\n  admin:\n    image: example/admin:1.0\n    ports:\n      - "8081:8000"\n',
    },
    messages: {
      duplicate: 'Host port {{port}}/{{protocol}} is already published by service "{{first}}": service "{{service}}" will fail to start. Use another host port.',
    },
  },
  check(ctx) {
    // Earlier mappings by protocol and host port, in order, one per service and interface: each
    // lookup reads only the mappings of its own port (a list of all of them made a file with
    // thousands of ports, or a few wide ranges, quadratic).
    const seen = new Map<string, Array<{ ip: string | null; service: string; svc: ComposeService }>>();
    for (const svc of ctx.services) {
      for (const p of ports(svc)) {
        const nums = portNumbers(p.published);
        let reported = false;
        for (const port of nums) {
          const protocol = p.protocol.toLowerCase();
          const key = `${protocol}:${port}`;
          let list = seen.get(key);
          if (!list) seen.set(key, (list = []));
          const clash = list.find((s) => s.svc !== svc && canRunTogether(s.svc, svc) && (isAllInterfaces(s.ip) || isAllInterfaces(p.hostIp) || s.ip === p.hostIp));
          if (clash && !reported) {
            ctx.report({ messageId: 'duplicate', data: { service: svc.name, port, protocol, first: clash.service }, at: p.publishedOrigin ?? p.origin });
            reported = true;
          }
          if (!list.some((s) => s.svc === svc && s.ip === p.hostIp)) list.push({ ip: p.hostIp, service: svc.name, svc });
        }
      }
    }
  },
});
