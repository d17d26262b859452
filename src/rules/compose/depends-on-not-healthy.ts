import type { ComposeService, CSeq } from '../../model/compose/types.js';
import type { ComposeRuleContext, FileEdit } from '../compose-types.js';
import { editable, effectiveHealthcheck, entry, get, insertKey, known, yamlString } from '../helpers/compose.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeRuleContext>({
  id: 'DC015',
  name: 'depends-on-not-healthy',
  aliases: [],
  meta: {
    target: 'compose',
    category: 'reliability',
    severity: 'warning',
    fixable: 'unsafe',
    status: 'stable',
    docs: {
      summary: 'A service depends on a service that has a healthcheck, but does not wait for it to be healthy.',
      why: 'Plain `depends_on` only waits for the dependency\'s container to start, not for the database to accept connections, so the dependant crashes or retries at startup. When the dependency has a healthcheck (in Compose or its Dockerfile), `condition: service_healthy` makes Compose wait until it passes. Reports list entries and mapping entries without a `condition`; an explicit condition, `service_started` included, is a deliberate choice and is left alone. Services that share one `depends_on` through a YAML anchor get one finding. The fix rewrites the list form to the mapping form (other dependencies keep `service_started`), or adds the condition to a mapping entry. The fix is unsafe: it changes how the project starts, and with a healthcheck that never passes `docker compose up` stops with an unhealthy dependency instead of starting the service.',
      bad: 'services:\n  api:\n    image: example/api:2.1\n    depends_on:\n      - db\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n',
      good: 'services:\n  api:\n    image: example/api:2.1\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n',
    },
    messages: {
      notHealthy: 'Service "{{service}}" starts as soon as "{{dep}}" starts, though "{{dep}}" has a healthcheck: use `condition: service_healthy` so it waits until "{{dep}}" is ready.',
    },
  },
  check(ctx) {
    const healthy = new Set(ctx.services.filter((s) => effectiveHealthcheck(s).state === 'set').map((s) => s.name));
    // Services that share a `depends_on` through a YAML anchor or merge key: one finding per place.
    const reported = new Set<string>();
    const once = (o: { file: string; start: number }): boolean => {
      const key = `${o.file}\0${o.start}`;
      if (reported.has(key)) return false;
      reported.add(key);
      return true;
    };
    for (const svc of ctx.services) {
      const dep = get(svc.node, 'depends_on');
      if (!dep) continue;
      if (dep.kind === 'seq') {
        const names = dep.items.map((n) => (known(n) ? String(n.value) : undefined));
        if (names.some((n) => n === undefined)) continue;
        const fixEdit = listToMapEdit(ctx, svc, dep, names as string[], healthy);
        dep.items.forEach((n, i) => {
          if (healthy.has(names[i]!) && once(n.origin)) ctx.report({ messageId: 'notHealthy', data: { service: svc.name, dep: names[i]! }, at: n.origin, fix: fixEdit ? { title: 'Wait for healthy dependencies', edits: [fixEdit] } : undefined });
        });
      } else if (dep.kind === 'map') {
        for (const [name, e] of dep.entries) {
          // An explicit condition (`service_started` too) is the author's choice; only a missing one is reported.
          if (!healthy.has(name) || entry(e.value, 'condition') || !once(e.keyOrigin)) continue;
          const edit = e.value.kind === 'map' && editable(svc, e.value) ? insertKey(ctx, e.value, 'condition', 'service_healthy') : undefined;
          ctx.report({ messageId: 'notHealthy', data: { service: svc.name, dep: name }, at: e.keyOrigin, fix: edit ? { title: 'Wait until healthy', edits: [edit] } : undefined });
        }
      }
    }
  },
});

/** Rewrite `depends_on: [a, b]` (flow or block) as a mapping with conditions. */
function listToMapEdit(ctx: ComposeRuleContext, svc: ComposeService, seq: CSeq, names: string[], healthy: Set<string>): FileEdit | undefined {
  if (!editable(svc, seq) || !names.length) return undefined;
  const file = ctx.file(seq.origin.file);
  const key = entry(svc.node, 'depends_on');
  if (!file || !key || key.keyOrigin.file !== seq.origin.file) return undefined;
  const text = file.text;
  const cond = (n: string) => (healthy.has(n) ? 'service_healthy' : 'service_started');
  if (seq.flow) {
    return { file: seq.origin.file, start: seq.origin.start, end: seq.origin.end, text: `{${names.map((n) => `${yamlString(n)}: {condition: ${cond(n)}}`).join(', ')}}` };
  }
  // Block list: replace from after `depends_on` to the end of the list; refuse if comments would be lost.
  const start = key.keyOrigin.end;
  let end = seq.origin.end;
  while (end > start && /\s/.test(text[end - 1])) end--;
  const replaced = text.slice(start, end);
  if (replaced.includes('#') || !/^\s*:/.test(replaced)) return undefined;
  const keyLineStart = text.lastIndexOf('\n', key.keyOrigin.start - 1) + 1;
  const keyCol = key.keyOrigin.start - keyLineStart;
  const dashLineStart = text.lastIndexOf('\n', seq.origin.start - 1) + 1;
  const dashCol = seq.origin.start - dashLineStart;
  const indent = ' '.repeat(dashCol > keyCol ? dashCol : keyCol + 2);
  const eol = file.source.lineEnding;
  // (A name such as `123` or `on` must stay a string as a key: yamlString quotes it.)
  const body = names.map((n) => `${indent}${yamlString(n)}:${eol}${indent}  condition: ${cond(n)}`).join(eol);
  return { file: seq.origin.file, start, end, text: `:${eol}${body}` };
}
