import type { ImageRuleContext } from '../image-types.js';
import { historyField, historySteps, shorten } from '../helpers/image.js';
import { defineRule } from '../types.js';

// ADD is the tool for unpacking a local archive; COPY cannot do that.
const ARCHIVE = /\.(?:tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst)$/i;

/** The sources of an `ADD [--flags] src... dest` (BuildKit history keeps them; the classic builder writes `file:<hash> in <dest>`). */
function sources(args: string): string[] {
  const words = args.split(/\s+/).filter((w) => w && !w.startsWith('--'));
  const inAt = words.indexOf('in');
  return inAt > 0 ? words.slice(0, inAt) : words.slice(0, -1);
}

export default defineRule<ImageRuleContext>({
  id: 'IM005',
  name: 'add-instruction',
  aliases: ['CIS-DI-0009'],
  meta: {
    target: 'image',
    category: 'security',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'The history shows an ADD where COPY would do (the ADD that made the base root file system is exempt).',
      why: 'ADD also fetches URLs (with no checksum unless `--checksum` is given) and unpacks any archive it is handed, so a file that happens to be a tarball lands as a tree of files, and a remote file can change under the same build. COPY does only what it says. The first ADD of the history, the one that unpacked the base image\'s root file system, is exempt, and so are ADDs whose sources are local archives (`.tar`, `.tar.gz`, `.tgz`...), the one job ADD is for.',
      bad: JSON.stringify({ layers: [{ createdBy: '/bin/sh -c #(nop) ADD file:4b03b5f551e3fbdf47ec in / ', files: [] }, { createdBy: 'ADD app /srv/app # buildkit', files: [] }] }, null, 2),
      good: JSON.stringify({ layers: [{ createdBy: '/bin/sh -c #(nop) ADD file:4b03b5f551e3fbdf47ec in / ', files: [] }, { createdBy: 'COPY app /srv/app # buildkit', files: [] }] }, null, 2),
      references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#cis-di-0009'],
    },
    messages: {
      add: '{{field}} uses ADD (`{{step}}`): use COPY for local files, and `ADD --checksum` or a verified download for remote ones.',
    },
  },
  check(ctx) {
    const steps = historySteps(ctx.image);
    const firstLayerStep = steps.find((s) => !s.emptyLayer);
    for (const step of steps) {
      if (step.instruction !== 'ADD') continue;
      if (step === firstLayerStep) continue; // the base image's root file system
      const src = sources(step.args);
      if (src.length > 0 && src.every((s) => ARCHIVE.test(s) && !/^[a-z]+:\/\//i.test(s))) continue;
      const field = historyField(step);
      ctx.report({ messageId: 'add', data: { field, step: shorten(`ADD ${step.args}`) }, field, layer: step.layer });
    }
  },
});
