import { defineRule } from '../types.js';
import { checkLabelValues, isUrl } from './_labels.js';

export default defineRule({
  id: 'DF051',
  name: 'label-not-url',
  aliases: ['DL3052'],
  onlyWith: ['LABEL'],
  meta: {
    target: 'dockerfile',
    category: 'maintainability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    requires: 'labelSchema',
    docs: {
      summary: 'A label typed `url` in `labelSchema` is not an absolute URL.',
      why: 'Registries and dashboards turn URL labels (source repository, documentation) into links. A value without a scheme (`github.com/org/repo`), with spaces, or an http(s) URL without a host is not a URL they can follow.',
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="github.com/example/demo"\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/example/demo"\n',
      settings: { labelSchema: { 'org.opencontainers.image.source': 'url' } },
    },
    messages: {
      invalid: 'Label "{{label}}" must be an absolute URL but is "{{value}}"{{origin}}; write it with a scheme and host, e.g. https://example.com/path (percent-encode spaces).',
    },
  },
  check(ctx) {
    checkLabelValues(ctx, 'url', isUrl);
  },
});
