import type { ImageRuleContext } from '../image-types.js';
import { formatBytes, numberOption } from '../helpers/image.js';
import { listSome } from '../helpers/list.js';
import { defineRule } from '../types.js';

const MB = 1000 * 1000;
const TOP = 5;

const percent = (ratio: number): string => `${Math.round(ratio * 1000) / 10}%`;

/** A ratio option: 0.1 and 10 both mean ten percent. */
const ratioOption = (v: unknown, fallback: number): number => {
  const n = numberOption(v, fallback);
  return n > 1 ? n / 100 : n;
};

export default defineRule<ImageRuleContext>({
  id: 'IM025',
  name: 'wasted-space',
  aliases: [],
  meta: {
    target: 'image',
    category: 'performance',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'Layers carry bytes the final file system does not use (files overwritten or deleted by later layers) beyond dive-style thresholds.',
      why: 'A file written in one layer and deleted or replaced in a later one still ships in the earlier layer: every pull downloads it. The usual causes are a cleanup in a separate RUN (`RUN rm -rf /var/lib/apt/lists/*` after the install step), `chmod`/`chown` of a whole tree in its own step (which copies every file), and files copied and then rewritten. Clean up in the same RUN that made the mess, use `COPY --chown/--chmod`, or a multi-stage build. The rule fires when the reclaimable bytes (every copy of a re-written path except the one kept) exceed `max-wasted-bytes` (20 MB), or, once they exceed the `min-wasted-bytes` floor (5 MB) that keeps small images from failing on dpkg and ld.so metadata churn, when the efficiency (final bytes / all layer bytes) is below `min-efficiency` (0.9) or the reclaimable share of the user layers above the base image exceeds `max-user-wasted-percent` (10%). dive\'s own figures count every copy, including the kept one; `shipready image` prints both. The command-line flags `--max-wasted-bytes`, `--min-efficiency` and `--max-user-wasted-percent` override these options. 0 disables a threshold.',
      bad: JSON.stringify({ layers: [{ createdBy: '/bin/sh -c apt-get update && apt-get install -y curl', files: [{ path: '/usr/bin/curl', size: 300000, mode: 0o755 }, { path: '/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages', size: 25000000 }] }, { createdBy: '/bin/sh -c rm -rf /var/lib/apt/lists/*', files: [{ path: '/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages', type: 'whiteout' }] }] }, null, 2),
      good: JSON.stringify({ layers: [{ createdBy: '/bin/sh -c apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*', files: [{ path: '/usr/bin/curl', size: 300000, mode: 0o755 }] }] }, null, 2),
      references: ['https://github.com/wagoodman/dive#ci-integration'],
    },
    options: {
      'max-wasted-bytes': { type: 'number', description: 'Reclaimable bytes above which the image fails, whatever its size (0 disables).', default: 20 * MB },
      'min-efficiency': { type: 'number', description: 'Lowest accepted efficiency, final bytes / all layer bytes, 0..1 (0 disables).', default: 0.9 },
      'max-user-wasted-percent': { type: 'number', description: 'Highest accepted reclaimable share of the bytes above the base image, 0..1 or a percentage above 1 (0 disables).', default: 0.1 },
      'min-wasted-bytes': { type: 'number', description: 'Floor: below this many reclaimable bytes the efficiency and user-share thresholds never fire.', default: 5 * MB },
    },
    messages: {
      wasted: '{{size}} in the layers could be reclaimed ({{reasons}}). Largest: {{top}}. Clean up in the same RUN that creates the files, or use a multi-stage build.',
    },
  },
  check(ctx) {
    const e = ctx.image.economics;
    const wasted = e.reclaimableBytes;
    if (wasted <= 0) return;
    const maxWasted = numberOption(ctx.options['max-wasted-bytes'], 20 * MB);
    const minEfficiency = ratioOption(ctx.options['min-efficiency'], 0.9);
    const maxUser = ratioOption(ctx.options['max-user-wasted-percent'], 0.1);
    const floor = numberOption(ctx.options['min-wasted-bytes'], 5 * MB);
    const reasons: string[] = [];
    if (maxWasted > 0 && wasted > maxWasted) reasons.push(`more than ${formatBytes(maxWasted)}`);
    if (wasted > floor) {
      if (minEfficiency > 0 && e.efficiency < minEfficiency) reasons.push(`efficiency ${percent(e.efficiency)} is below ${percent(minEfficiency)}`);
      if (maxUser > 0 && e.userBytes > 0 && e.userWastedPercent > maxUser) reasons.push(`${percent(e.userWastedPercent)} of the bytes above the base image, more than ${percent(maxUser)}`);
    }
    if (reasons.length === 0) return;
    const top = [...e.inefficientPaths]
      .sort((a, b) => b.reclaimableBytes - a.reclaimableBytes || (a.path < b.path ? -1 : 1))
      .slice(0, TOP)
      .map((p) => `${p.path} ${formatBytes(p.reclaimableBytes)} (layer${p.layers.length > 1 ? 's' : ''} ${listSome(p.layers.map(String))}${p.removedIn !== undefined ? `, removed in ${p.removedIn}` : ''})`)
      .join('; ');
    ctx.report({ messageId: 'wasted', data: { size: formatBytes(wasted), reasons: reasons.join('; '), top: top || 'none' }, field: 'economics.reclaimableBytes' });
  },
});
