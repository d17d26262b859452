import type { ImageRuleContext } from '../image-types.js';
import { historyField, runSteps, shorten } from '../helpers/image.js';
import { defineRule } from '../types.js';

export default defineRule<ImageRuleContext>({
  id: 'IM008',
  name: 'sudo-in-run',
  aliases: ['DKL-DI-0001'],
  meta: {
    target: 'image',
    category: 'security',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A RUN step of the history runs a command through `sudo`.',
      why: 'Build steps already run as the Dockerfile\'s current USER; `sudo` in them means sudo is installed and configured in the image, so any process in the container that can reach it can become root, and its TTY and signal handling make builds fragile. Switch with `USER root` for the steps that need it and back to the unprivileged user afterwards. Installing the sudo package alone is not flagged here; running it is.',
      bad: JSON.stringify({ layers: [{ createdBy: '/bin/sh -c sudo apt-get install -y curl', files: [] }] }, null, 2),
      good: JSON.stringify({ layers: [{ createdBy: '/bin/sh -c apt-get install -y curl', files: [] }] }, null, 2),
      references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#dkl-di-0001'],
    },
    messages: {
      sudo: '{{field}} runs `sudo` (`{{step}}`): use USER root for the steps that need it instead of shipping sudo.',
    },
  },
  check(ctx) {
    for (const { step, commands } of runSteps(ctx.image)) {
      if (!commands.some((c) => c.base === 'sudo')) continue;
      const field = historyField(step);
      ctx.report({ messageId: 'sudo', data: { field, step: shorten(step.args) }, field, layer: step.layer });
    }
  },
});
