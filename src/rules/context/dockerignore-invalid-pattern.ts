import { defineContextRule, exampleTree } from '../context-types.js';

const bad = exampleTree({
  'Dockerfile': 'FROM alpine:3.20\nCOPY . /srv/\n',
  '.dockerignore': '.git\n[Bb]uild-[0-9\n!\n',
  'run.sh': '',
});
const good = exampleTree({ ...bad.files, '.dockerignore': '.git\n[Bb]uild-[0-9]*\n' });

export default defineContextRule({
  id: 'DI011',
  name: 'dockerignore-invalid-pattern',
  aliases: [],
  meta: {
    target: 'context',
    category: 'correctness',
    severity: 'error',
    fixable: null,
    status: 'preview',
    docs: {
      summary: 'A `.dockerignore` line Docker rejects (a lone `!`, an unclosed `[`, a bad range or escape): the build fails before it starts.',
      why: 'Docker validates every pattern before sending the context: a line that is only `!`, a character class that is not closed, a trailing backslash, or a class the regular expression engine refuses (such as `[Local-Only]`, whose `l-O` range runs backwards) makes the build fail with "illegal exclusion pattern" or "syntax error in pattern" (a class only the regular expression refuses, when Docker first checks a path against the line: for an exception, a path an earlier line excludes), and a line of 64 KiB or more (counting a `\\r` line ending and, on the first line, a byte-order mark) makes the whole file unreadable.',
      get bad() { return bad.text; },
      get good() { return good.text; },
      badFiles: bad.files,
      goodFiles: good.files,
    },
    messages: {
      invalid: '`{{pattern}}` is not a pattern Docker accepts ({{reason}}): the build fails before anything is sent.',
      invalidOnUse: '`{{pattern}}` is not a pattern Docker accepts ({{reason}}): Docker compiles it when it first checks a path against it, and the build fails then.',
      invalidExceptionOnUse: '`{{pattern}}` is not a pattern Docker accepts ({{reason}}): Docker compiles an exception when it first checks a path an earlier line excludes, and the build fails then.',
      unreadable: 'Line {{line}} is too long: Docker cannot read a .dockerignore line of 64 KiB or more, so the build fails.',
    },
  },
  check(ctx) {
    const ig = ctx.ignore;
    if (!ig) return;
    for (const p of ig.patterns) {
      if (!p.problem) continue;
      const messageId = !p.problemIsLazy ? 'invalid' : p.negated ? 'invalidExceptionOnUse' : 'invalidOnUse';
      ctx.report({ messageId, in: 'ignore', span: p.span, data: { pattern: p.raw, reason: p.problem } });
    }
    for (const e of ig.lineErrors) ctx.report({ messageId: 'unreadable', in: 'ignore', span: { start: e.span.start, end: Math.min(e.span.end, e.span.start + 80) }, data: { line: e.line } });
  },
});
