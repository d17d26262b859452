import { defineRule } from '../types.js';
import { aptSettings, aptSimulates } from '../helpers/apt.js';
import type { Command } from '../../model/shell/types.js';
import type { Dockerfile, Instruction } from '../../model/dockerfile/types.js';
import { findFlagResolved, insertFlagAfter, runCommandsNamed, subcommand } from '../helpers/dockerfile.js';

const VALUE_FLAGS = ['-o', '-c', '-t', '--target-release'];
const ASSUME_YES = /^APT::Get::Assume-Yes=(?:true|1|yes)$/i;
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
    for (const { instr, cmd } of runCommandsNamed(df, 'apt-get', { onbuild: true })) {
      const sub = subcommand(cmd, VALUE_FLAGS);
      if (!sub || sub.word.value !== 'install' || aptSimulates(cmd)) continue;
      // -q alone does not answer prompts; quiet level 2 does (it implies -y), as does APT::Get::Assume-Yes.
      if (findFlagResolved(df, instr, cmd, 'y', YES) || quietLevel(df, instr, cmd) >= 2 || aptSettings(cmd).some((o) => ASSUME_YES.test(o.setting))) continue;
      // In the RUN's own form (`, "-y"` in exec form); none where the word's text is not its raw text
      // (a JSON escape in `["sh", "-c", "..."]`), where an offset edit lands inside the escape.
      const edits = insertFlagAfter(df, instr, sub.word, '-y');
      report({
        messageId: 'missing',
        span: { start: cmd.words[0].start, end: sub.word.end },
        fix: edits ? { title: 'Add -y', edits } : undefined,
      });
    }
  },
});

/**
 * apt's quiet level: each -q counts (`-qq`, `-q -q`), `-q=N` and `--quiet=N` set it. Options held
 * in an unquoted ARG or ENV (`apt-get install $APT_OPTS curl`) count too.
 */
function quietLevel(df: Dockerfile, instr: Instruction, cmd: Command): number {
  let level = 0;
  for (const w of cmd.args) {
    const expanded = w.expands && !w.raw.startsWith('"') ? df.expand(instr, w.value) : null;
    for (const v of expanded !== null ? expanded.split(/\s+/) : [w.value]) {
      const set = /^(?:-q|--quiet)=(\d+)$/.exec(v);
      if (set) level = Number(set[1]);
      else if (v === '--quiet') level++;
      else if (/^-[a-zA-Z]+$/.test(v)) level += v.split('q').length - 1;
    }
  }
  return level;
}
