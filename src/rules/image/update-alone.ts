import type { ImageRuleContext } from '../image-types.js';
import { historyField, runSteps, shorten, subcommandOf, unwrapCommand } from '../helpers/image.js';
import { defineRule } from '../types.js';
import { indexFamily } from '../helpers/package-index.js';

export default defineRule<ImageRuleContext>({
  id: 'IM003',
  name: 'update-alone',
  aliases: ['CIS-DI-0007'],
  meta: {
    target: 'image',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A history step refreshes the package index (`apt-get update`, `apk update`...) without installing anything in the same RUN.',
      why: 'The build cache keeps a RUN that only runs `apt-get update` forever: a later `apt-get install` step, rebuilt after a change, installs from a stale index and fails on packages that moved, or silently gets old versions. Run the update and the install in one RUN (`apt-get update && apt-get install -y ...`). The check reads the image history, so it sees the steps of the Dockerfile that built the image; an index refreshed by the base image counts too.',
      bad: JSON.stringify({ layers: [{ createdBy: '/bin/sh -c apt-get update', files: [] }, { createdBy: '/bin/sh -c apt-get install -y curl', files: [] }] }, null, 2),
      good: JSON.stringify({ layers: [{ createdBy: '/bin/sh -c apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*', files: [] }] }, null, 2),
      references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#cis-di-0007'],
    },
    messages: {
      alone: '`{{command}}` in {{field}} refreshes the package index without installing in the same RUN: the cached layer goes stale. Combine it with the install (`{{command}} && ... install ...`). Step: {{step}}',
    },
  },
  check(ctx) {
    for (const { step, commands } of runSteps(ctx.image)) {
      const calls = commands.map((c) => {
        const u = unwrapCommand(c);
        const fam = indexFamily(u.name);
        const sub = fam ? subcommandOf(u.args, fam.valueFlags)?.word : undefined;
        return { fam, sub, name: u.name };
      });
      calls.forEach((call, i) => {
        const fam = call.fam;
        if (!fam || !call.sub || !fam.refresh.includes(call.sub)) return;
        const used = calls.slice(i + 1).some((c) => c.fam === fam && c.sub !== undefined && fam.use.includes(c.sub));
        if (used) return;
        const field = historyField(step);
        ctx.report({ messageId: 'alone', data: { command: `${call.name} ${call.sub}`, field, step: shorten(step.args) }, field, layer: step.layer, key: `${call.name} ${call.sub}` });
      });
    }
  },
});
