import { defineRule } from '../types.js';

export default defineRule({
  id: 'DF056',
  name: 'healthcheck-stage-missing',
  aliases: ['DL3057'],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'off',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A stage without a HEALTHCHECK (hadolint\'s per-stage check; opt-in).',
      why: 'Without a HEALTHCHECK, Docker and Swarm only know whether the process is alive, not whether it still answers. This is hadolint\'s per-stage version: every stage must have a HEALTHCHECK, inherit one from the stage it builds FROM, or be the base of a stage that has one. healthcheck-missing (DF101) checks only the image you ship.',
      bad: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n',
      good: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\nHEALTHCHECK CMD ["curl", "-fsS", "http://localhost/"]\n',
    },
    messages: {
      missing: 'This stage has no HEALTHCHECK and does not inherit one from an earlier stage; add HEALTHCHECK CMD [...] that probes the service (or HEALTHCHECK NONE to state that none is wanted).',
    },
  },
  check({ df, report }) {
    // A stage is covered when it, a stage it builds FROM, or a stage built FROM it has a HEALTHCHECK
    // (a base stage for a checked service is not a service of its own).
    const covered = df.stages.map((s) => s.instructions.some((i) => i.keyword === 'HEALTHCHECK'));
    for (const s of df.stages) if (s.parentStage !== null && covered[s.parentStage]) covered[s.index] = true;
    for (let k = df.stages.length - 1; k >= 0; k--) {
      const parent = df.stages[k].parentStage;
      if (parent !== null && covered[k]) covered[parent] = true;
    }
    for (const stage of df.stages) {
      if (covered[stage.index]) continue;
      const end = stage.aliasSpan ? stage.aliasSpan.end : stage.imageSpan.end;
      report({ messageId: 'missing', span: { start: stage.from.keywordSpan.start, end } });
    }
  },
});
