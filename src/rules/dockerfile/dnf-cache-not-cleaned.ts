import { defineRule } from '../types.js';
import { baseName, instructions, mounts, positionals, runsAny } from '../helpers/dockerfile.js';
import type { Dockerfile, Instruction } from '../../model/dockerfile/types.js';
import type { Command, ShellWord } from '../../model/shell/types.js';

// yum/dnf options whose value is the next word.
const VALUE_FLAGS = [
  '-c', '--config', '-d', '--debuglevel', '-e', '--errorlevel', '-R', '--randomwait', '-x', '--exclude',
  '--installroot', '--enablerepo', '--disablerepo', '--repo', '--repoid', '--releasever', '--setopt',
  '--color', '--downloaddir', '--destdir', '--disableplugin', '--enableplugin', '--rpmverbosity',
  '--disableexcludes', '--forcearch', '--advisory', '--bz', '--cve', '--sec-severity', '--comment', '--repofrompath',
];
// Subcommands that download packages or metadata into the cache.
const FILLS = new Set([
  'install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'update-minimal', 'upgrade-minimal',
  'localupdate', 'groupupdate', 'downgrade', 'distro-sync', 'swap', 'builddep', 'makecache',
  // dnf's short aliases.
  'in', 'up', 'up-min', 'rei', 'dg', 'dsync', 'distribution-synchronization',
]);
const DNF = new Set(['dnf', 'dnf5', 'dnf-3', 'microdnf', 'tdnf']);
const NESTED: Record<string, Set<string>> = {
  group: new Set(['install', 'update', 'upgrade']),
  groups: new Set(['install', 'update', 'upgrade']),
  module: new Set(['install', 'enable', 'update']),
};
// dnf, dnf5, microdnf and yum share caches on current distributions, so any of their cleaners counts.
const CLEANERS = new Set(['yum', 'dnf', 'dnf5', 'dnf-3', 'microdnf', 'tdnf']);
const CACHE_DIRS = ['/var/cache/dnf', '/var/cache/libdnf5', '/var/cache/yum', '/var/cache/tdnf'];

/** The action words of a cache-filling command (`install`, `group install`); undefined otherwise. */
function action(cmd: Command): ShellWord[] | undefined {
  const [sub, next] = positionals(cmd.args, VALUE_FLAGS);
  if (!sub) return undefined;
  if (FILLS.has(sub.value)) return [sub];
  return next && NESTED[sub.value]?.has(next.value) ? [sub, next] : undefined;
}

/** Does removing (or mounting over) `path` take a cache directory with it? */
function covers(path: string): boolean {
  const p = path.replace(/[/*]+$/, '');
  return p !== '' && CACHE_DIRS.some((d) => p === d || p.startsWith(d + '/') || d.startsWith(p + '/'));
}

/** `dnf clean all` / `microdnf clean all`, or `rm -rf /var/cache/dnf`. */
function cleans(cmd: Command): boolean {
  const name = baseName(cmd.name);
  if (name === 'rm') return cmd.args.some((a) => !a.value.startsWith('-') && covers(a.value));
  if (!CLEANERS.has(name)) return false;
  const [sub, ...rest] = positionals(cmd.args, VALUE_FLAGS);
  return sub?.value === 'clean' && rest.some((w) => w.value === 'all');
}

function cacheMounted(df: Dockerfile, instr: Instruction): boolean {
  return mounts(instr).some((m) => {
    if (m.type !== 'cache' && m.type !== 'tmpfs') return false;
    const t = df.expand(instr, m.target) ?? m.target;
    // dnf5 run by a non-root user caches in ~/.cache/libdnf5.
    return covers(t) || /(^|\/)\.cache\/libdnf5\/?$/.test(t);
  });
}

export default defineRule({
  id: 'DF039',
  name: 'dnf-cache-not-cleaned',
  aliases: ['DL3040'],
  meta: {
    target: 'dockerfile',
    category: 'performance',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: '`dnf install` / `microdnf install` without `dnf clean all` later in the same RUN.',
      why: 'dnf keeps the repository metadata (and often the downloaded packages) under /var/cache/dnf (/var/cache/libdnf5 for dnf5). Unless the same RUN removes them, they are committed into the layer and ship with the image; a later RUN cannot take them out again.',
      bad: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62\n',
      good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
    },
    messages: {
      notCleaned: '`{{tool}} {{action}}` leaves its cache in this layer; end the same RUN with `{{tool}} clean all`, or use a cache mount.',
    },
  },
  check({ df, report }) {
    if (!runsAny(df, DNF)) return;
    for (const instr of instructions(df, { onbuild: true })) {
      if (instr.keyword !== 'RUN') continue;
      const cmds = df.script(instr).commands;
      // The earliest install after the last clean: every install from there on keeps its cache.
      let lastClean = -1;
      for (const c of cmds) if (c.start > lastClean && cleans(c)) lastClean = c.start;
      let first: { cmd: Command; words: ShellWord[] } | undefined;
      for (const cmd of cmds) {
        if (cmd.start < lastClean || (first && first.cmd.start < cmd.start) || !DNF.has(baseName(cmd.name))) continue;
        const words = action(cmd);
        if (words) first = { cmd, words };
      }
      if (!first || cacheMounted(df, instr)) continue;
      const last = first.words[first.words.length - 1];
      report({
        messageId: 'notCleaned',
        data: { tool: baseName(first.cmd.name), action: first.words.map((w) => w.value).join(' ') },
        span: { start: first.cmd.words[0].start, end: last.end },
      });
    }
  },
});
