import { matchGlob } from '../../model/context/pattern.js';
import { defineContextRule, exampleTree } from '../context-types.js';
import { samplePaths, PAIRWISE_BUDGET } from './_helpers.js';

const bad = exampleTree({
  'Dockerfile': 'FROM nginx:1.27-alpine\nCOPY site/ /usr/share/nginx/html/\n',
  '.dockerignore': '!site/drafts/preview.html\nsite/drafts\n',
  'site/index.html': '',
  'site/drafts/preview.html': '',
  'site/drafts/wip.html': '',
});
const good = exampleTree({ ...bad.files, '.dockerignore': 'site/drafts\n!site/drafts/preview.html\n' });

export default defineContextRule({
  id: 'DI008',
  name: 'dockerignore-exception-unreachable',
  aliases: [],
  meta: {
    target: 'context',
    category: 'correctness',
    severity: 'warning',
    fixable: null,
    status: 'preview',
    docs: {
      summary: 'An exception (`!path`) that can never re-include anything because a later pattern excludes the path or its parent directory.',
      why: 'In a `.dockerignore` the last matching pattern wins, and a pattern that matches a directory also matches everything inside it. An exception followed by a pattern that excludes its parent directory (or the path itself) is overruled for every file it names, so the file is not sent although the exception says it should be. Move the exception below the pattern it is meant to make an exception to. shipready decides this by evaluating the patterns exactly as BuildKit walks the context, for several paths the exception names (`**` as zero, one and two directories, `*` as different names), and reports only when a later pattern overrules it for every one of them.',
      get bad() { return bad.text; },
      get good() { return good.text; },
      badFiles: bad.files,
      goodFiles: good.files,
    },
    messages: {
      parent: '`{{pattern}}` can never re-include anything: the later pattern `{{by}}` (line {{byLine}}) excludes its parent directory {{dir}}, and the last matching pattern wins. Move the exception below line {{byLine}}.',
      self: '`{{pattern}}` can never re-include anything: the later pattern `{{by}}` (line {{byLine}}) excludes {{path}} again, and the last matching pattern wins. Move the exception below line {{byLine}}.',
    },
  },
  check(ctx) {
    const ig = ctx.ignore;
    if (!ig) return;
    const m = ig.matcher;
    let budget = PAIRWISE_BUDGET;
    for (const p of ig.patterns) {
      if (!p.negated || p.matcherIndex < 0) continue;
      const mp = m.patterns[p.matcherIndex];
      const probes = samplePaths(mp.cleaned).filter((probe) => matchGlob(mp, probe));
      if (probes.length === 0) continue;
      if ((budget -= m.patterns.length * probes.length) < 0) break;
      // Unreachable only when a later pattern overrules the exception for every probe: one path
      // it still re-includes (docs/guide/index.md for !docs/**/index.md) makes it useful.
      const results = probes.map((probe) => m.evaluate(probe));
      if (!results.every((r) => r.excluded && r.by > p.matcherIndex)) continue;
      const [probe, r] = [probes[0], results[0]];
      const by = ig.byMatcherIndex(r.by);
      if (!by) continue;
      const decider = m.patterns[r.by];
      const data = { pattern: p.raw, by: by.raw, byLine: by.line, path: probe, dir: '' };
      if (matchGlob(decider, probe)) {
        ctx.report({ messageId: 'self', in: 'ignore', span: p.span, data });
        continue;
      }
      const parts = probe.split('/');
      for (let k = 1; k < parts.length; k++) {
        const d = parts.slice(0, k).join('/');
        if (matchGlob(decider, d)) {
          data.dir = d;
          break;
        }
      }
      ctx.report({ messageId: 'parent', in: 'ignore', span: p.span, data });
    }
  },
});
