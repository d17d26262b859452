import { defineRule } from '../types.js';
import { reportOverridden } from '../helpers/dockerfile.js';

export default defineRule({
  id: 'DF069',
  name: 'cmd-multiple',
  aliases: ['DL4003'],
  onlyWith: ['CMD'],
  meta: {
    target: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    fixable: 'safe',
    status: 'stable',
    docs: {
      summary: 'More than one CMD in a stage.',
      why: 'Only the last CMD of a stage takes effect; the earlier ones never run, yet readers take them at face value. Keep exactly one (to run several processes, use a small entrypoint script or a process supervisor).',
      bad: 'FROM node:20-slim\nCMD ["node", "migrate.js"]\nCMD ["node", "server.js"]\n',
      good: 'FROM node:20-slim\nCMD ["node", "server.js"]\n',
    },
    messages: {
      multiple: 'This stage already has a CMD on line {{first}}; only the last CMD takes effect, so keep a single one.',
    },
  },
  check(ctx) {
    reportOverridden(ctx, 'CMD');
  },
});
