import { readdirSync } from 'node:fs';
import { didYouMean } from '../../engine/messages.js';
import { defineContextRule, exampleTree } from '../context-types.js';

const bad = exampleTree({
  'Dockerfile': 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirement.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY app.py .\n',
  '.dockerignore': '.git\n',
  'app.py': '',
  'requirements.txt': 'flask==3.0.3\n',
});
const good = exampleTree({ ...bad.files, 'Dockerfile': bad.files['Dockerfile']!.replace('requirement.txt .', 'requirements.txt .') });

export default defineContextRule({
  id: 'DI005',
  name: 'copy-source-missing',
  aliases: [],
  meta: {
    target: 'context',
    category: 'correctness',
    severity: 'error',
    fixable: null,
    status: 'preview',
    docs: {
      summary: 'A COPY/ADD source that does not exist in the build context: the build fails.',
      why: 'COPY and ADD fail with "not found" when a source path is not in the build context: a typo, a file renamed since, a case mismatch that works on macOS but not in CI, or a path written relative to the Dockerfile instead of the context. Wildcard sources that match nothing are not reported: BuildKit accepts them (the `COPY yarn.lock* ./` idiom). When none of a Dockerfile\'s sources exist in its directory, the image is probably built from another context and shipready says so once instead of reporting every line.',
      get bad() { return bad.text; },
      get good() { return good.text; },
      badFiles: bad.files,
      goodFiles: good.files,
    },
    messages: {
      missing: '{{keyword}} source "{{source}}" does not exist in the build context ({{context}}): the build fails with "not found".{{hint}}',
    },
  },
  check(ctx) {
    if (ctx.contextMismatch) return;
    for (const src of ctx.sources) {
      if (src.wildcard || src.path === '.') continue;
      const r = ctx.context.inspect(src);
      if (r.exists || r.excludedBy) continue;
      const slash = src.path.lastIndexOf('/');
      const dir = slash < 0 ? '' : src.path.slice(0, slash);
      const name = src.path.slice(slash + 1);
      let names: string[] = [];
      const d = dir === '' ? { path: '.', type: 'dir' } : ctx.context.resolve(dir);
      if (d && d.type === 'dir') {
        try {
          names = readdirSync(d.path === '.' ? ctx.context.root : `${ctx.context.root}/${d.path}`);
        } catch {
          names = [];
        }
      }
      const guess = names.find((n) => n.toLowerCase() === name.toLowerCase()) ?? didYouMean(name, names);
      ctx.report({
        messageId: 'missing',
        data: { keyword: src.keyword, source: src.written, context: ctx.contextDisplay, hint: guess ? ` Did you mean "${dir ? `${dir}/` : ''}${guess}"?` : '' },
        span: src.span,
        key: src.path,
      });
    }
  },
});
