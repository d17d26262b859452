import type { ImageRuleContext } from '../image-types.js';
import { isUnder, normalizePath } from '../helpers/image.js';
import { defineRule } from '../types.js';

/** Kernel and runtime trees: a volume on them or below them. */
const TREES = ['/sys', '/dev', '/proc', '/boot', '/lib/modules', '/var/lib/docker', '/var/lib/containerd'];
/** Runtime sockets and their directories: exactly these paths. */
const EXACT = ['/', '/var/run/docker.sock', '/run/docker.sock', '/var/run/containerd', '/run/containerd', '/var/run/containerd/containerd.sock', '/run/containerd/containerd.sock', '/var/run/crio/crio.sock', '/run/podman/podman.sock'];

export default defineRule<ImageRuleContext>({
  id: 'IM009',
  name: 'sensitive-volume',
  aliases: ['DKL-DI-0002'],
  meta: {
    target: 'image',
    category: 'security',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'The image declares a VOLUME on a kernel or runtime path: /sys, /dev, /proc, /boot, or the Docker/containerd socket.',
      why: 'A VOLUME in the image config tells whoever runs it to mount something there. On /sys, /dev or /proc it hides what the kernel provides, and an image that expects /var/run/docker.sock wants control of the host\'s container runtime, which is root on the host. Remove the VOLUME; if a tool truly needs the socket, make that an explicit, reviewed decision in the deployment rather than an image default.',
      bad: JSON.stringify({ config: { Volumes: { '/var/run/docker.sock': {} } }, layers: [{ files: [] }] }, null, 2),
      good: JSON.stringify({ config: { Volumes: { '/var/lib/app/data': {} } }, layers: [{ files: [] }] }, null, 2),
      references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#dkl-di-0002'],
    },
    messages: {
      volume: 'The image declares VOLUME {{volume}}, a {{what}}: remove it from the image.',
    },
  },
  check(ctx) {
    for (const v of ctx.image.config.volumes) {
      const p = normalizePath(v);
      const what = p === '/' ? 'mount over the whole file system' : p.endsWith('.sock') || p.endsWith('/containerd') ? 'container runtime socket' : 'kernel or runtime path';
      if (EXACT.includes(p) || TREES.some((t) => isUnder(p, t))) ctx.report({ messageId: 'volume', data: { volume: v, what }, field: 'config.Volumes', key: p });
    }
  },
});
