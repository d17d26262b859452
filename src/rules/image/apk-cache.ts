import type { ImageRuleContext } from '../image-types.js';
import { addToTotal, emptyTotal, formatBytes, historyField, isUnder, plural, regularFiles, runSteps, shorten, subcommandOf, unwrapCommand } from '../helpers/image.js';
import { defineRule } from '../types.js';

const CACHE = '/var/cache/apk';
const VALUE_FLAGS = ['-X', '--repository', '-p', '--root', '--arch', '-t', '--virtual', '--cache-dir', '--repositories-file'];

export default defineRule<ImageRuleContext>({
  id: 'IM011',
  name: 'apk-cache',
  aliases: ['DKL-DI-0004'],
  meta: {
    target: 'image',
    category: 'performance',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'apk\'s index cache was left in the image: /var/cache/apk holds files, or a RUN step ran `apk add` without `--no-cache` and did not clean up.',
      why: '`apk add` without `--no-cache` downloads the APKINDEX files to /var/cache/apk and leaves them there: bytes every pull pays for and nothing uses at run time. Use `apk add --no-cache ...`. When the cache is in the final file system the finding gives its size; otherwise it names each RUN step that ran `apk add` or `apk upgrade` without `--no-cache` and without removing the cache in the same step (a later step deleting it does not shrink the earlier layer).',
      bad: JSON.stringify({ layers: [{ createdBy: '/bin/sh -c apk add curl', files: [{ path: '/var/cache/apk/APKINDEX.5022a8a2.tar.gz', size: 1200 }] }] }, null, 2),
      good: JSON.stringify({ layers: [{ createdBy: '/bin/sh -c apk add --no-cache curl', files: [{ path: '/var/cache/apk/', type: 'dir' }] }] }, null, 2),
      references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#dkl-di-0004'],
    },
    messages: {
      present: '{{path}} holds {{files}} ({{size}}) of apk cache: install with `apk add --no-cache` so nothing is left behind.',
      step: '{{field}} runs `apk {{sub}}` without --no-cache (`{{step}}`): its layer keeps the APKINDEX cache. Use `apk add --no-cache`.',
    },
  },
  check(ctx) {
    const total = emptyTotal();
    for (const f of regularFiles(ctx.image)) if (isUnder(f.path, CACHE) && f.path !== CACHE && f.size > 0) addToTotal(total, f);
    if (total.files > 0) {
      ctx.report({ messageId: 'present', data: { path: CACHE, files: plural(total.files, 'file'), size: formatBytes(total.bytes) }, path: CACHE, layer: total.layer });
      return;
    }
    for (const { step, commands } of runSteps(ctx.image)) {
      const cleans = commands.some((c) => {
        const u = unwrapCommand(c);
        if (u.name === 'apk') return subcommandOf(u.args, VALUE_FLAGS)?.word === 'cache';
        return c.base === 'rm' && c.args.some((a) => a.value.replace(/\/\*?$/, '').startsWith(CACHE));
      });
      if (cleans) continue;
      for (const c of commands) {
        const u = unwrapCommand(c);
        if (u.name !== 'apk') continue;
        const sub = subcommandOf(u.args, VALUE_FLAGS)?.word;
        if ((sub !== 'add' && sub !== 'upgrade') || u.args.includes('--no-cache')) continue;
        const field = historyField(step);
        ctx.report({ messageId: 'step', data: { field, sub, step: shorten(step.args) }, field, layer: step.layer });
        break;
      }
    }
  },
});
