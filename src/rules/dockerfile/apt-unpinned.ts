import { defineRule } from '../types.js';
import type { Command } from '../../model/shell/types.js';
import { aptSimulates } from '../helpers/apt.js';
import { packageSpecs, positionals, runCommandsNamed, subcommand } from '../helpers/dockerfile.js';

// apt-get options whose value is the next word (so the value is not read as a package).
const VALUE_FLAGS = [
  '-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release',
  '-a', '--host-architecture', '-P', '--build-profiles',
];

/** `pkg=1.2`, `pkg/bookworm-backports` (a release pin), a path or a `.deb` file. */
// `pkg-` asks apt-get install to remove pkg: nothing to pin.
function pinned(pkg: string): boolean {
  return pkg.includes('=') || pkg.includes('/') || pkg.endsWith('.deb') || pkg.endsWith('-');
}

/** `apt-get install --only-upgrade pkg` asks for the newest version of an installed package on purpose. */
function onlyUpgrades(cmd: Command): boolean {
  return cmd.args.some((a) => a.value === '--only-upgrade');
}

export default defineRule({
  id: 'DF010',
  name: 'apt-unpinned',
  aliases: ['DL3008'],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: '`apt-get install` of a package without a `=version` pin.',
      why: 'Without a pin, every build installs whatever version the mirror has that day, so two builds of the same Dockerfile can differ and a broken upstream release slips in unnoticed. Pin with `name=version` (or install a specific `.deb`). `apt-get install --only-upgrade` is not reported: it asks for the newest version of an installed package on purpose (what package-upgrade suggests instead of a full upgrade). Debian/Ubuntu mirrors drop old versions, so pair pins with a snapshot mirror or a tool that bumps them.',
      bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*\n',
    },
    messages: {
      unpinned: 'Package "{{pkg}}" is installed without a version; pin it as {{pkg}}=<version> so builds are repeatable.',
    },
  },
  check({ df, report }) {
    for (const { instr, cmd } of runCommandsNamed(df, 'apt-get', { onbuild: true })) {
      const sub = subcommand(cmd, VALUE_FLAGS);
      if (!sub || sub.word.value !== 'install' || aptSimulates(cmd) || onlyUpgrades(cmd)) continue;
      // Options may also follow the subcommand; the first positional is `install` itself.
      const words = positionals(cmd.args, VALUE_FLAGS, true);
      for (let k = 1; k < words.length; k++) {
        const w = words[k];
        // A pinned word is pinned whatever its variables hold; a plain one is its own single name.
        if (pinned(w.value)) continue;
        if (!w.expands) { report({ messageId: 'unpinned', data: { pkg: w.value }, span: { start: w.start, end: w.end } }); continue; }
        for (const pkg of packageSpecs(df, instr, w, VALUE_FLAGS) ?? []) {
          if (!pinned(pkg)) report({ messageId: 'unpinned', data: { pkg }, span: { start: w.start, end: w.end } });
        }
      }
    }
  },
});
