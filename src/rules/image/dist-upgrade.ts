import type { ImageRuleContext } from '../image-types.js';
import { historyField, runSteps, shorten, subcommandOf, unwrapCommand } from '../helpers/image.js';
import { defineRule } from '../types.js';

export default defineRule<ImageRuleContext>({
  id: 'IM010',
  name: 'dist-upgrade',
  aliases: ['DKL-DI-0003'],
  meta: {
    target: 'image',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A RUN step of the history runs `apt-get dist-upgrade` (or `full-upgrade`).',
      why: 'A dist-upgrade may install, remove and replace packages wholesale, so the image no longer matches the base it names and changes from build to build; it can even move the distribution to a new release. Pick a newer base image tag instead, and install the specific updated packages you need.',
      bad: JSON.stringify({ layers: [{ createdBy: '/bin/sh -c apt-get update && apt-get dist-upgrade -y', files: [] }] }, null, 2),
      good: JSON.stringify({ layers: [{ createdBy: '/bin/sh -c apt-get update && apt-get install -y --only-upgrade openssl', files: [] }] }, null, 2),
      references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#dkl-di-0003'],
    },
    messages: {
      upgrade: '{{field}} runs `{{command}}` (`{{step}}`): use a newer base image instead of upgrading the distribution in a layer.',
    },
  },
  check(ctx) {
    for (const { step, commands } of runSteps(ctx.image)) {
      for (const c of commands) {
        const u = unwrapCommand(c);
        if (u.name !== 'apt-get' && u.name !== 'apt' && u.name !== 'aptitude') continue;
        const sub = subcommandOf(u.args, ['-o', '-c', '-t'])?.word;
        if (sub !== 'dist-upgrade' && sub !== 'full-upgrade') continue;
        const field = historyField(step);
        ctx.report({ messageId: 'upgrade', data: { field, command: `${u.name} ${sub}`, step: shorten(step.args) }, field, layer: step.layer });
        break;
      }
    }
  },
});
