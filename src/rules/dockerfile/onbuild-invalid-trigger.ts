import { defineRule } from '../types.js';

const FORBIDDEN = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export default defineRule({
  id: 'DF042',
  name: 'onbuild-invalid-trigger',
  aliases: ['DL3043'],
  onlyWith: ['ONBUILD'],
  meta: {
    target: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'ONBUILD wrapping ONBUILD, FROM or MAINTAINER.',
      why: 'Docker does not allow these as ONBUILD triggers: BuildKit rejects the Dockerfile while parsing it, so the image does not build at all (the legacy builder let some through, and then every build FROM the image failed).',
      bad: 'FROM node:20-slim\nONBUILD FROM node:20-slim\n',
      good: 'FROM node:20-slim\nONBUILD COPY . /app/\n',
    },
    messages: {
      invalid: '{{keyword}} is not allowed as an ONBUILD trigger: docker build rejects this Dockerfile. Remove it from ONBUILD.',
    },
  },
  check({ df, report }) {
    for (const instr of df.instructions) {
      const trigger = instr.keyword === 'ONBUILD' ? instr.trigger : null;
      if (trigger && FORBIDDEN.has(trigger.keyword)) report({ messageId: 'invalid', data: { keyword: trigger.keyword }, span: trigger.keywordSpan });
    }
  },
});
