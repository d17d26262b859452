import type { ComposeRuleContext } from '../compose-types.js';
import { mounts, normPath } from '../helpers/compose.js';
import { defineRule } from '../types.js';
import { socketEngine } from './docker-socket-mount.js';

/** Mounted as such: the directory itself. */
const EXACT = new Set(['/', '/etc', '/var/run', '/run', '/boot', '/dev', '/usr', '/var', '/home']);
/** The directory or anything under it. */
const TREES = ['/root', '/proc', '/sys', '/var/lib/docker', '/var/lib/containerd', '/var/lib/kubelet'];

export function sensitivePath(path: string): boolean {
  const p = normPath(path);
  if (EXACT.has(p)) return true;
  return TREES.some((t) => p === t || p.startsWith(`${t}/`));
}

export default defineRule<ComposeRuleContext>({
  id: 'DC008',
  name: 'sensitive-host-mount',
  aliases: [],
  meta: {
    target: 'compose',
    category: 'security',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A service bind-mounts a sensitive host path (`/`, `/etc`, `/root`, `/proc`, `/sys`, `/var/run`, `/var/lib/docker`, ...).',
      why: 'These host directories hold credentials, kernel interfaces, the container engine\'s state and its socket. A container that can read them learns secrets; one that can write them can take over the host. Mount only the specific file or directory the service needs (for example `/etc/localtime:/etc/localtime:ro` is fine), read-only. `/root`, `/proc`, `/sys` and `/var/lib/docker` are flagged with everything under them; the others only as a whole directory.',
      bad: 'services:\n  backup:\n    image: example/backup:1.0\n    volumes:\n      - /etc:/host/etc\n',
      good: 'services:\n  backup:\n    image: example/backup:1.0\n    volumes:\n      - /etc/localtime:/etc/localtime:ro\n',
    },
    messages: {
      sensitive: 'Service "{{service}}" mounts the host path {{path}}{{ro}}: it exposes host secrets or control interfaces. Mount only the specific files it needs, read-only.',
    },
  },
  check(ctx) {
    for (const svc of ctx.services) {
      for (const m of mounts(svc)) {
        if (m.type !== 'bind' || !m.source || socketEngine(m.source)) continue;
        if (sensitivePath(m.source)) ctx.report({ messageId: 'sensitive', data: { service: svc.name, path: m.source, ro: m.readOnly ? ' (even read-only)' : '' }, at: m.sourceOrigin });
      }
    }
  },
});
