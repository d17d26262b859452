import type { ComposeRuleContext } from '../compose-types.js';
import { mounts, normPath } from '../helpers/compose.js';
import { defineRule } from '../types.js';
import { table } from '../../table.js';

const SOCKETS = table<string>({ 'docker.sock': 'Docker', 'podman.sock': 'Podman', 'containerd.sock': 'containerd', 'crio.sock': 'CRI-O', 'dockershim.sock': 'dockershim' });

/** The engine a socket path belongs to, or undefined. */
export function socketEngine(path: string): string | undefined {
  const p = normPath(path);
  const base = p.slice(p.lastIndexOf('/') + 1);
  if (SOCKETS[base]) return SOCKETS[base];
  if (p === '/var/run/docker' || p === '/run/docker' || p === '/run/containerd' || p === '/var/run/containerd' || p === '/run/podman') return 'Docker/containerd';
  return undefined;
}

export default defineRule<ComposeRuleContext>({
  id: 'DC006',
  name: 'docker-socket-mount',
  aliases: [],
  meta: {
    target: 'compose',
    category: 'security',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A service mounts the Docker, Podman or containerd socket (short or long volume syntax).',
      why: 'Whoever can talk to the container engine\'s socket can start a privileged container that mounts the host\'s root: mounting the socket hands the host to the service and to anyone who compromises it. A `:ro` mount does not help (the API still works). If a tool really needs the API, put a filtering socket proxy in between and give it only the calls it needs.',
      bad: 'services:\n  agent:\n    image: example/agent:1.2\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n',
      good: 'services:\n  agent:\n    image: example/agent:1.2\n    environment:\n      DOCKER_HOST: tcp://socket-proxy:2375\n',
    },
    messages: {
      socket: 'Service "{{service}}" mounts the {{engine}} socket {{path}}: that gives it (and any attacker in it) root on the host. Remove the mount, or use a socket proxy that allows only the API calls it needs.',
    },
  },
  check(ctx) {
    for (const svc of ctx.services) {
      for (const m of mounts(svc)) {
        if (m.type !== 'bind' || !m.source) continue;
        const engine = socketEngine(m.source);
        if (engine) ctx.report({ messageId: 'socket', data: { service: svc.name, engine, path: m.source }, at: m.sourceOrigin });
      }
    }
  },
});
