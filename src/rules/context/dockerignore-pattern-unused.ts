import { defineContextRule, exampleTree } from '../context-types.js';
import { DEFENSIVE, PAIRWISE_BUDGET } from './_helpers.js';

const bad = exampleTree({
  'Dockerfile': 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\n',
  '.dockerignore': 'node_modules\ndocs/drafts\ntest-results\n',
  'docs/README.md': '# docs\n',
  'package.json': '{}\n',
  'package-lock.json': '{}\n',
});
const good = exampleTree({ ...bad.files, '.dockerignore': 'node_modules\ndocs\n' });

export default defineContextRule({
  id: 'DI007',
  name: 'dockerignore-pattern-unused',
  aliases: [],
  meta: {
    target: 'context',
    category: 'maintainability',
    severity: 'info',
    fixable: null,
    status: 'preview',
    docs: {
      summary: 'A `.dockerignore` path that matches nothing in the context, or a pattern that changes nothing.',
      why: 'A pattern naming a path that does not exist is usually a typo or a leftover from a moved directory, and the file it was meant to keep out is being sent. The rule checks plain paths (no wildcards) against the real context; names that only appear after a build or install (`node_modules`, `dist`, `.env`, `__pycache__`, ...) are not reported, since a fresh checkout rightly lacks them. It also reports a pattern that excludes what earlier lines already exclude, and an exception (`!path`) that re-includes something nothing excluded.',
      get bad() { return bad.text; },
      get good() { return good.text; },
      badFiles: bad.files,
      goodFiles: good.files,
    },
    messages: {
      nothing: '`{{pattern}}` matches nothing in the build context ({{path}} does not exist); fix the path or remove the line.',
      redundant: '`{{pattern}}` changes nothing: {{path}} is already excluded by `{{by}}` (line {{byLine}}); remove the line.',
      noEffect: '`{{pattern}}` re-includes nothing: no earlier pattern excludes {{path}}; remove the line.',
    },
  },
  check(ctx) {
    const ig = ctx.ignore;
    if (!ig) return;
    const m = ig.matcher;
    let budget = PAIRWISE_BUDGET;
    for (const p of ig.patterns) {
      if (p.matcherIndex < 0 || m.patterns[p.matcherIndex].glob.type !== 'exact') continue;
      const path = p.cleaned;
      if (path === '.' || path.startsWith('../') || path === '..' || path.startsWith('/')) continue;
      const name = path.slice(path.lastIndexOf('/') + 1);
      const exists = ctx.context.lstat(path) !== null;
      if (!exists) {
        // In a directory that is not the real context, absence proves nothing; and a trailing
        // `# comment` (`node_modules  # deps`) is dockerignore-gitignore-style's finding.
        if (ctx.contextMismatch || /\s#/.test(p.raw)) continue;
        if (DEFENSIVE.has(name) || name.startsWith('.env') || /\.(log|pid|tmp)$/.test(name)) continue;
        ctx.report({ messageId: 'nothing', in: 'ignore', span: p.span, data: { pattern: p.raw, path } });
        continue;
      }
      // What the patterns before this one decide for the path.
      if ((budget -= m.patterns.length) < 0) break;
      const before = m.prefix(p.matcherIndex);
      const r = before.evaluate(path);
      if (!p.negated && r.excluded) {
        const by = ig.byMatcherIndex(r.by);
        if (by) ctx.report({ messageId: 'redundant', in: 'ignore', span: p.span, data: { pattern: p.raw, path, by: by.raw, byLine: by.line } });
      } else if (p.negated && !r.excluded && !m.evaluate(path).excluded) {
        // (When a later pattern excludes the path again, dockerignore-exception-unreachable says so.)
        ctx.report({ messageId: 'noEffect', in: 'ignore', span: p.span, data: { pattern: p.raw, path } });
      }
    }
  },
});
