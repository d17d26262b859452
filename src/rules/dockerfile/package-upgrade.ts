import { defineRule } from '../types.js';
import { positionals, runCommandsNamed, subcommand } from '../helpers/dockerfile.js';

// Options whose value is the next word, per package manager.
const APT_VALUE = ['-o', '-c', '-t', '--target-release', '--option', '--config-file'];
const APK_VALUE = ['-X', '--repository', '-p', '--root', '--arch', '--cache-dir', '--keys-dir', '--repositories-file'];
const RPM_VALUE = ['-c', '--config', '--installroot', '--releasever', '--enablerepo', '--disablerepo', '--repo', '--repoid', '-x', '--exclude', '--setopt'];

// Subcommands that upgrade every installed package (with no package named).
// A Map: a lookup of an arbitrary command name in an object is slow (and would find `constructor`).
const WHOLE_SYSTEM = new Map<string, { valueFlags: string[]; subs: Set<string>; always: Set<string> }>([
  ['apt-get', { valueFlags: APT_VALUE, subs: new Set(['upgrade']), always: new Set(['dist-upgrade', 'full-upgrade']) }],
  ['apt', { valueFlags: APT_VALUE, subs: new Set(['upgrade']), always: new Set(['dist-upgrade', 'full-upgrade']) }],
  ['apk', { valueFlags: APK_VALUE, subs: new Set(['upgrade']), always: new Set() }],
  ['yum', { valueFlags: RPM_VALUE, subs: new Set(['update', 'upgrade']), always: new Set(['distro-sync']) }],
  ['dnf', { valueFlags: RPM_VALUE, subs: new Set(['update', 'upgrade']), always: new Set(['distro-sync', 'dsync']) }],
  ['microdnf', { valueFlags: RPM_VALUE, subs: new Set(['update', 'upgrade']), always: new Set() }],
]);
const TOOLS = [...WHOLE_SYSTEM.keys()];


export default defineRule({
  id: 'DF112',
  name: 'package-upgrade',
  aliases: [],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A RUN upgrades every installed package (`apt-get upgrade`, `apk upgrade`, `dnf update`, ...).',
      why: 'Upgrading the whole system makes the image depend on the day it was built instead of on the base image tag: two builds of the same commit differ, and a broken upstream update lands in your image without any change on your side. Rebuild on a newer base image tag to get fixes, or upgrade the specific packages a scanner names. Flags `apt-get`/`apt` `upgrade`, `dist-upgrade`, `full-upgrade`, `apk upgrade`, and `yum`/`dnf`/`microdnf` `update`/`upgrade`/`distro-sync` without package names, in any stage and in ONBUILD triggers. Skips upgrades of named packages (`apk upgrade openssl`, `dnf update curl`) and `apt-get install --only-upgrade`; `zypper dist-upgrade` is zypper-dist-upgrade (DF035). Unlike hadolint, which dropped its DL3005 upgrade rule, shipready keeps it as a reproducibility warning.',
      bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*\n',
      good: 'FROM debian:12.7-slim\nRUN apt-get update && apt-get install -y --only-upgrade openssl && rm -rf /var/lib/apt/lists/*\n',
    },
    messages: {
      upgrade: '`{{tool}} {{sub}}` upgrades every installed package, so the image depends on the day of the build; use a newer base image tag, or upgrade only the packages you need ({{instead}}).',
    },
  },
  check({ df, report }) {
    for (const { cmd, base: tool } of runCommandsNamed(df, TOOLS, { onbuild: true })) {
      const spec = WHOLE_SYSTEM.get(tool)!;
      const sub = subcommand(cmd, spec.valueFlags);
      if (!sub) continue;
      const name = sub.word.value;
      const always = spec.always.has(name);
      if (!always && !spec.subs.has(name)) continue;
      if (!always && positionals(cmd.args.slice(sub.index + 1), spec.valueFlags).length > 0) continue;
      const instead = tool === 'apk' ? 'apk upgrade <pkg>' : tool.startsWith('apt') ? `${tool} install --only-upgrade <pkg>` : `${tool} update <pkg>`;
      report({ messageId: 'upgrade', data: { tool, sub: name, instead }, span: { start: sub.word.start, end: sub.word.end } });
    }
  },
});
