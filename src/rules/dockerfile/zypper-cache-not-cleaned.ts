import { defineRule } from '../types.js';
import { commandsIn, canAppendAfter, runCommandsNamed } from '../helpers/dockerfile.js';
import { zypperSubcommand } from '../helpers/zypper.js';
import { cacheMountCovers, firstUncleanedFill, lastCommandOf, removesCacheDir } from '../helpers/package-cache.js';
import type { Dockerfile, Instruction } from '../../model/dockerfile/types.js';
import type { Command, ShellWord } from '../../model/shell/types.js';

// Subcommands that fill /var/cache/zypp with repository metadata and packages.
const FILLS = new Set(['install', 'in', 'update', 'up', 'patch', 'dist-upgrade', 'dup', 'install-new-recommends', 'inr']);
const CACHE_DIRS = ['/var/cache/zypp'];
const ZYPPER = new Set(['zypper']);

function zypperSub(cmd: Command): ShellWord | undefined {
  return cmd.base === 'zypper' ? zypperSubcommand(cmd)?.word : undefined;
}

/** `zypper clean` / `zypper cc` (any options), or `rm -rf /var/cache/zypp`. */
function cleans(df: Dockerfile, instr: Instruction, cmd: Command): boolean {
  if (cmd.base === 'rm') return removesCacheDir(cmd, CACHE_DIRS, df, instr);
  const sub = zypperSub(cmd)?.value;
  return sub === 'clean' || sub === 'cc';
}

function fills(cmd: Command): ShellWord | undefined {
  const sub = zypperSub(cmd);
  return sub && FILLS.has(sub.value) ? sub : undefined;
}

const WITH_ONBUILD = { onbuild: true };

export default defineRule({
  id: 'DF036',
  name: 'zypper-cache-not-cleaned',
  aliases: ['DL3036'],
  meta: {
    target: 'dockerfile',
    category: 'performance',
    severity: 'warning',
    fixable: 'safe',
    status: 'stable',
    docs: {
      summary: '`zypper install` without `zypper clean` later in the same RUN, in a shipped stage.',
      why: 'zypper keeps repository metadata and downloaded packages under /var/cache/zypp. Unless the same RUN removes them, they are committed into the layer and ship with the image; a later RUN cannot take them out again.',
      bad: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0\n',
      good: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean -a\n',
    },
    messages: {
      notCleaned: '`zypper {{sub}}` leaves its cache in this layer; end the same RUN with `zypper clean -a`, or use a cache mount on /var/cache/zypp.',
    },
  },
  check({ df, report }) {
    // Only RUNs that run zypper can fill its cache (in file order, each once).
    let prev: Instruction | undefined;
    for (const { instr } of runCommandsNamed(df, 'zypper', WITH_ONBUILD)) {
      if (instr === prev) continue;
      prev = instr;
      if (!df.shippedStages.has(instr.stage)) continue;
      const cmds = commandsIn(df, instr);
      const first = firstUncleanedFill(cmds, (c) => cleans(df, instr, c), fills);
      if (!first || cacheMountCovers(df, instr, CACHE_DIRS)) continue;
      const last = lastCommandOf(cmds, ZYPPER);
      report({
        messageId: 'notCleaned',
        data: { sub: first.fill.value },
        span: { start: first.cmd.words[0].start, end: first.fill.end },
        // `--root`, `--installroot` or a cache dir option move the cache where a plain `zypper clean` does not look.
        fix: canAppendAfter(df, instr, last) && !last.args.some((a) => /^(?:-R|--root|--installroot|-C|--cache-dir|--pkg-cache-dir)(?:=|$)/.test(a.value)) ? { title: 'Clean the zypper cache at the end', edits: [{ start: last.end, end: last.end, text: ' && zypper clean -a' }] } : undefined,
      });
    }
  },
});
