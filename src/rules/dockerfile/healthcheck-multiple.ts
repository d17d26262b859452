import { defineRule } from '../types.js';

export default defineRule({
  id: 'DF016',
  name: 'healthcheck-multiple',
  aliases: ['DL3012'],
  onlyWith: ['HEALTHCHECK'],
  meta: {
    target: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'More than one HEALTHCHECK in a stage.',
      why: 'Only the last HEALTHCHECK of a stage takes effect; the earlier ones are dead code that readers will take at face value. Keep exactly one.',
      bad: 'FROM nginx:1.27\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/health"]\n',
      good: 'FROM nginx:1.27\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/health"]\n',
    },
    messages: {
      multiple: 'This stage already has a HEALTHCHECK on line {{first}}; only the last one takes effect, so keep a single HEALTHCHECK.',
    },
  },
  check({ df, report }) {
    for (const stage of df.stages) {
      let first: number | undefined;
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'HEALTHCHECK') continue;
        if (first === undefined) first = instr.line;
        else report({ messageId: 'multiple', data: { first }, span: instr.keywordSpan });
      }
    }
  },
});
