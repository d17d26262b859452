import { defineRule } from '../types.js';

export default defineRule({
  id: 'DF009',
  name: 'untagged-image',
  aliases: ['DL3006'],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'FROM image without a tag or digest.',
      why: 'Without a tag Docker pulls `latest`, which moves: the same Dockerfile builds a different image tomorrow. Name the version you tested with (and ideally pin the digest).',
      bad: 'FROM python\nCMD ["python3"]\n',
      good: 'FROM python:3.12-slim\nCMD ["python3"]\n',
    },
    messages: {
      untagged: 'Image {{image}} has no tag, so Docker pulls whatever :latest is today; pin a version such as {{repo}}:<version> (a digest also pins it).',
    },
  },
  check({ df, report }) {
    for (const stage of df.stages) {
      // Earlier stages and unresolvable variables are not external images we can judge.
      if (stage.parentStage !== null || stage.resolvedImage === null) continue;
      const ref = stage.ref;
      if (!ref || !ref.repository || ref.tag !== null || ref.digest !== null) continue;
      if (ref.registry === null && ref.repository.toLowerCase() === 'scratch') continue;
      const image = stage.resolvedImage === stage.image ? `"${stage.image}"` : `"${stage.resolvedImage}" (from "${stage.image}")`;
      report({ messageId: 'untagged', data: { image, repo: ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository }, span: stage.imageSpan });
    }
  },
});
