import type { ComposeRuleContext } from '../compose-types.js';
import { serviceImage, subOrigin } from '../helpers/compose.js';
import { defineRule } from '../types.js';

const DEFAULT_FLOATING = ['latest', 'stable', 'edge', 'test', 'nightly', 'dev', 'beta', 'canary', 'lts', 'main', 'master'];

export default defineRule<ComposeRuleContext>({
  id: 'DC020',
  name: 'image-tag-floating',
  aliases: ['service-image-require-explicit-tag', 'require-explicit-image-tag'],
  meta: {
    target: 'compose',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A service\'s image has no tag, or a floating one such as `latest`.',
      why: 'A missing or floating tag means every pull can bring a different image: deployments are not reproducible, a rollback does not roll back, and an upstream release can break production overnight. Pin a version tag, and with `requireDigest` also a digest (`image@sha256:...`). Services that `build:` their image are not checked (the tag names the build result). A tag that comes from an unset variable is unknown and never flagged.',
      bad: 'services:\n  cache:\n    image: redis:latest\n',
      good: 'services:\n  cache:\n    image: redis:7.4.1-alpine\n',
    },
    messages: {
      untagged: 'Service "{{service}}" uses "{{image}}" without a tag, which means :latest: pin a version (e.g. {{image}}:1.2.3).',
      floating: 'Service "{{service}}" uses the floating tag "{{tag}}": pin a version tag (or a digest) so deployments are reproducible.',
      digest: 'Service "{{service}}" uses "{{image}}" without a digest: pin it as {{image}}@sha256:... (requireDigest is on).',
    },
    options: {
      floatingTags: { type: 'string[]', description: 'Tags that move and are flagged.', default: DEFAULT_FLOATING },
      requireDigest: { type: 'boolean', description: 'Also require a digest on every image.', default: false },
    },
  },
  check(ctx) {
    const floating = new Set(((ctx.options.floatingTags as string[] | undefined) ?? DEFAULT_FLOATING).map((t) => t.toLowerCase()));
    const requireDigest = ctx.options.requireDigest === true;
    for (const svc of ctx.services) {
      if (svc.build) continue;
      const img = serviceImage(svc);
      if (!img) continue;
      const { ref, node } = img;
      if (ref.digest) continue;
      if (!ref.tag) {
        ctx.report({ messageId: 'untagged', data: { service: svc.name, image: ref.raw }, at: node.origin });
      } else if (floating.has(ref.tag.toLowerCase())) {
        const at = ref.tagStart !== null ? subOrigin(node, ref.tagStart, ref.tagStart + ref.tag.length) : node.origin;
        ctx.report({ messageId: 'floating', data: { service: svc.name, tag: ref.tag }, at });
      } else if (requireDigest) {
        ctx.report({ messageId: 'digest', data: { service: svc.name, image: ref.raw }, at: node.origin });
      }
    }
  },
});
