import { defineRule } from '../types.js';
import { checkLabelValues, isSpdxExpression } from './_labels.js';

export default defineRule({
  id: 'DF053',
  name: 'label-not-spdx',
  aliases: ['DL3054'],
  onlyWith: ['LABEL'],
  meta: {
    target: 'dockerfile',
    category: 'maintainability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    requires: 'labelSchema',
    docs: {
      summary: 'A label typed `spdx` in `labelSchema` is not an SPDX license identifier or expression.',
      why: 'Licence scanners and SBOM tools read `org.opencontainers.image.licenses` as an SPDX license expression. Names like "Apache 2" or "GPLv3" match nothing in the SPDX License List. Expressions such as `MIT OR Apache-2.0`, `GPL-2.0-only WITH Classpath-exception-2.0` and `LicenseRef-*` are accepted.',
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses="Apache 2"\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses="Apache-2.0"\n',
      settings: { labelSchema: { 'org.opencontainers.image.licenses': 'spdx' } },
      references: ['https://spdx.org/licenses/'],
    },
    messages: {
      invalid: 'Label "{{label}}" must be an SPDX license identifier or expression but is "{{value}}"{{origin}}; use ids from https://spdx.org/licenses/ such as MIT or Apache-2.0, joined with AND / OR.',
    },
  },
  check(ctx) {
    checkLabelValues(ctx, 'spdx', isSpdxExpression);
  },
});
