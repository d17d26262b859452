import { defineRule } from '../types.js';

const RESERVED = new Set(['scratch', 'context']);

export default defineRule({
  id: 'DF062',
  name: 'stage-name-reserved',
  aliases: ['DL3063'],
  meta: {
    target: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A stage named `scratch` or `context`.',
      why: '`scratch` already means the empty image and `context` the build context, so a stage with one of these names is ambiguous: `FROM scratch` or `COPY --from=context` may not refer to the stage you meant.',
      bad: 'FROM golang:1.22 AS scratch\nRUN go build -o /app .\n',
      good: 'FROM golang:1.22 AS build\nRUN go build -o /app .\n',
    },
    messages: {
      reserved: 'Stage name "{{name}}" is reserved ({{meaning}}); choose another name.',
    },
  },
  check({ df, report }) {
    for (const stage of df.stages) {
      if (stage.alias === null || !stage.aliasSpan || !RESERVED.has(stage.alias)) continue;
      const meaning = stage.alias === 'scratch' ? 'it means the empty base image' : 'it names the build context';
      report({ messageId: 'reserved', data: { name: stage.alias, meaning }, span: stage.aliasSpan });
    }
  },
});
