import type { Instruction, Stage } from '../../model/dockerfile/types.js';
import { isDevContainer } from '../helpers/dockerfile.js';
import { defineRule } from '../types.js';

export default defineRule({
  id: 'DF005',
  name: 'root-user',
  aliases: ['DL3002'],
  onlyWith: ['USER'],
  meta: {
    target: 'dockerfile',
    category: 'security',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'The USER in effect at the end of the final image is root.',
      why: 'Whatever USER is in effect at the end of the final stage is the user the container runs as. Running as root turns any compromise of the application into root inside the container, one kernel bug away from the host. Switch to root only for the steps that need it, then back to an unprivileged user. Dev containers (a Dockerfile in `.devcontainer/`, one built on a dev container image, or one whose final stage is `dev-envs`, the target of Docker Dev Environments) are skipped: devcontainer.json chooses their user, and they are never shipped.',
      bad: 'FROM debian:12-slim\nRUN useradd --uid 10001 app\nUSER root\nCMD ["bash"]\n',
      good: 'FROM debian:12-slim\nRUN useradd --uid 10001 app\nUSER 10001\nCMD ["bash"]\n',
    },
    messages: {
      root: 'The final image runs as {{user}}, the last USER that takes effect; switch to an unprivileged user (e.g. USER 10001) after the steps that need root.',
    },
  },
  check({ df, report }) {
    // A dev container's user is chosen by devcontainer.json (remoteUser), and it is never shipped.
    if (isDevContainer(df)) return;
    // The user the container runs as: the last USER of the final stage or, when it sets none, of
    // the stage it builds FROM, and so on (all in df.shippedStages). Build-only stages may use root.
    let last: Instruction | undefined;
    const seen = new Set<number>();
    for (let s: Stage | undefined = df.stages[df.stages.length - 1]; s && !last && !seen.has(s.index); s = s.parentStage !== null ? df.stages[s.parentStage] : undefined) {
      seen.add(s.index);
      for (const i of s.instructions) if (i.keyword === 'USER' && i.words.length > 0) last = i;
    }
    if (!last) return;
    const word = last.words[0];
    const value = df.expand(last, word.value);
    if (value === null) return;
    const colon = value.indexOf(':');
    const user = colon < 0 ? value : value.slice(0, colon);
    if (user !== 'root' && user !== '0') return;
    const shown = value === word.value ? `"${value}"` : `"${value}" (${word.value})`;
    report({ messageId: 'root', data: { user: shown }, span: { start: word.start, end: word.end } });
  },
});
