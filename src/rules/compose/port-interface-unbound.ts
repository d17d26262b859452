import type { ComposeRuleContext } from '../compose-types.js';
import { isAllInterfaces, ports } from '../helpers/compose.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeRuleContext>({
  id: 'DC027',
  name: 'port-interface-unbound',
  aliases: ['no-unbound-port-interfaces'],
  meta: {
    target: 'compose',
    category: 'security',
    severity: 'off',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A published port has no host IP, so it listens on every interface (opt-in).',
      why: 'Without a host IP Docker binds a published port on all interfaces and opens it in the firewall. For services meant for a reverse proxy on the same host, bind to 127.0.0.1. This rule is off by default because public web ports are meant to be reachable; `database-port-published` flags the dangerous case (databases and caches) always. A host IP that comes from a variable counts as bound.',
      bad: 'services:\n  app:\n    image: example/app:1.0\n    ports:\n      - "3000:3000"\n',
      good: 'services:\n  app:\n    image: example/app:1.0\n    ports:\n      - "127.0.0.1:3000:3000"\n',
    },
    messages: {
      unbound: 'Service "{{service}}" publishes port {{port}} on all interfaces: bind it to an address, e.g. "127.0.0.1:{{port}}:{{target}}".',
    },
  },
  check(ctx) {
    for (const svc of ctx.services) {
      for (const p of ports(svc)) {
        if (!isAllInterfaces(p.hostIp)) continue;
        ctx.report({ messageId: 'unbound', data: { service: svc.name, port: p.published ?? p.target, target: p.target }, at: p.origin });
      }
    }
  },
});
