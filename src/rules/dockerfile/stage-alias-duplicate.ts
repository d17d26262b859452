import { defineRule } from '../types.js';

export default defineRule({
  id: 'DF025',
  name: 'stage-alias-duplicate',
  aliases: ['DL3024'],
  meta: {
    target: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'Two stages share the same `AS` name.',
      why: 'Stage names are how `COPY --from`, `FROM <stage>` and `--target` find a stage. BuildKit rejects a repeated name, and older builders silently pick one of the two, so a copy can come from the wrong stage.',
      bad: 'FROM node:20 AS build\nRUN npm ci\n\nFROM node:20 AS build\nRUN npm run build\n',
      good: 'FROM node:20 AS deps\nRUN npm ci\n\nFROM deps AS build\nRUN npm run build\n',
    },
    messages: {
      duplicate: 'Stage name "{{name}}" is already used by the stage on line {{line}}; give each stage a unique name.',
    },
  },
  check({ df, report }) {
    const seen = new Map<string, number>();
    for (const stage of df.stages) {
      if (stage.alias === null || !stage.aliasSpan) continue;
      const first = seen.get(stage.alias);
      if (first === undefined) seen.set(stage.alias, stage.from.line);
      else report({ messageId: 'duplicate', data: { name: stage.alias, line: first }, span: stage.aliasSpan });
    }
  },
});
