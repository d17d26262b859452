import type { CMap } from '../../model/compose/types.js';
import type { ComposeRuleContext } from '../compose-types.js';
import { completeServices, editable, entry, get, insertKey, insertKeys, serviceMapForInsert, str } from '../helpers/compose.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeRuleContext>({
  id: 'DC021',
  name: 'logging-rotation-missing',
  aliases: [],
  meta: {
    target: 'compose',
    category: 'reliability',
    severity: 'warning',
    fixable: 'unsafe',
    status: 'stable',
    docs: {
      summary: 'A service logs with the json-file driver (Docker\'s default) without `max-size`, so its log grows without bound.',
      why: 'The json-file driver keeps every line the container prints in one file under /var/lib/docker until the disk is full, which then takes down every service on the host. Set `max-size` and `max-file` (or use the `local` driver, which rotates by default). A service with no `logging:` uses the daemon default, assumed to be json-file; the fix writes `driver: json-file` with rotation options. That fix is unsafe: on a host whose daemon logs elsewhere by default (`local`, journald, a cloud driver) it moves the logs of the service away from where they are collected. Adding `max-size` to the options of a service that writes `driver: json-file` itself is safe; where the driver is left to the daemon it is unsafe, since other drivers reject the option. Skipped for dev containers (Compose files in `.devcontainer/`): they are environments to develop in, not production. Also skipped: services with neither image nor build (a fragment that an override file completes, linted alone) and services whose `extends` base cannot be read, since the missing setting may well be in the part that is elsewhere.',
      bad: 'services:\n  api:\n    image: example/api:2.1\n',
      good: 'services:\n  api:\n    image: example/api:2.1\n    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n        max-file: "3"\n',
    },
    messages: {
      missing: 'Service "{{service}}" logs to json-file without rotation: add `logging.options.max-size` (and max-file) so its log cannot fill the disk.',
    },
    options: {
      maxSize: { type: 'string', description: 'max-size written by the fix.', default: '10m' },
      maxFile: { type: 'string', description: 'max-file written by the fix.', default: '3' },
    },
  },
  check(ctx) {
    const maxSize = String(ctx.options.maxSize ?? '10m');
    const maxFile = JSON.stringify(String(ctx.options.maxFile ?? '3'));
    for (const svc of completeServices(ctx)) {
      const logging = entry(svc.node, 'logging');
      const driverNode = get(logging?.value, 'driver');
      if (driverNode?.kind === 'scalar' && driverNode.unknown) continue;
      const driver = str(driverNode) ?? 'json-file';
      if (driver !== 'json-file') continue;
      const opts = get(logging?.value, 'options');
      const size = get(opts, 'max-size');
      if (size) continue;
      let edit;
      if (!logging) {
        const map = serviceMapForInsert(svc, 'logging');
        edit = map ? insertKey(ctx, map, 'logging', { driver: 'json-file', options: { 'max-size': maxSize, 'max-file': maxFile } }) : undefined;
      } else if (opts?.kind === 'map' && editable(svc, opts)) {
        edit = insertKeys(ctx, opts, get(opts, 'max-file') ? [['max-size', maxSize]] : [['max-size', maxSize], ['max-file', maxFile]]);
      } else if (!opts && logging.value.kind === 'map' && editable(svc, logging.value)) {
        edit = insertKey(ctx, logging.value as CMap, 'options', { 'max-size': maxSize, 'max-file': maxFile });
      }
      const at = driverNode ? driverNode.origin : logging ? logging.keyOrigin : svc.keyOrigin;
      // Only rotation options under a driver the file itself names json-file change nothing else.
      const applicability = driverNode ? 'safe' : 'unsafe';
      ctx.report({ messageId: 'missing', data: { service: svc.name }, at, fix: edit ? { title: 'Rotate json-file logs', edits: [edit], applicability } : undefined });
    }
  },
});
