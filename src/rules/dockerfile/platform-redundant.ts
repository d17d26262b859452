import { defineRule } from '../types.js';

const TARGET = new Set(['$TARGETPLATFORM', '${TARGETPLATFORM}']);

export default defineRule({
  id: 'DF064',
  name: 'platform-redundant',
  aliases: ['DL3065'],
  meta: {
    target: 'dockerfile',
    category: 'style',
    severity: 'warning',
    fixable: 'safe',
    status: 'stable',
    docs: {
      summary: '`FROM --platform=$TARGETPLATFORM`, which is already the default.',
      why: 'A stage is built for the target platform unless told otherwise, so the flag only adds noise, and readers may wonder what it changes.',
      bad: 'FROM --platform=$TARGETPLATFORM alpine:3.20\nCMD ["sh"]\n',
      good: 'FROM alpine:3.20\nCMD ["sh"]\n',
    },
    messages: {
      redundant: 'FROM --platform={{value}} is the default already; remove the flag.',
    },
  },
  check({ df, report }) {
    const text = df.source.text;
    for (const stage of df.stages) {
      const flag = stage.platform;
      if (!flag || flag.value === null || !TARGET.has(flag.value.trim())) continue;
      let end = flag.end;
      while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
      report({
        messageId: 'redundant',
        data: { value: flag.value },
        span: { start: flag.start, end: flag.end },
        fix: { title: 'Remove --platform', edits: [{ start: flag.start, end, text: '' }] },
      });
    }
  },
});
