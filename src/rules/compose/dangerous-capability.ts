import type { ComposeRuleContext } from '../compose-types.js';
import { get, items, known } from '../helpers/compose.js';
import { defineRule } from '../types.js';
import { table } from '../../table.js';

const WHY = table<string>({
  SYS_ADMIN: 'mount file systems, use most namespaces and escape the container in many known ways',
  NET_ADMIN: 'reconfigure interfaces, routes and firewall rules of its network namespace (the host\'s with network_mode: host)',
  SYS_PTRACE: 'trace and read the memory of other processes',
  SYS_MODULE: 'load kernel modules into the host kernel',
  DAC_READ_SEARCH: 'read any file it can name (the classic "shocker" container escape)',
  ALL: 'use every capability (nearly the same as privileged: true)',
});

export default defineRule<ComposeRuleContext>({
  id: 'DC003',
  name: 'dangerous-capability',
  aliases: [],
  meta: {
    target: 'compose',
    category: 'security',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A service adds a capability that gives host-level power (SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE, DAC_READ_SEARCH, ALL).',
      why: 'These capabilities are enough to break out of a container or to take over the host network: SYS_ADMIN alone allows mounts and most known escapes, SYS_MODULE loads kernel code, DAC_READ_SEARCH reads arbitrary host files. Grant them only to a dedicated, trusted tool and never to an application service.',
      bad: 'services:\n  vpn:\n    image: example/vpn:3.0\n    cap_add:\n      - NET_ADMIN\n',
      good: 'services:\n  vpn:\n    image: example/vpn:3.0\n    cap_add:\n      - NET_BIND_SERVICE\n',
    },
    messages: {
      dangerous: 'Service "{{service}}" adds {{cap}}, which lets it {{why}}. Remove it, or isolate this service and document why it needs it.',
    },
  },
  check(ctx) {
    for (const svc of ctx.services) {
      for (const n of items(get(svc.node, 'cap_add'))) {
        if (!known(n)) continue;
        const cap = String(n.value).trim().toUpperCase().replace(/^CAP_/, '');
        if (WHY[cap]) ctx.report({ messageId: 'dangerous', data: { service: svc.name, cap, why: WHY[cap] }, at: n.origin });
      }
    }
  },
});
