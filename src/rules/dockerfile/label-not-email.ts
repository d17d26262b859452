import { defineRule } from '../types.js';
import { checkLabelValues, isEmail } from './_labels.js';

export default defineRule({
  id: 'DF057',
  name: 'label-not-email',
  aliases: ['DL3058'],
  onlyWith: ['LABEL'],
  meta: {
    target: 'dockerfile',
    category: 'maintainability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    requires: 'labelSchema',
    docs: {
      summary: 'A label typed `email` in `labelSchema` is not an email address.',
      why: 'A contact label typed `email` is meant to reach someone: owners are notified about vulnerable images through it. A bare name, a URL or an address with spaces cannot be mailed. `Jane Doe <jane@example.com>` is accepted as well as the plain address.',
      bad: 'FROM alpine:3.20\nLABEL maintainer="Platform Team"\n',
      good: 'FROM alpine:3.20\nLABEL maintainer="Platform Team <platform@example.com>"\n',
      settings: { labelSchema: { maintainer: 'email' } },
    },
    messages: {
      invalid: 'Label "{{label}}" must be an email address but is "{{value}}"{{origin}}; use an address such as team@example.com (optionally "Name <team@example.com>").',
    },
  },
  check(ctx) {
    checkLabelValues(ctx, 'email', isEmail);
  },
});
