import type { ComposeRuleContext } from '../compose-types.js';
import { appendItem, bool, completeServices, editable, get, insertKey, items, serviceMapForInsert, str } from '../helpers/compose.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeRuleContext>({
  id: 'DC002',
  name: 'cap-drop-all-missing',
  aliases: [],
  meta: {
    target: 'compose',
    category: 'security',
    severity: 'info',
    fixable: 'unsafe',
    status: 'stable',
    docs: {
      summary: 'A service keeps Docker\'s default Linux capabilities instead of dropping them all.',
      why: 'By default a container keeps about fourteen capabilities (CHOWN, SETUID, NET_RAW, ...) that most applications never use and that an attacker can. `cap_drop: [ALL]` removes them; add back the one or two the service needs with `cap_add`. The fix is marked unsafe: an entrypoint that switches users or changes file owners needs some of them back. Skipped for dev containers (Compose files in `.devcontainer/`): they are environments to develop in, not production. Also skipped: services with neither image nor build (a fragment that an override file completes, linted alone) and services whose `extends` base cannot be read, since the missing setting may well be in the part that is elsewhere.',
      bad: 'services:\n  api:\n    image: example/api:2.1\n',
      good: 'services:\n  api:\n    image: example/api:2.1\n    cap_drop: [ALL]\n',
    },
    messages: {
      missing: 'Service "{{service}}" keeps the default capabilities: add `cap_drop: [ALL]` and `cap_add` back only what it needs.',
    },
  },
  check(ctx) {
    for (const svc of completeServices(ctx)) {
      if (bool(get(svc.node, 'privileged')) === true) continue;
      const drop = get(svc.node, 'cap_drop');
      if (drop?.kind === 'scalar' && drop.unknown) continue;
      if (items(drop).some((n) => n.kind === 'scalar' && n.unknown)) continue;
      if (items(drop).some((n) => str(n)?.toUpperCase().replace(/^CAP_/, '') === 'ALL')) continue;
      const map = serviceMapForInsert(svc, 'cap_drop');
      // A list merged in from an anchor or an `extends` base is other services' too: not edited.
      const edit = drop?.kind === 'seq' ? (editable(svc, drop) ? appendItem(ctx, drop, 'ALL') : undefined) : !drop && map ? insertKey(ctx, map, 'cap_drop', ['ALL']) : undefined;
      ctx.report({
        messageId: 'missing',
        data: { service: svc.name },
        at: drop ? drop.origin : svc.keyOrigin,
        fix: edit ? { title: 'Drop all capabilities (cap_drop: [ALL])', edits: [edit] } : undefined,
      });
    }
  },
});
