import { runtimeWritablePaths } from '../../model/compose/images.js';
import type { ComposeRuleContext } from '../compose-types.js';
import { bool, completeServices, entry, get, insertKeys, serviceImage, serviceMapForInsert, type YamlValue } from '../helpers/compose.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeRuleContext>({
  id: 'DC005',
  name: 'read-only-missing',
  aliases: [],
  meta: {
    target: 'compose',
    category: 'security',
    severity: 'info',
    fixable: 'unsafe',
    status: 'stable',
    docs: {
      summary: 'A service\'s root file system is writable (`read_only: true` is not set).',
      why: 'With a read-only root file system an attacker who gets code execution cannot drop tools, modify binaries or persist anything outside the volumes you chose. Most services only write to a few places (/tmp, a cache, a PID file): mount those as `tmpfs` and make the rest read-only. The fix adds `read_only: true` with `tmpfs` for the paths the image is known to write; it is unsafe because an image may write elsewhere. Skipped for dev containers (Compose files in `.devcontainer/`): they are environments to develop in, not production. Also skipped: services with neither image nor build (a fragment that an override file completes, linted alone) and services whose `extends` base cannot be read, since the missing setting may well be in the part that is elsewhere.',
      bad: 'services:\n  web:\n    image: nginx:1.27\n',
      good: 'services:\n  web:\n    image: nginx:1.27\n    read_only: true\n    tmpfs:\n      - /tmp\n      - /var/cache/nginx\n      - /var/run\n',
    },
    messages: {
      missing: 'Service "{{service}}" has a writable root file system: set `read_only: true` and mount the paths it writes as tmpfs ({{paths}}).',
      disabled: 'Service "{{service}}" sets `read_only: false`: make the root file system read-only and mount the paths it writes as tmpfs ({{paths}}).',
    },
  },
  check(ctx) {
    for (const svc of completeServices(ctx)) {
      const e = entry(svc.node, 'read_only');
      const ro = e ? bool(e.value) : false;
      if (ro !== false) continue;
      const img = serviceImage(svc);
      const paths = runtimeWritablePaths(svc.build ? null : img?.ref ?? null);
      const map = serviceMapForInsert(svc, 'read_only');
      let fix;
      if (!e && map) {
        const pairs: Array<[string, YamlValue]> = [['read_only', 'true']];
        if (!get(svc.node, 'tmpfs')) pairs.push(['tmpfs', paths]);
        const edit = insertKeys(ctx, map, pairs);
        if (edit) fix = { title: 'Make the root file system read-only', edits: [edit] };
      }
      ctx.report({ messageId: e ? 'disabled' : 'missing', data: { service: svc.name, paths: paths.join(', ') }, at: e ? e.value.origin : svc.keyOrigin, fix });
    }
  },
});
