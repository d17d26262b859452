import { defineRule } from '../types.js';
import { runCommandsNamed } from '../helpers/dockerfile.js';

export default defineRule({
  id: 'DF008',
  name: 'sudo-in-run',
  aliases: ['DL3004'],
  meta: {
    target: 'dockerfile',
    category: 'security',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: '`sudo` in a RUN.',
      why: 'sudo needs a TTY or a sudoers rule, behaves differently across base images, and keeps a privilege-escalation path in the image. Run root steps as root (switch with USER before and after them); to drop privileges at container start, use gosu or su-exec in the entrypoint.',
      bad: 'FROM debian:12-slim\nUSER app\nRUN sudo mkdir /data\n',
      good: 'FROM debian:12-slim\nUSER root\nRUN mkdir /data && chown app /data\nUSER app\n',
    },
    messages: { sudo: 'Do not use sudo in a build step; run the step as root (USER root, then switch back) and use gosu/su-exec to drop privileges at runtime.' },
  },
  check({ df, report }) {
    for (const { cmd } of runCommandsNamed(df, 'sudo', { onbuild: true })) {
      report({ messageId: 'sudo', span: { start: cmd.words[0].start, end: cmd.words[0].end } });
    }
  },
});
