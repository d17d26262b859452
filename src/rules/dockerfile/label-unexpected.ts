import { defineRule } from '../types.js';
import { labelPairs } from './_labels.js';

export default defineRule({
  id: 'DF049',
  name: 'label-unexpected',
  aliases: ['DL3050'],
  onlyWith: ['LABEL'],
  meta: {
    target: 'dockerfile',
    category: 'maintainability',
    severity: 'info',
    fixable: null,
    status: 'stable',
    requires: 'strictLabels',
    docs: {
      summary: 'With `strictLabels`, a LABEL key that `labelSchema` does not list.',
      why: 'Strict labels keep image metadata to an agreed set: a key outside the schema is usually a typo of a schema key or ad-hoc metadata nobody reads. With `strictLabels` on and an empty schema, every label is reported.',
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title="demo" build-host="ci-7"\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title="demo"\n',
      settings: { strictLabels: true, labelSchema: { 'org.opencontainers.image.title': 'text' } },
    },
    messages: {
      unexpected: 'Label "{{label}}" is not in labelSchema and strictLabels is on; remove it, fix its name, or add it to the schema.',
    },
  },
  check({ df, settings, report }) {
    if (!settings.strictLabels) return;
    const schema = settings.labelSchema ?? {};
    for (const { pair, key } of labelPairs(df)) {
      if (key === null || Object.prototype.hasOwnProperty.call(schema, key)) continue;
      report({ messageId: 'unexpected', data: { label: key }, span: pair.keySpan });
    }
  },
});
