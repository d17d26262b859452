import { defineRule } from '../types.js';
import { positionals, runCommandsWhere } from '../helpers/dockerfile.js';
import type { Dockerfile, Instruction } from '../../model/dockerfile/types.js';
import type { ShellWord } from '../../model/shell/types.js';

// yum/dnf options whose value is the next word.
const VALUE_FLAGS = [
  '-c', '--config', '-d', '--debuglevel', '-e', '--errorlevel', '-R', '--randomwait', '-x', '--exclude',
  '--installroot', '--enablerepo', '--disablerepo', '--repo', '--repoid', '--releasever', '--setopt',
  '--color', '--downloaddir', '--destdir', '--disableplugin', '--enableplugin', '--rpmverbosity',
  '--disableexcludes', '--forcearch', '--advisory', '--bz', '--cve', '--sec-severity', '--comment', '--repofrompath',
];
// The version part of `name-version[-release]`: starts with a digit, optionally after an epoch `N:`.
const VERSION = /^(?:\d+:)?\d/;
const GLOB_ONLY = /^[*?]+$/;
const DNF = new Set(['dnf', 'dnf5', 'dnf-3', 'microdnf', 'tdnf']);
const INSTALL = new Set(['install', 'in']);

/**
 * Is a dnf package spec pinned? `name-1.2`, `name-1.2-3.el8.x86_64`, `name-1:1.2`, `name-1.2*`,
 * a comparison (`'name >= 1.2'`) or an `.rpm` file/URL. `java-11-openjdk` does not count: its last
 * dash-separated part is not a version.
 */
function pinned(pkg: string): boolean {
  if (/\.rpm$/i.test(pkg) || /[<>=]/.test(pkg)) return true;
  const parts = pkg.split('-');
  if (parts.length < 2 || parts[0] === '') return false;
  const last = parts[parts.length - 1];
  if (VERSION.test(last)) return true;
  // `name-1.2-*`: any release of a fixed version.
  return parts.length > 2 && GLOB_ONLY.test(last) && VERSION.test(parts[parts.length - 2]);
}

/** Package specs a word stands for; null when a variable has no known value (ARG/ENV defined elsewhere). */
function specs(df: Dockerfile, instr: Instruction, w: ShellWord): string[] | null {
  if (!w.expands) return [w.value];
  const v = df.expand(instr, w.value);
  if (v === null || v.includes('$') || v.includes('`')) return null;
  return v.split(/\s+/).filter(Boolean);
}

export default defineRule({
  id: 'DF040',
  name: 'dnf-unpinned',
  aliases: ['DL3041'],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: '`dnf install` / `microdnf install` of a package without a version.',
      why: 'Without a version, each build installs whatever the repository offers that day, so the same Dockerfile yields different images over time and a rebuild can break. Pin `name-version` (optionally `-release`), and `name:stream` for modules.',
      bad: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n',
      good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
    },
    messages: {
      unpinned: 'Package "{{pkg}}" is installed without a version; pin it as {{pkg}}-<version>.',
      module: 'Module "{{pkg}}" is installed without a stream; pin it as {{pkg}}:<stream>.',
    },
  },
  check({ df, report }) {
    for (const { instr, cmd } of runCommandsWhere(df, (n) => DNF.has(n), { onbuild: true })) {
      const pos = positionals(cmd.args, VALUE_FLAGS);
      // `dnf install pkg…` or `dnf module install mod:stream…`; groups have no version to pin.
      const isModule = pos[0]?.value === 'module' && pos[1]?.value === 'install';
      if (!INSTALL.has(pos[0]?.value ?? '') && !isModule) continue;
      for (const w of pos.slice(isModule ? 2 : 1)) {
        for (const pkg of specs(df, instr, w) ?? []) {
          // `@name` is a group (or a module's default stream): there is no package version to pin.
          if (pkg.startsWith('@') || (isModule ? pkg.includes(':') : pinned(pkg))) continue;
          report({ messageId: isModule ? 'module' : 'unpinned', data: { pkg }, span: { start: w.start, end: w.end } });
        }
      }
    }
  },
});
