import { databaseOf } from '../../model/compose/images.js';
import type { ComposeRuleContext } from '../compose-types.js';
import { dict, get, items, mounts, normPath, serviceImage } from '../helpers/compose.js';
import type { CNode } from '../../model/compose/types.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeRuleContext>({
  id: 'DC019',
  name: 'database-volume-missing',
  aliases: [],
  meta: {
    target: 'compose',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A database service keeps its data directory in the container (no named volume or bind mount).',
      why: 'Data written inside the container, or to an anonymous volume, is lost with `docker compose down` and easily on a re-create: the database comes back empty. Mount a named volume (or a host directory) on the data directory, for example `pgdata:/var/lib/postgresql/data` for PostgreSQL up to 17. The data directory is known for well-known images (and PGDATA is honoured); caches such as Redis and Memcached are not flagged. The official `postgres` image from 18 on (and `postgres`/`postgres:latest`, which are 18 now) keeps its data in /var/lib/postgresql/18/docker and wants the volume on /var/lib/postgresql; it refuses to start with a mount on the old /var/lib/postgresql/data unless PGDATA points there, so that mount is reported too.',
      bad: 'services:\n  db:\n    image: postgres:16\n',
      good: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n',
    },
    messages: {
      missing: 'Service "{{service}}" ({{label}}) keeps its data in {{dir}} inside the container{{anon}}: mount a named volume {{where}} (e.g. `{{service}}-data:{{mount}}`) or the data is lost when the container is re-created.',
      refused: 'Service "{{service}}" mounts {{target}}, which {{image}} no longer uses: its data is in {{dir}}, and the image refuses to start with a mount here ("unused mount/volume"). Mount the volume on {{mount}} instead (or set {{env}} to {{target}}).',
    },
  },
  check(ctx) {
    for (const svc of ctx.services) {
      const img = serviceImage(svc);
      if (!img || svc.build) continue;
      const db = databaseOf(img.ref);
      if (!db || db.cache || !db.dataDirs.length) continue;
      let dirs = db.dataDirs;
      let mountDir = db.mountDir;
      let moved = false;
      if (db.dataDirEnv) {
        const env = dict(get(svc.node, 'environment')).find((e) => e.key === db.dataDirEnv);
        if (env?.value) {
          if (env.value.unknown) continue;
          dirs = [String(env.value.value)];
          mountDir = undefined;
          moved = true;
        }
      }
      const ms = mounts(svc);
      const refused = !moved && db.refusedMount ? ms.find((m) => m.target && normPath(m.target) === db.refusedMount) : undefined;
      if (refused) {
        ctx.report({ messageId: 'refused', data: { service: svc.name, target: db.refusedMount!, image: img.ref.raw, dir: dirs[0], mount: mountDir ?? dirs[0], env: db.dataDirEnv ?? 'the data directory' }, at: refused.targetOrigin });
        continue;
      }
      const covers = (target: string, dir: string) => {
        const t = normPath(target);
        const d = normPath(dir);
        return t === d || d.startsWith(`${t}/`) || t.startsWith(`${d}/`);
      };
      const persistent = ms.some((m) => (m.type === 'volume' || m.type === 'bind') && m.target && dirs.some((d) => covers(m.target!, d)));
      if (persistent) continue;
      if (get(svc.node, 'volumes_from')) continue;
      // A volume that names an unset variable (`${DATA_PATH_HOST}/neo4j/data:/data`) may well be the one.
      if (items(get(svc.node, 'volumes')).some(hasUnknown)) continue;
      const anon = ms.some((m) => (m.type === 'anonymous' || m.type === 'tmpfs') && m.target && dirs.some((d) => covers(m.target!, d)));
      ctx.report({ messageId: 'missing', data: { service: svc.name, label: db.label, dir: dirs[0], mount: mountDir ?? dirs[0], where: mountDir ? `on ${mountDir}` : 'there', anon: anon ? ' (an anonymous volume or tmpfs)' : '' }, at: img.node.origin });
    }
  },
});

/** Does the node (a volume entry, short or long syntax) depend on a variable that is not set? */
function hasUnknown(n: CNode): boolean {
  if (n.kind === 'scalar') return n.unknown;
  if (n.kind === 'map') for (const e of n.entries.values()) if (hasUnknown(e.value)) return true;
  return false;
}
