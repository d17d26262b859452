import { defineRule } from '../types.js';
import { instructions } from '../helpers/dockerfile.js';

export default defineRule({
  id: 'DF001',
  name: 'syntax-error',
  aliases: ['DL1000'],
  meta: {
    target: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'An instruction that Docker would reject when building.',
      why: 'A syntax error fails the build. shipready reports it on the offending instruction and keeps checking the rest of the file, unlike linters that stop at the first parse error.',
      bad: 'FROM node:20-slim\nCOPY package.json\n',
      good: 'FROM node:20-slim\nCOPY package.json ./\n',
    },
    messages: { syntax: '{{message}}' },
  },
  check({ df, report }) {
    for (const instr of instructions(df)) {
      if (instr.error) report({ messageId: 'syntax', data: { message: instr.error.message }, span: instr.error.span });
    }
  },
});
