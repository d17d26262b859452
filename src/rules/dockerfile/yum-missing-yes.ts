import { defineRule } from '../types.js';
import { hasFlag, positionals, runCommandsNamed } from '../helpers/dockerfile.js';
import type { Dockerfile, Instruction } from '../../model/dockerfile/types.js';
import type { Command, ShellWord } from '../../model/shell/types.js';
import type { Edit } from '../../finding.js';

// yum/dnf options whose value is the next word.
const VALUE_FLAGS = [
  '-c', '--config', '-d', '--debuglevel', '-e', '--errorlevel', '-R', '--randomwait', '-x', '--exclude',
  '--installroot', '--enablerepo', '--disablerepo', '--repo', '--repoid', '--releasever', '--setopt',
  '--color', '--downloaddir', '--destdir', '--disableplugin', '--enableplugin', '--rpmverbosity',
  '--disableexcludes', '--forcearch', '--advisory', '--bz', '--cve', '--sec-severity', '--comment', '--repofrompath',
];
// Subcommands that change packages and so ask "Is this ok [y/N]".
const PROMPTS = new Set([
  'install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'update-minimal', 'upgrade-minimal',
  'localupdate', 'groupupdate', 'remove', 'erase', 'groupremove', 'downgrade', 'autoremove', 'distro-sync', 'swap',
]);
// `yum group install`, `yum module enable`: the second word is the action.
const NESTED: Record<string, Set<string>> = {
  group: new Set(['install', 'remove', 'update', 'upgrade']),
  groups: new Set(['install', 'remove', 'update', 'upgrade']),
  module: new Set(['install', 'remove', 'enable', 'disable', 'reset', 'update', 'switch-to']),
};
const SETOPT_YES = /^(?:--setopt=)?assumeyes=(?:1|true|yes|on)$/i;

/** The word(s) naming a prompting action (`install`, or `group install`); undefined otherwise. */
function action(cmd: Command): ShellWord[] | undefined {
  const [sub, next] = positionals(cmd.args, VALUE_FLAGS);
  if (!sub) return undefined;
  if (PROMPTS.has(sub.value)) return [sub];
  return next && NESTED[sub.value]?.has(next.value) ? [sub, next] : undefined;
}

function insertAfter(df: Dockerfile, instr: Instruction, w: ShellWord, flag: string): Edit[] | undefined {
  if (df.source.text.slice(w.start, w.end) !== w.raw) return undefined;
  const exec = instr.json !== null && w.raw.startsWith('"');
  return [{ start: w.end, end: w.end, text: exec ? `, "${flag}"` : ` ${flag}` }];
}

export default defineRule({
  id: 'DF031',
  name: 'yum-missing-yes',
  aliases: ['DL3030'],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fixable: 'safe',
    status: 'stable',
    docs: {
      summary: '`yum install` (or another package-changing yum command) without `-y`.',
      why: 'yum asks "Is this ok [y/N]" before it changes packages. A build has no terminal to answer, so yum reads end-of-input, aborts, and the build fails. `-y` (`--assumeyes`) answers the prompt.',
      bad: 'FROM centos:7\nRUN yum install httpd-2.4.6 && yum clean all\n',
      good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
    },
    messages: { missing: '`yum {{action}}` without -y stops at a confirmation prompt the build cannot answer; add -y.' },
  },
  check({ df, report }) {
    for (const { instr, cmd } of runCommandsNamed(df, 'yum', { onbuild: true })) {
      const words = action(cmd);
      if (!words || hasFlag(cmd, 'y', ['assumeyes']) || cmd.args.some((a) => SETOPT_YES.test(a.value))) continue;
      const last = words[words.length - 1];
      const edits = insertAfter(df, instr, last, '-y');
      report({
        messageId: 'missing',
        data: { action: words.map((w) => w.value).join(' ') },
        span: { start: cmd.words[0].start, end: last.end },
        fix: edits ? { title: 'Add -y', edits } : undefined,
      });
    }
  },
});
