import { runtimeWritablePaths } from '../../model/compose/images.js';
import type { CNode } from '../../model/compose/types.js';
import type { ComposeRuleContext } from '../compose-types.js';
import { bool, completeServices, entry, get, insertKeys, items, mounts, normPath, serviceImage, serviceMapForInsert, type YamlValue } from '../helpers/compose.js';
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
      why: 'With a read-only root file system an attacker who gets code execution cannot drop tools, modify binaries or persist anything outside the volumes you chose. Most services only write to a few places (/tmp, a cache, a PID file): mount those as `tmpfs` and make the rest read-only. The fix adds `read_only: true` with `tmpfs` for the paths the image is known to write (but those a volume of the service already mounts: Docker refuses a tmpfs where a bind mount is); it is unsafe because an image may write elsewhere. Skipped for dev containers (Compose files in `.devcontainer/`): they are environments to develop in, not production. Also skipped: services with neither image nor build (a fragment that an override file completes, linted alone) and services whose `extends` base cannot be read, since the missing setting may well be in the part that is elsewhere.',
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
        // A path a volume mounts (or lies in) is writable already; a tmpfs there too is refused ("Duplicate mount point").
        const mounted = mounts(svc).flatMap((m) => (m.target ? [normPath(m.target)] : []));
        const unknownTargets = items(get(svc.node, 'volumes')).filter((n) => n.kind === 'scalar' && n.unknown).map(targetAsWritten);
        const unmounted = paths.filter((p) => ![...mounted, ...unknownTargets].some((t) => t === null || p === t || p.startsWith(`${t}/`)));
        if (!get(svc.node, 'tmpfs') && unmounted.length) pairs.push(['tmpfs', unmounted]);
        const edit = insertKeys(ctx, map, pairs);
        if (edit) fix = { title: 'Make the root file system read-only', edits: [edit] };
      }
      ctx.report({ messageId: e ? 'disabled' : 'missing', data: { service: svc.name, paths: paths.join(', ') }, at: e ? e.value.origin : svc.keyOrigin, fix });
    }
  },
});

/**
 * The container path of a short-syntax volume whose value depends on an unset variable
 * (`${DATA}:/var/lib/x`), or null when the variable may be the path itself (a volume that may
 * mount anything).
 */
function targetAsWritten(n: CNode): string | null {
  if (n.kind !== 'scalar' || typeof n.raw !== 'string') return null;
  const parts = n.raw.replace(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g, '\0').split(':');
  const target = parts.length >= 2 ? parts[1] : parts[0];
  return target.startsWith('/') && !target.includes('\0') ? normPath(target) : null;
}
