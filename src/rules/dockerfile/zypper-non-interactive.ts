import { defineRule } from '../types.js';
import { hasFlag, insertFlagAfter, runCommandsNamed } from '../helpers/dockerfile.js';
import { zypperSubcommand } from '../helpers/zypper.js';

// Subcommands that ask for confirmation before changing packages.
const PROMPTS = new Set([
  'install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch', 'update', 'up', 'dist-upgrade', 'dup',
  'install-new-recommends', 'inr',
]);

export default defineRule({
  id: 'DF034',
  name: 'zypper-non-interactive',
  aliases: ['DL3034'],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fixable: 'safe',
    status: 'stable',
    docs: {
      summary: '`zypper install` (or another package-changing zypper command) without `-n`/`-y`.',
      why: 'zypper asks for confirmation before it changes packages. A build has no terminal to answer, so the build fails or hangs. Run it non-interactively: the global `zypper -n` (`--non-interactive`), or `-y` (`--no-confirm`) after the command.',
      bad: 'FROM opensuse/leap:15.6\nRUN zypper install curl=8.6.0 && zypper clean -a\n',
      good: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean -a\n',
    },
    messages: { missing: '`zypper {{sub}}` without -n/-y stops at a confirmation prompt the build cannot answer; use `zypper -n {{sub}}` (or add -y).' },
  },
  check({ df, report }) {
    for (const { instr, cmd } of runCommandsNamed(df, 'zypper', { onbuild: true })) {
      const sub = zypperSubcommand(cmd);
      if (!sub || !PROMPTS.has(sub.word.value)) continue;
      if (hasFlag(cmd, 'ny', ['non-interactive', 'no-confirm'])) continue;
      const edits = insertFlagAfter(df, instr, cmd.words[0], '-n');
      report({
        messageId: 'missing',
        data: { sub: sub.word.value },
        span: { start: cmd.words[0].start, end: sub.word.end },
        fix: edits ? { title: 'Add -n (non-interactive)', edits } : undefined,
      });
    }
  },
});
