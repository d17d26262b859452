import type { ImageRuleContext } from '../image-types.js';
import { historyField, runSteps, shorten, subcommandOf, unwrapCommand } from '../helpers/image.js';
import { defineRule } from '../types.js';
import { indexFamily, type IndexFamily } from '../helpers/package-index.js';
import type { Command } from '../../model/shell/types.js';

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
      const alone = refreshesAlone(commands.map(indexCall));
      if (alone.length === 0) continue;
      const field = historyField(step);
      const text = shorten(step.args);
      for (const command of alone) ctx.report({ messageId: 'alone', data: { command, field, step: text }, field, layer: step.layer, key: command });
    }
  },
});

interface IndexCall {
  fam?: IndexFamily;
  sub?: string;
  name: string;
}

function indexCall(c: Command): IndexCall {
  const u = unwrapCommand(c);
  const fam = indexFamily(u.name);
  return { fam, sub: fam ? subcommandOf(u.args, fam.valueFlags)?.word : undefined, name: u.name };
}

/**
 * The refresh commands (`apt-get update`) that no later call of their family installs after, each
 * once and in script order. One backward pass keeps the families used further on, so a RUN of
 * thousands of updates costs linear time.
 */
function refreshesAlone(calls: IndexCall[]): string[] {
  const usedLater = new Set<IndexFamily>();
  const alone: string[] = [];
  for (let i = calls.length - 1; i >= 0; i--) {
    const { fam, sub, name } = calls[i];
    if (!fam || sub === undefined) continue;
    if (fam.refresh.includes(sub) && !usedLater.has(fam)) alone.push(`${name} ${sub}`);
    if (fam.use.includes(sub)) usedLater.add(fam);
  }
  return [...new Set(alone.reverse())];
}
