import { defineRule } from '../types.js';
import { runCommandsNamed } from '../helpers/dockerfile.js';
import { zypperSubcommand } from '../helpers/zypper.js';

export default defineRule({
  id: 'DF035',
  name: 'zypper-dist-upgrade',
  aliases: ['DL3035'],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: '`zypper dist-upgrade` (`zypper dup`) in a RUN.',
      why: 'A distribution upgrade may replace, downgrade or remove packages and switch vendors, so the result depends on the day of the build rather than on the base image. Use a newer base image tag, or `zypper patch` / `zypper update` for fixes within the release.',
      bad: 'FROM opensuse/leap:15.6\nRUN zypper -n dist-upgrade && zypper clean -a\n',
      good: 'FROM opensuse/leap:15.6\nRUN zypper -n patch && zypper clean -a\n',
    },
    messages: { distUpgrade: '`zypper {{sub}}` upgrades the whole distribution during the build; use a newer base image, or `zypper patch` / `zypper update` instead.' },
  },
  check({ df, report }) {
    for (const { cmd } of runCommandsNamed(df, 'zypper', { onbuild: true })) {
      const sub = zypperSubcommand(cmd);
      if (!sub || (sub.word.value !== 'dist-upgrade' && sub.word.value !== 'dup')) continue;
      report({ messageId: 'distUpgrade', data: { sub: sub.word.value }, span: { start: sub.word.start, end: sub.word.end } });
    }
  },
});
