import { defineRule } from '../types.js';

/** A double-quoted LABEL value that reads back as `text` (LABEL expands variables, MAINTAINER does not). */
function quote(text: string, escape: string): string {
  let out = '';
  for (const c of text) out += c === '"' || c === '$' || c === escape ? escape + c : c;
  return `"${out}"`;
}

export default defineRule({
  id: 'DF067',
  name: 'maintainer-deprecated',
  aliases: ['DL4000'],
  onlyWith: ['MAINTAINER'],
  meta: {
    target: 'dockerfile',
    category: 'maintainability',
    severity: 'error',
    fixable: 'safe',
    status: 'stable',
    docs: {
      summary: 'The deprecated MAINTAINER instruction.',
      why: 'MAINTAINER has been deprecated since Docker 1.13 and only fills an obsolete image field. A `maintainer` label carries the same information where tools look for it (`docker inspect`, registries, `org.opencontainers.image.authors`).',
      bad: 'FROM debian:12-slim\nMAINTAINER Jane Doe <jane@example.com>\n',
      good: 'FROM debian:12-slim\nLABEL maintainer="Jane Doe <jane@example.com>"\n',
    },
    messages: {
      deprecated: 'MAINTAINER is deprecated; use LABEL maintainer="{{value}}" instead (or org.opencontainers.image.authors).',
    },
  },
  check({ df, report }) {
    for (const instr of df.instructions) {
      if (instr.keyword !== 'MAINTAINER') continue;
      const args = instr.args;
      const value = args.text.trim();
      const data = { value };
      if (!value) {
        report({ messageId: 'deprecated', data, span: instr.keywordSpan });
        continue;
      }
      const end = args.toSourceEnd(args.text.trimEnd().length);
      const text = `LABEL maintainer=${quote(value, df.escape)}`;
      // The value is the joined text Docker sees; comment lines inside a continuation would be lost, so leave those alone.
      report({
        messageId: 'deprecated',
        data,
        span: instr.keywordSpan,
        ...(instr.innerComments.length === 0 ? { fix: { title: 'Replace with LABEL maintainer', edits: [{ start: instr.keywordSpan.start, end, text }] } } : {}),
      });
    }
  },
});
