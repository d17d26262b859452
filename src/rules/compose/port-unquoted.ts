import type { ComposeRuleContext } from '../compose-types.js';
import { editable, get, items } from '../helpers/compose.js';
import { defineRule } from '../types.js';

/** YAML 1.1 reads `22:22` (colon-separated parts below 60) as a base-60 integer. */
const SEXAGESIMAL = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/;

export default defineRule<ComposeRuleContext>({
  id: 'DC030',
  name: 'port-unquoted',
  aliases: ['require-quotes-in-ports'],
  meta: {
    target: 'compose',
    category: 'correctness',
    severity: 'style',
    fixable: 'safe',
    status: 'stable',
    docs: {
      summary: 'An unquoted port mapping that YAML 1.1 tools read as a base-60 number (e.g. `22:22`).',
      why: 'In YAML 1.1, which docker-compose v1, PyYAML and many other tools still use, an unquoted `22:22` is the sexagesimal integer 1342, not a mapping of port 22. Quote port mappings. Only the mappings that are actually misread are flagged; the fix adds double quotes.',
      bad: 'services:\n  sftp:\n    image: example/sftp:1.0\n    ports:\n      - 2222:22\n',
      good: 'services:\n  sftp:\n    image: example/sftp:1.0\n    ports:\n      - "2222:22"\n',
    },
    messages: {
      unquoted: 'Port mapping {{value}} is read as a base-60 number by YAML 1.1 tools: quote it ("{{value}}").',
    },
  },
  check(ctx) {
    for (const svc of ctx.services) {
      for (const n of [...items(get(svc.node, 'ports')), ...items(get(svc.node, 'expose'))]) {
        if (n.kind !== 'scalar' || n.style !== 'plain' || typeof n.raw !== 'string' || !SEXAGESIMAL.test(n.raw)) continue;
        const fix = editable(svc, n) ? { title: 'Quote the port mapping', edits: [{ file: n.origin.file, start: n.origin.start, end: n.origin.end, text: `"${n.raw}"` }] } : undefined;
        ctx.report({ messageId: 'unquoted', data: { value: n.raw }, at: n.origin, fix });
      }
    }
  },
});
