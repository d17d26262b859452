import type { ImageRuleContext } from '../image-types.js';
import { baseName, stringList } from '../helpers/image.js';
import { defineRule } from '../types.js';

/** Programs distributions ship with a file capability instead of setuid. */
const DISTRO_DEFAULTS = ['ping', 'ping6', 'arping', 'clockdiff', 'tracepath', 'traceroute6.iputils', 'newuidmap', 'newgidmap', 'mtr-packet', 'gst-ptp-helper'];

export default defineRule<ImageRuleContext>({
  id: 'IM024',
  name: 'file-capabilities',
  aliases: [],
  meta: {
    target: 'image',
    category: 'security',
    severity: 'info',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A file carries Linux file capabilities (a `security.capability` attribute, as set by `setcap`).',
      why: 'File capabilities are a finer-grained setuid: whoever runs the program gets the listed privileges (`cap_net_bind_service`, `cap_sys_admin`...), and like setuid they are easy to miss in a review. Check that each one is needed; prefer running on an unprivileged port, or grant the capability at run time (`--cap-add`, `securityContext.capabilities`) where it is visible. Programs distributions ship this way (ping, arping, newuidmap...) are allowed; extend the list with the `allow` option.',
      bad: JSON.stringify({ layers: [{ files: [{ path: '/usr/local/bin/server', content: 'binary', mode: 0o755, capabilities: 'cap_net_bind_service=ep' }] }] }, null, 2),
      good: JSON.stringify({ layers: [{ files: [{ path: '/usr/local/bin/server', content: 'binary', mode: 0o755 }, { path: '/usr/bin/ping', content: 'binary', mode: 0o755, capabilities: 'cap_net_raw=ep' }] }] }, null, 2),
      references: ['https://man7.org/linux/man-pages/man7/capabilities.7.html'],
    },
    options: {
      allow: { type: 'string[]', description: 'More files allowed to carry capabilities, by base name or absolute path.', default: [] },
    },
    messages: {
      caps: '{{path}} has file capabilities `{{caps}}`: anyone who runs it gets them. Drop them (`setcap -r`) unless the image needs them, or grant them at run time.',
    },
  },
  check(ctx) {
    const allow = new Set([...DISTRO_DEFAULTS, ...stringList(ctx.options.allow)]);
    for (const f of ctx.image.files.values()) {
      if (!f.capabilities || allow.has(f.path) || allow.has(baseName(f.path))) continue;
      ctx.report({ messageId: 'caps', data: { path: f.path, caps: f.capabilities }, path: f.path, layer: f.layer });
    }
  },
});
