import { defineRule } from '../types.js';
import { reportOverridden } from '../helpers/dockerfile.js';

export default defineRule({
  id: 'DF070',
  name: 'entrypoint-multiple',
  aliases: ['DL4004'],
  onlyWith: ['ENTRYPOINT'],
  meta: {
    target: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    fixable: 'safe',
    status: 'stable',
    docs: {
      summary: 'More than one ENTRYPOINT in a stage.',
      why: 'Only the last ENTRYPOINT of a stage takes effect; the earlier ones never run, yet readers take them at face value. Keep exactly one.',
      bad: 'FROM python:3.12-slim\nENTRYPOINT ["python3"]\nENTRYPOINT ["gunicorn", "app:app"]\n',
      good: 'FROM python:3.12-slim\nENTRYPOINT ["gunicorn", "app:app"]\n',
    },
    messages: {
      multiple: 'This stage already has an ENTRYPOINT on line {{first}}; only the last ENTRYPOINT takes effect, so keep a single one.',
    },
  },
  check(ctx) {
    reportOverridden(ctx, 'ENTRYPOINT');
  },
});
