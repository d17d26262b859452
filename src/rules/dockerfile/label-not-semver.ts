import { defineRule } from '../types.js';
import { checkLabelValues, isSemver } from './_labels.js';

export default defineRule({
  id: 'DF055',
  name: 'label-not-semver',
  aliases: ['DL3056'],
  onlyWith: ['LABEL'],
  meta: {
    target: 'dockerfile',
    category: 'maintainability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    requires: 'labelSchema',
    docs: {
      summary: 'A label typed `semver` in `labelSchema` is not a Semantic Versioning 2.0.0 version.',
      why: 'Version labels typed `semver` are compared and sorted by tools that expect MAJOR.MINOR.PATCH with optional `-prerelease` and `+build` parts. `1.2`, `v1.2.3` or `latest` break that ordering. Values from build arguments without a default are not checked.',
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="v1.4"\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="1.4.0"\n',
      settings: { labelSchema: { 'org.opencontainers.image.version': 'semver' } },
      references: ['https://semver.org/'],
    },
    messages: {
      invalid: 'Label "{{label}}" must be a semantic version but is "{{value}}"{{origin}}; use MAJOR.MINOR.PATCH such as 1.4.0 (optionally -rc.1 or +build.5).',
      prefix: 'Label "{{label}}" must be a semantic version but is "{{value}}"{{origin}}; drop the leading "v" (semver has no prefix).',
    },
  },
  check(ctx) {
    checkLabelValues(ctx, 'semver', isSemver, (v) => (/^[vV]/.test(v) && isSemver(v.slice(1)) ? 'prefix' : 'invalid'));
  },
});
