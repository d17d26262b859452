import type { ComposeRuleContext } from '../compose-types.js';
import { entry, str } from '../helpers/compose.js';
import { defineRule } from '../types.js';
import { table } from '../../table.js';

const WHAT = table<string>({
  network_mode: 'the host\'s network stack (every host port and interface, no network isolation)',
  pid: 'the host\'s process table (it can see and signal every host process)',
  ipc: 'the host\'s shared memory and IPC objects',
  userns_mode: 'the host\'s user namespace (user-namespace remapping is switched off)',
  uts: 'the host\'s hostname and domain name',
});

export default defineRule<ComposeRuleContext>({
  id: 'DC007',
  name: 'host-namespace',
  aliases: [],
  meta: {
    target: 'compose',
    category: 'security',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A service shares a host namespace: `network_mode`, `pid`, `ipc`, `userns_mode` or `uts` set to `host`.',
      why: 'Namespaces are what isolate a container from the host. Sharing the host\'s network exposes every service listening on localhost; sharing its PID namespace lets the container inspect and signal host processes; sharing IPC exposes shared memory. Publish ports and use networks instead.',
      bad: 'services:\n  web:\n    image: example/web:1.0\n    network_mode: host\n',
      good: 'services:\n  web:\n    image: example/web:1.0\n    ports:\n      - "127.0.0.1:8080:8080"\n',
    },
    messages: {
      host: 'Service "{{service}}" sets {{key}}: host, so it shares {{what}}. Remove it and use the container\'s own namespace.',
    },
  },
  check(ctx) {
    for (const svc of ctx.services) {
      for (const key of Object.keys(WHAT)) {
        const e = entry(svc.node, key);
        if (e && str(e.value)?.trim().toLowerCase() === 'host') ctx.report({ messageId: 'host', data: { service: svc.name, key, what: WHAT[key] }, at: e.value.origin });
      }
    }
  },
});
