import type { ComposeRuleContext } from '../compose-types.js';
import { appendItem, completeServices, editable, get, insertKey, items, known, serviceMapForInsert } from '../helpers/compose.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeRuleContext>({
  id: 'DC004',
  name: 'no-new-privileges-missing',
  aliases: [],
  meta: {
    target: 'compose',
    category: 'security',
    severity: 'info',
    fixable: 'unsafe',
    status: 'stable',
    docs: {
      summary: 'A service does not set `security_opt: [no-new-privileges:true]`.',
      why: 'Without no-new-privileges a process in the container can gain privileges through setuid and setgid binaries (su, sudo, ping on some images) or file capabilities. Setting it closes that path for the whole container. Both `no-new-privileges:true` and `no-new-privileges=true` are accepted. The fix is unsafe: an entrypoint that relies on a setuid helper stops working. Skipped for dev containers (Compose files in `.devcontainer/`): they are environments to develop in, not production. Also skipped: services with neither image nor build (a fragment that an override file completes, linted alone) and services whose `extends` base cannot be read, since the missing setting may well be in the part that is elsewhere.',
      bad: 'services:\n  web:\n    image: example/web:1.0\n',
      good: 'services:\n  web:\n    image: example/web:1.0\n    security_opt:\n      - no-new-privileges:true\n',
    },
    messages: {
      missing: 'Service "{{service}}" can gain privileges through setuid binaries: add `security_opt: [no-new-privileges:true]`.',
      disabled: 'Service "{{service}}" turns no-new-privileges off: use `no-new-privileges:true`.',
    },
  },
  check(ctx) {
    for (const svc of completeServices(ctx)) {
      const opt = get(svc.node, 'security_opt');
      if (opt?.kind === 'scalar' && opt.unknown) continue;
      let found = false;
      let unknown = false;
      for (const n of items(opt)) {
        if (n.kind === 'scalar' && n.unknown) { unknown = true; continue; }
        if (!known(n)) continue;
        const m = /^no-new-privileges(?:[:=](.*))?$/i.exec(String(n.value).trim());
        if (!m) continue;
        found = true;
        const v = (m[1] ?? 'true').trim().toLowerCase();
        if (v === 'false' || v === '0') ctx.report({ messageId: 'disabled', data: { service: svc.name }, at: n.origin });
      }
      if (found || unknown) continue;
      const map = serviceMapForInsert(svc, 'security_opt');
      // A list merged in from an anchor or an `extends` base is other services' too: not edited.
      const edit = opt?.kind === 'seq' ? (editable(svc, opt) ? appendItem(ctx, opt, 'no-new-privileges:true') : undefined) : !opt && map ? insertKey(ctx, map, 'security_opt', ['no-new-privileges:true']) : undefined;
      ctx.report({ messageId: 'missing', data: { service: svc.name }, at: opt ? opt.origin : svc.keyOrigin, fix: edit ? { title: 'Add no-new-privileges:true', edits: [edit] } : undefined });
    }
  },
});
