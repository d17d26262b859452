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
      summary: 'An instruction that Docker would reject when building, or a file without instructions.',
      why: 'A syntax error fails the build. shipready reports it on the offending instruction and keeps checking the rest of the file, unlike linters that stop at the first parse error.',
      bad: 'FROM node:20-slim\nCOPY package.json\n',
      good: 'FROM node:20-slim\nCOPY package.json ./\n',
    },
    messages: {
      syntax: '{{message}}',
      empty: 'The file has no instructions, and Docker refuses to build from an empty Dockerfile; start it with FROM <image>.',
    },
  },
  check({ df, report }) {
    if (df.instructions.length === 0) {
      // Comments and parser directives alone are still "no instructions" to Docker.
      report({ messageId: 'empty', span: { start: 0, end: df.source.lineEnd(1) } });
      return;
    }
    for (const instr of instructions(df)) {
      if (instr.error) report({ messageId: 'syntax', data: { message: instr.error.message }, span: instr.error.span });
    }
  },
});
