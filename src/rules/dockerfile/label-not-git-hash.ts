import { defineRule } from '../types.js';
import { checkLabelValues, isGitHash } from './_labels.js';

export default defineRule({
  id: 'DF054',
  name: 'label-not-git-hash',
  aliases: ['DL3055'],
  onlyWith: ['LABEL'],
  meta: {
    target: 'dockerfile',
    category: 'maintainability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    requires: 'labelSchema',
    docs: {
      summary: 'A label typed `hash` in `labelSchema` is not a git commit hash.',
      why: 'A revision label (`org.opencontainers.image.revision`) lets anyone find the exact commit an image was built from. A branch name or tag moves, so it does not identify a commit. Accepted: lower-case hex, abbreviated (7 to 40 digits) or a SHA-256 object name (64). Values from build arguments without a default are not checked.',
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.revision="main"\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.revision="4f2c1e9a7b3d5f60718293a4b5c6d7e8f9012345"\n',
      settings: { labelSchema: { 'org.opencontainers.image.revision': 'hash' } },
    },
    messages: {
      invalid: 'Label "{{label}}" must be a git commit hash but is "{{value}}"{{origin}}; use the lower-case hex commit id (e.g. from git rev-parse HEAD), not a branch or tag name.',
    },
  },
  check(ctx) {
    checkLabelValues(ctx, 'hash', isGitHash);
  },
});
