import type { ComposeRuleContext } from '../compose-types.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeRuleContext>({
  id: 'DC024',
  name: 'version-obsolete',
  aliases: ['no-version-field'],
  meta: {
    target: 'compose',
    category: 'maintainability',
    severity: 'info',
    fixable: 'safe',
    status: 'stable',
    docs: {
      summary: 'The file sets the obsolete top-level `version`.',
      why: 'The Compose Specification ignores `version` and current Compose prints a warning for it. Keeping it suggests that features depend on it (they do not: `deploy.resources` and `mem_limit` both work without it). The fix deletes the line.',
      bad: 'version: "3.8"\nservices:\n  api:\n    image: example/api:2.1\n',
      good: 'services:\n  api:\n    image: example/api:2.1\n',
    },
    messages: {
      obsolete: '`version` is obsolete and ignored by Compose: remove it.',
    },
  },
  check(ctx) {
    for (const { file, root } of ctx.project.fileRoots) {
      const e = root.entries.get('version');
      if (!e || e.merged) continue;
      const f = ctx.file(file);
      let fix;
      if (f && e.value.kind === 'scalar') {
        const text = f.text;
        const ls = text.lastIndexOf('\n', e.keyOrigin.start - 1) + 1;
        const nl = text.indexOf('\n', e.value.origin.end);
        const rest = text.slice(e.value.origin.end, nl < 0 ? text.length : nl);
        if (ls === e.keyOrigin.start && /^\s*(#.*)?$/.test(rest) && !/#/.test(rest)) fix = { title: 'Remove version', edits: [{ file, start: ls, end: nl < 0 ? text.length : nl + 1, text: '' }] };
      }
      ctx.report({ messageId: 'obsolete', at: e.keyOrigin, fix });
    }
  },
});
