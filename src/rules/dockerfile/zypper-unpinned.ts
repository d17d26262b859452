import { defineRule } from '../types.js';
import { packageSpecs, positionals, runCommandsNamed } from '../helpers/dockerfile.js';
import { zypperSubcommand } from '../helpers/zypper.js';
import { rpmPinned } from '../helpers/rpm.js';
import type { ShellWord } from '../../model/shell/types.js';

// `zypper install` options whose value is the next word.
const INSTALL_VALUE = ['-t', '--type', '-r', '--repo', '--from', '--download'];

// A pin is `name=1.2`, `name>=1.2`, `name<2` (quoted), an `.rpm` file/URL, or `name-1.2[-release]`:
// zypper reads a spec that names no package as `name = version` at its last dashes (libzypp's
// guessPackageSpec), so rpmPinned reads it as the yum/dnf rules do.

/** `-t pattern` / `--type=product`: those are not versioned packages. */
function installsPackages(args: ShellWord[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === '-t' || v === '--type') return args[i + 1]?.value === 'package';
    if (v.startsWith('--type=')) return v.slice(7) === 'package';
    if (/^-t./.test(v)) return v.slice(2) === 'package';
  }
  return true;
}

export default defineRule({
  id: 'DF037',
  name: 'zypper-unpinned',
  aliases: ['DL3037'],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: '`zypper install` of a package without a version.',
      why: 'Without a version, each build installs whatever the repository offers that day, so the same Dockerfile yields different images over time and a rebuild can break. Pin with `name=version` or a range such as `"name>=1.2"`.',
      bad: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean -a\n',
      good: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean -a\n',
    },
    messages: { unpinned: 'Package "{{pkg}}" is installed without a version; pin it as {{pkg}}=<version> (or a range like "{{pkg}}>=<version>").' },
  },
  check({ df, report }) {
    for (const { instr, cmd } of runCommandsNamed(df, 'zypper', { onbuild: true })) {
      const sub = zypperSubcommand(cmd);
      if (!sub || (sub.word.value !== 'install' && sub.word.value !== 'in')) continue;
      const rest = cmd.args.slice(sub.index + 1);
      if (!installsPackages(rest)) continue;
      for (const w of positionals(rest, INSTALL_VALUE)) {
        for (const pkg of packageSpecs(df, instr, w, INSTALL_VALUE) ?? []) {
          if (!rpmPinned(pkg)) report({ messageId: 'unpinned', data: { pkg }, span: { start: w.start, end: w.end } });
        }
      }
    }
  },
});
