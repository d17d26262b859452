import { defineContextRule, exampleTree } from '../context-types.js';
import { ignoreLineFor, lineNames } from './_helpers.js';

const bad = exampleTree({
  'Dockerfile': 'FROM nginx:1.27-alpine\nCOPY nginx.conf /etc/nginx/nginx.conf\nCOPY public/ /usr/share/nginx/html/\n',
  '.dockerignore': '*.conf\n',
  'nginx.conf': 'events {}\n',
  'public/index.html': '<h1>hello</h1>\n',
});
const good = exampleTree({ ...bad.files, '.dockerignore': '*.conf\n!nginx.conf\n' });

export default defineContextRule({
  id: 'DI004',
  name: 'copy-source-excluded',
  aliases: [],
  meta: {
    target: 'context',
    category: 'correctness',
    severity: 'error',
    fixable: 'unsafe',
    status: 'preview',
    docs: {
      summary: 'A COPY/ADD source that the `.dockerignore` excludes: the builder never receives it and the build fails.',
      why: 'The builder only receives what the `.dockerignore` lets through, so a COPY of an excluded path fails with "not found" (or, for a wildcard, silently copies nothing) although the file is right there on disk. shipready evaluates the patterns exactly as BuildKit does, including `!` exceptions and the Dockerfile-specific `<Dockerfile>.dockerignore`, and names the pattern (file and line) that excludes the source. The unsafe fix appends an exception for the source; check that it is not something you meant to keep out.',
      get bad() { return bad.text; },
      get good() { return good.text; },
      badFiles: bad.files,
      goodFiles: good.files,
    },
    messages: {
      excluded: '{{keyword}} source "{{source}}" is excluded by {{ignoreFile}}:{{line}} (`{{pattern}}`): the builder never receives it, so the build fails with "not found". Remove the pattern or add `!{{path}}` after it.',
      wildcard: '{{keyword}} source "{{source}}" matches only files excluded by {{ignoreFile}}:{{line}} (`{{pattern}}`), e.g. {{example}}: it copies nothing (the classic builder fails). Remove the pattern or add an exception after it.',
    },
  },
  check(ctx) {
    if (ctx.contextMismatch || !ctx.ignore) return;
    for (const src of ctx.sources) {
      const r = ctx.context.inspect(src);
      const p = r.excludedBy;
      if (!p) continue;
      const common = { keyword: src.keyword, source: src.written, ignoreFile: ctx.ignorePath, line: p.line, pattern: p.raw };
      const path = r.resolved ?? src.path;
      const line = src.wildcard ? `!${src.path}` : `!${ignoreLineFor(path)}`;
      ctx.report({
        messageId: src.wildcard ? 'wildcard' : 'excluded',
        data: { ...common, path: src.path, example: r.rawMatches[0] ?? '' },
        span: src.span,
        key: src.path,
        // (No line names a path with a line break or white space at an end.)
        fix: src.wildcard || lineNames(line, path) ? { title: `Add ${line} to ${ctx.ignorePath}`, edits: ctx.appendToIgnore([line]) } : undefined,
      });
    }
  },
});
