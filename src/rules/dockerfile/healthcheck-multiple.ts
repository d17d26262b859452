import { defineRule } from '../types.js';
import { reportOverridden } from '../helpers/dockerfile.js';

export default defineRule({
  id: 'DF016',
  name: 'healthcheck-multiple',
  aliases: ['DL3012'],
  onlyWith: ['HEALTHCHECK'],
  meta: {
    target: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    fixable: 'safe',
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
  check(ctx) {
    reportOverridden(ctx, 'HEALTHCHECK');
  },
});
