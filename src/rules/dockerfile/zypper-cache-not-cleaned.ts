import { defineRule } from '../types.js';
import { instructions, mounts, runCommandsNamed, subcommand } from '../helpers/dockerfile.js';
import type { Dockerfile, Instruction } from '../../model/dockerfile/types.js';
import type { Command, ShellWord } from '../../model/shell/types.js';

// zypper global options whose value is the next word.
const GLOBAL_VALUE = [
  '-R', '--root', '-c', '--config', '-D', '--reposd-dir', '-C', '--cache-dir', '--raw-cache-dir', '--solv-cache-dir',
  '--pkg-cache-dir', '--userdata', '--installroot', '-p', '--plus-repo', '--plus-content',
];
// Subcommands that fill /var/cache/zypp with repository metadata and packages.
const FILLS = new Set(['install', 'in', 'update', 'up', 'patch', 'dist-upgrade', 'dup', 'install-new-recommends', 'inr']);
const CACHE = '/var/cache/zypp';

function covers(path: string): boolean {
  const p = path.replace(/[/*]+$/, '');
  return p !== '' && (p === CACHE || p.startsWith(CACHE + '/') || CACHE.startsWith(p + '/'));
}

function zypperSub(cmd: Command): ShellWord | undefined {
  return cmd.base === 'zypper' ? subcommand(cmd, GLOBAL_VALUE)?.word : undefined;
}

/** `zypper clean` / `zypper cc` (any options), or `rm -rf /var/cache/zypp`. */
function cleans(cmd: Command): boolean {
  if (cmd.base === 'rm') return cmd.args.some((a) => !a.value.startsWith('-') && covers(a.value));
  const sub = zypperSub(cmd)?.value;
  return sub === 'clean' || sub === 'cc';
}

function cacheMounted(df: Dockerfile, instr: Instruction): boolean {
  return mounts(instr).some((m) => (m.type === 'cache' || m.type === 'tmpfs') && covers(df.expand(instr, m.target) ?? m.target));
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
    fixable: null,
    status: 'stable',
    docs: {
      summary: '`zypper install` without `zypper clean` later in the same RUN.',
      why: 'zypper keeps repository metadata and downloaded packages under /var/cache/zypp. Unless the same RUN removes them, they are committed into the layer and ship with the image; a later RUN cannot take them out again.',
      bad: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0\n',
      good: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean -a\n',
    },
    messages: {
      notCleaned: '`zypper {{sub}}` leaves its cache in this layer; end the same RUN with `zypper clean -a`, or use a cache mount on /var/cache/zypp.',
    },
  },
  check({ df, report }) {
    if (runCommandsNamed(df, 'zypper', WITH_ONBUILD).length === 0) return;
    for (const instr of instructions(df, WITH_ONBUILD)) {
      if (instr.keyword !== 'RUN') continue;
      const cmds = df.script(instr).commands;
      // The earliest install after the last clean: every install from there on keeps its cache.
      let lastClean = -1;
      for (const c of cmds) if (c.start > lastClean && cleans(c)) lastClean = c.start;
      let first: { cmd: Command; sub: ShellWord } | undefined;
      for (const cmd of cmds) {
        if (cmd.start < lastClean || (first && first.cmd.start < cmd.start)) continue;
        const sub = zypperSub(cmd);
        if (sub && FILLS.has(sub.value)) first = { cmd, sub };
      }
      if (!first || cacheMounted(df, instr)) continue;
      report({
        messageId: 'notCleaned',
        data: { sub: first.sub.value },
        span: { start: first.cmd.words[0].start, end: first.sub.end },
      });
    }
  },
});
