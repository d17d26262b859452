import { databaseOf, WELL_KNOWN_DATABASE_PORTS } from '../../model/compose/images.js';
import type { ComposeRuleContext } from '../compose-types.js';
import { editable, isAllInterfaces, isDevContainerProject, portRange, ports, replaceNode, serviceImage } from '../helpers/compose.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeRuleContext>({
  id: 'DC010',
  name: 'database-port-published',
  aliases: [],
  meta: {
    target: 'compose',
    category: 'security',
    severity: 'warning',
    fixable: 'unsafe',
    status: 'stable',
    docs: {
      summary: 'A database or cache port is published on all interfaces instead of 127.0.0.1.',
      why: 'Docker publishes ports on every interface and inserts its own firewall rules ahead of ufw and firewalld, so `5432:5432` makes the database reachable from the network even when the host firewall says otherwise. Exposed Redis, MongoDB and Elasticsearch instances are among the most common causes of data breaches. Other services reach the database over the Compose network without any published port; for local access bind to 127.0.0.1. The fix binds to 127.0.0.1 (a container port alone, which gets an ephemeral host port, becomes `127.0.0.1::5432` and keeps it ephemeral) and is unsafe because remote clients lose access. Skipped for dev containers (Compose files in `.devcontainer/`): they are environments to develop in, not production.',
      bad: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n',
      good: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"\n',
    },
    messages: {
      published: 'Service "{{service}}" publishes {{label}} port {{port}} on all interfaces: anyone who can reach the host can connect. Drop the mapping (services reach it over the Compose network) or bind it to 127.0.0.1.',
    },
  },
  check(ctx) {
    if (isDevContainerProject(ctx.project)) return;
    for (const svc of ctx.services) {
      const img = serviceImage(svc);
      const db = img ? databaseOf(img.ref) : undefined;
      for (const p of ports(svc)) {
        if (!isAllInterfaces(p.hostIp)) continue;
        const hit = lowestIn(portRange(p.target), db ? db.ports : WELL_KNOWN_DATABASE_PORTS.keys());
        if (hit === undefined) continue;
        const label = db?.label ?? WELL_KNOWN_DATABASE_PORTS.get(hit)!;
        let fix;
        if (p.node.kind === 'scalar' && !p.node.interpolated && editable(svc, p.node)) {
          const text = String(p.node.value);
          // A container port alone gets an ephemeral host port: `127.0.0.1::5432` keeps it ephemeral.
          const bound = p.hostIp === null ? `127.0.0.1:${text.includes(':') ? text : `:${text}`}` : text.replace(/^(?:0\.0\.0\.0|\[::\]|::)(?=:)/, '127.0.0.1');
          fix = { title: 'Bind the port to 127.0.0.1', edits: [replaceNode(p.node, JSON.stringify(bound))] };
        }
        ctx.report({ messageId: 'published', data: { service: svc.name, label, port: hit }, at: p.origin, fix });
      }
    }
  },
});

/** The lowest of `candidates` inside `range` (a range is not expanded: it may span 65,535 ports). */
function lowestIn(range: { from: number; to: number } | null, candidates: Iterable<number>): number | undefined {
  let best: number | undefined;
  if (range) for (const c of candidates) if (c >= range.from && c <= range.to && (best === undefined || c < best)) best = c;
  return best;
}
