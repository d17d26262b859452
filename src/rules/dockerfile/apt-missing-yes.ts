import { defineRule } from '../types.js';
import { aptSimulates } from '../helpers/apt.js';
import { hasFlag, runCommandsNamed, subcommand } from '../helpers/dockerfile.js';

const VALUE_FLAGS = ['-o', '-c', '-t', '--target-release'];
const YES_OR_QUIET = ['yes', 'assume-yes', 'quiet'];
const YES = ['yes', 'assume-yes'];

export default defineRule({
  id: 'DF012',
  name: 'apt-missing-yes',
  aliases: ['DL3014'],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fixable: 'safe',
    status: 'stable',
    docs: {
      summary: '`apt-get install` without `-y`.',
      why: 'A build has no terminal to answer the "Do you want to continue?" prompt, so apt-get aborts and the build fails or hangs.',
      bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install --no-install-recommends curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*\n',
      good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*\n',
    },
    messages: { missing: 'apt-get install without -y waits for a confirmation the build cannot give; add -y.' },
  },
  check({ df, report }) {
    for (const { cmd } of runCommandsNamed(df, 'apt-get', { onbuild: true })) {
      const sub = subcommand(cmd, VALUE_FLAGS);
      if (!sub || sub.word.value !== 'install' || aptSimulates(cmd)) continue;
      if (hasFlag(cmd, 'yq', YES_OR_QUIET)) {
        // -q alone does not answer prompts; -qq does (it implies -y).
        if (hasFlag(cmd, 'y', YES) || cmd.args.some((w) => /^-[a-z]*q[a-z]*q/.test(w.value) || w.value === '--quiet=2')) continue;
      }
      report({
        messageId: 'missing',
        span: { start: cmd.start, end: sub.word.end },
        fix: { title: 'Add -y', edits: [{ start: sub.word.end, end: sub.word.end, text: ' -y' }] },
      });
    }
  },
});
