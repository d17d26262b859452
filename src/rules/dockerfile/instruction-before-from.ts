import { KNOWN_INSTRUCTIONS } from '../../model/dockerfile/parse.js';
import { defineRule } from '../types.js';

export default defineRule({
  id: 'DF060',
  name: 'instruction-before-from',
  aliases: ['DL3061'],
  meta: {
    target: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'An instruction other than ARG before the first FROM.',
      why: 'Only ARG (and parser directives and comments) may come before the first FROM; Docker rejects anything else, because there is no image yet for it to act on.',
      bad: 'ENV NODE_ENV=production\nFROM node:20-slim\n',
      good: 'FROM node:20-slim\nENV NODE_ENV=production\n',
    },
    messages: {
      before: '{{keyword}} comes before the first FROM, where only ARG is allowed; move it after FROM.',
    },
  },
  check({ df, report }) {
    for (const instr of df.instructions) {
      if (instr.keyword === 'FROM') break;
      // Unknown keywords are reported as syntax errors already.
      if (instr.keyword === 'ARG' || !KNOWN_INSTRUCTIONS.has(instr.keyword)) continue;
      report({ messageId: 'before', data: { keyword: instr.keyword }, span: instr.keywordSpan });
    }
  },
});
