import { defineRule } from '../types.js';
import { checkLabelValues, isRfc3339 } from './_labels.js';

export default defineRule({
  id: 'DF052',
  name: 'label-not-rfc3339',
  aliases: ['DL3053'],
  onlyWith: ['LABEL'],
  meta: {
    target: 'dockerfile',
    category: 'maintainability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    requires: 'labelSchema',
    docs: {
      summary: 'A label typed `rfc3339` in `labelSchema` is not an RFC 3339 date-time.',
      why: 'Time labels such as `org.opencontainers.image.created` are parsed by tools as RFC 3339 date-times: a full date, `T`, a time with seconds, and `Z` or a UTC offset. A bare date, a missing zone or an impossible date cannot be parsed or compared. Values from build arguments without a default (`--build-arg CREATED=$(date -u +%Y-%m-%dT%H:%M:%SZ)`) are not checked.',
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created="2024-05-01 12:00"\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created="2024-05-01T12:00:00Z"\n',
      settings: { labelSchema: { 'org.opencontainers.image.created': 'rfc3339' } },
    },
    messages: {
      invalid: 'Label "{{label}}" must be an RFC 3339 date-time but is "{{value}}"{{origin}}; use e.g. 2024-05-01T12:00:00Z (date, T, time with seconds, Z or an offset like +02:00).',
    },
  },
  check(ctx) {
    checkLabelValues(ctx, 'rfc3339', isRfc3339);
  },
});
