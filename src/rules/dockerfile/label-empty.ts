import { defineRule } from '../types.js';
import { labelPairs, labelValue } from './_labels.js';

export default defineRule({
  id: 'DF050',
  name: 'label-empty',
  aliases: ['DL3051'],
  onlyWith: ['LABEL'],
  meta: {
    target: 'dockerfile',
    category: 'maintainability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    requires: 'labelSchema',
    docs: {
      summary: 'A label listed in `labelSchema` has an empty value.',
      why: 'An empty label satisfies a "label is present" check while carrying no information. A value that comes from a build argument with no (or an empty) default is not reported: it is filled in at build time.',
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.vendor=""\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.vendor="Example Corp"\n',
      settings: { labelSchema: { 'org.opencontainers.image.vendor': 'text' } },
    },
    messages: {
      empty: 'Label "{{label}}" is empty; give it a value or remove it (labelSchema expects it to carry information).',
    },
  },
  check({ df, settings, report }) {
    const schema = settings.labelSchema ?? {};
    for (const { instr, pair, key } of labelPairs(df)) {
      if (key === null || !Object.prototype.hasOwnProperty.call(schema, key)) continue;
      const value = labelValue(df, instr, pair);
      if (value === null || value.trim() !== '') continue;
      // `key=` has a zero-width value: point at the whole pair instead.
      const span = pair.valueSpan.end > pair.valueSpan.start ? pair.valueSpan : pair.span;
      report({ messageId: 'empty', data: { label: key }, span });
    }
  },
});
