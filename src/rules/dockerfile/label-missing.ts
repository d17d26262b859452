import { defineRule } from '../types.js';
import { labelKey } from './_labels.js';

export default defineRule({
  id: 'DF048',
  name: 'label-missing',
  aliases: ['DL3049'],
  meta: {
    target: 'dockerfile',
    category: 'maintainability',
    severity: 'info',
    fixable: null,
    status: 'stable',
    requires: 'labelSchema',
    docs: {
      summary: 'The image lacks a label that `labelSchema` requires.',
      why: 'A label schema lists the metadata every image must carry (source repository, revision, licence, owner...) so registries, scanners and people can trace an image back to its origin. Labels are inherited: a LABEL in a stage that the final stage builds FROM counts. Only the stages that end up in the final image are checked, so build stages that are only copied from need no labels. The finding sits on the FROM of the final stage.',
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title="demo"\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title="demo" \\\n      org.opencontainers.image.source="https://github.com/example/demo"\n',
      settings: { labelSchema: { 'org.opencontainers.image.title': 'text', 'org.opencontainers.image.source': 'url' } },
    },
    messages: {
      missing: 'Label "{{label}}" required by labelSchema is not set in this image; add LABEL {{label}}=<value> to this stage (or to a stage it builds FROM).',
    },
  },
  check({ df, settings, report }) {
    const required = Object.keys(settings.labelSchema ?? {});
    if (required.length === 0) return;
    // A shipped stage that another shipped stage builds FROM is covered by checking that child,
    // which inherits its labels: only the ends of the chains are reported.
    const covered = new Set<number>();
    for (const idx of df.shippedStages) {
      const parent = df.stages[idx]?.parentStage;
      if (parent !== null && parent !== undefined && df.shippedStages.has(parent)) covered.add(parent);
    }
    for (const stage of df.stages) {
      if (!df.shippedStages.has(stage.index) || covered.has(stage.index)) continue;
      const have = new Set<string>();
      let unknownKey = false;
      const seen = new Set<number>();
      for (let s: typeof stage | undefined = stage; s && !seen.has(s.index); s = s.parentStage !== null ? df.stages[s.parentStage] : undefined) {
        seen.add(s.index);
        // ONBUILD LABEL applies to images built from this one later, not to this image.
        for (const i of s.instructions) {
          if (i.keyword !== 'LABEL') continue;
          for (const p of i.pairs) {
            if (!p.hasValue) continue;
            const key = labelKey(df, i, p);
            if (key === null) unknownKey = true;
            else have.add(key);
          }
        }
      }
      // A key built from an unknown variable may be any of the required labels.
      if (unknownKey) continue;
      const span = { start: stage.from.keywordSpan.start, end: (stage.aliasSpan ?? stage.imageSpan).end };
      for (const label of required) if (!have.has(label)) report({ messageId: 'missing', data: { label }, span });
    }
  },
});
