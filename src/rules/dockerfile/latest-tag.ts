import { defineRule } from '../types.js';

export default defineRule({
  id: 'DF007',
  name: 'latest-tag',
  aliases: ['DL3007'],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'FROM uses the `:latest` tag.',
      why: '`latest` moves: the same Dockerfile builds a different image tomorrow, and a rollback rebuilds something new. Pin a version tag (and ideally a digest).',
      bad: 'FROM node:latest\n',
      good: 'FROM node:20.11-slim\n',
    },
    messages: { latest: 'Image "{{image}}" uses the :latest tag; pin a version such as {{repo}}:<version> (a digest also pins it).' },
  },
  check({ df, report }) {
    for (const stage of df.stages) {
      const ref = stage.ref;
      if (!ref || ref.digest || ref.tag !== 'latest') continue;
      report({ messageId: 'latest', data: { image: stage.resolvedImage ?? stage.image, repo: ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository }, span: stage.imageSpan });
    }
  },
});
