import { defineRule } from '../types.js';

// hadolint pragmas (inline, `global` and `stage`) and our own `shipready-ignore[-file|-stage]` comments.
const HADOLINT = /^hadolint\s+(?:(?:global|stage)\s+)?ignore\s*=/i;
const OWN = /^shipready-ignore(?:-file|-stage)?(?:[\s:=]|$)/i;

export default defineRule({
  id: 'DF002',
  name: 'ignore-pragma-used',
  aliases: ['DL1001'],
  meta: {
    target: 'dockerfile',
    category: 'maintainability',
    severity: 'off',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A comment that suppresses findings (`# hadolint ignore=...`, `# shipready-ignore ...`).',
      why: 'Some teams want every exception to live in the reviewed config file rather than scattered through Dockerfiles, where a suppression silently outlives the reason for it. Turn this rule on to list every suppression comment.',
      bad: 'FROM debian:12-slim\n# hadolint ignore=DL3008\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*\n',
    },
    messages: {
      inert: 'Suppression comment "# {{text}}" sits inside an instruction\'s continuation lines, where it suppresses nothing; remove it, and put a pragma on the line above the instruction if one is needed.',
      pragma: 'Suppression comment "# {{text}}" hides findings; fix the finding, or record the exception in the config file (rules / ignore / overrides) instead.',
    },
  },
  check({ df, report }) {
    const text = df.source.text;
    // A pragma inside an instruction's continuation lines suppresses nothing (hadolint #461).
    let inner: Set<number> | undefined;
    for (const c of df.comments) {
      if (!HADOLINT.test(c.text) && !OWN.test(c.text)) continue;
      inner ??= new Set(df.instructions.flatMap((i) => i.innerComments.map((ic) => ic.start)));
      let end = c.end;
      while (end > c.start && (text[end - 1] === ' ' || text[end - 1] === '\t' || text[end - 1] === '\r')) end--;
      report({ messageId: inner.has(c.start) ? 'inert' : 'pragma', data: { text: c.text }, span: { start: c.start, end } });
    }
  },
});
