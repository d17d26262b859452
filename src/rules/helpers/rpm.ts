/**
 * yum and dnf share their command line, package specs and caches; the yum-* and dnf-* rules
 * (hadolint's DL3030/32/33 and DL3038/40/41) differ only in which tool names they watch and a few
 * dnf-only subcommands. The checks live here once, parameterised by those sets.
 */
import type { Dockerfile, Instruction } from '../../model/dockerfile/types.js';
import type { Command, ShellWord } from '../../model/shell/types.js';
import type { DockerfileContext } from '../types.js';
import { commandsIn, canAppendAfter, findFlagResolved, insertFlagAfter, packageSpecs, positionals, runCommandsNamed } from './dockerfile.js';
import { cacheMountCovers, firstUncleanedFill, lastCommandOf, removesCacheDir } from './package-cache.js';

// yum/dnf options whose value is the next word.
export const RPM_VALUE_FLAGS = [
  '-c', '--config', '-d', '--debuglevel', '-e', '--errorlevel', '-R', '--randomwait', '-x', '--exclude',
  '--installroot', '--enablerepo', '--disablerepo', '--repo', '--repoid', '--releasever', '--setopt',
  '--color', '--downloaddir', '--destdir', '--disableplugin', '--enableplugin', '--rpmverbosity',
  '--disableexcludes', '--forcearch', '--advisory', '--bz', '--cve', '--sec-severity', '--comment', '--repofrompath',
];

export const DNF_TOOLS = new Set(['dnf', 'dnf5', 'dnf-3', 'microdnf', 'tdnf']);
/** dnf's short aliases of package-changing subcommands. */
const DNF_ALIASES = ['in', 'up', 'up-min', 'rei', 'dg', 'dsync', 'distribution-synchronization'];

/** Subcommands (and `group`/`module` sub-actions) a check reacts to. */
export interface RpmActions {
  top: ReadonlySet<string>;
  /** A Map: a lookup of an arbitrary subcommand in an object would find `constructor` (and crash on it). */
  nested: ReadonlyMap<string, ReadonlySet<string>>;
}

const WITH_ONBUILD = { onbuild: true };

/** The action words of `cmd` (`install`, or `group install`) when they are in `actions`; undefined otherwise. */
function action(cmd: Command, actions: RpmActions): ShellWord[] | undefined {
  const [sub, next] = positionals(cmd.args, RPM_VALUE_FLAGS);
  if (!sub) return undefined;
  if (actions.top.has(sub.value)) return [sub];
  return next && actions.nested.get(sub.value)?.has(next.value) ? [sub, next] : undefined;
}

const SETOPT_YES = /^(?:--setopt=)?assumeyes=(?:1|true|yes|on)$/i;

/** The `name=value` settings a yum/dnf command is given with `--setopt` (either spelling), each with the word that holds it. */
export function setopts(cmd: Command): Array<{ setting: string; word: ShellWord }> {
  const out: Array<{ setting: string; word: ShellWord }> = [];
  const args = cmd.args;
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v.startsWith('--setopt=')) out.push({ setting: v.slice(9), word: args[i] });
    else if (v === '--setopt' && i + 1 < args.length) out.push({ setting: args[i + 1].value, word: args[++i] });
  }
  return out;
}

/** Reports package-changing commands without -y (messageId `missing`, data `tool`, `action`), with a fix. */
export function checkMissingYes({ df, report }: DockerfileContext, tools: ReadonlySet<string>, prompts: RpmActions): void {
  for (const { instr, cmd, base: tool } of runCommandsNamed(df, tools, WITH_ONBUILD)) {
    const words = action(cmd, prompts);
    if (!words || findFlagResolved(df, instr, cmd, 'y', ['assumeyes']) || cmd.args.some((a) => SETOPT_YES.test(a.value))) continue;
    const last = words[words.length - 1];
    const edits = insertFlagAfter(df, instr, last, '-y');
    report({
      messageId: 'missing',
      data: { tool, action: words.map((w) => w.value).join(' ') },
      span: { start: cmd.words[0].start, end: last.end },
      fix: edits ? { title: 'Add -y', edits } : undefined,
    });
  }
}

// yum, dnf, dnf5 and microdnf share caches on current distributions, so any of their cleaners counts.
const CLEANERS = new Set(['yum', 'dnf', 'dnf5', 'dnf-3', 'microdnf', 'tdnf']);

export interface CacheSpec {
  fills: RpmActions;
  cacheDirs: readonly string[];
  /** A cache-mount target that also keeps the cache out of the layer (beyond `cacheDirs`). */
  mountCovers?: (target: string) => boolean;
}

/** `yum clean all` / `dnf clean all`, or `rm -rf /var/cache/yum`. */
function cleans(df: Dockerfile, instr: Instruction, cmd: Command, dirs: readonly string[]): boolean {
  const name = cmd.base;
  if (name === 'rm') return removesCacheDir(cmd, dirs, df, instr);
  if (!CLEANERS.has(name)) return false;
  const [sub, ...rest] = positionals(cmd.args, RPM_VALUE_FLAGS);
  return sub?.value === 'clean' && rest.some((w) => w.value === 'all');
}

/** Reports the first cache-filling command of a RUN that no later clean covers (messageId `notCleaned`, data `tool`, `action`). */
export function checkCacheNotCleaned({ df, report }: DockerfileContext, tools: ReadonlySet<string>, spec: CacheSpec): void {
  // Only RUNs that run one of the tools can fill its cache (in file order, each once).
  let prev: Instruction | undefined;
  for (const { instr } of runCommandsNamed(df, tools, WITH_ONBUILD)) {
    if (instr === prev) continue;
    prev = instr;
    // A build stage's layers are not shipped (only what it COPY --from's is).
    if (!df.shippedStages.has(instr.stage)) continue;
    const cmds = commandsIn(df, instr);
    const first = firstUncleanedFill(cmds, (c) => cleans(df, instr, c, spec.cacheDirs), (c) => (tools.has(c.base) ? action(c, spec.fills) : undefined));
    if (!first || cacheMountCovers(df, instr, spec.cacheDirs, spec.mountCovers)) continue;
    const words = first.fill;
    const last = words[words.length - 1];
    // The clean goes after the tool's last command in the RUN: no fill comes after it.
    const lastTool = lastCommandOf(cmds, tools);
    report({
      messageId: 'notCleaned',
      data: { tool: first.cmd.base, action: words.map((w) => w.value).join(' ') },
      span: { start: first.cmd.words[0].start, end: last.end },
      // `--installroot` puts the cache under that root, where a plain `clean all` does not look.
      fix: canAppendAfter(df, instr, lastTool) && !lastTool.args.some((a) => a.value === '--installroot' || a.value.startsWith('--installroot=')) ? { title: `Clean the ${lastTool.base} cache at the end`, edits: [{ start: lastTool.end, end: lastTool.end, text: ` && ${lastTool.base} clean all` }] } : undefined,
    });
  }
}

const RPM_FILE = /\.rpm$/i;
const COMPARISON = /[<>=]/;
const GLOB_ONLY = /^[*?]+$/;

/**
 * Is a package spec pinned? `name-1.2`, `name-1.2-3.el8.x86_64`, `name-1:1.2`, `name-1.2*`,
 * a comparison (`'name >= 1.2'`) or an `.rpm` file/URL. `java-11-openjdk` does not count: its last
 * dash-separated part is not a version.
 */
export function rpmPinned(pkg: string): boolean {
  if (RPM_FILE.test(pkg) || COMPARISON.test(pkg)) return true;
  const dash = pkg.lastIndexOf('-');
  // No dash, or nothing before the first one.
  if (dash < 0 || pkg.charCodeAt(0) === 0x2d /* - */) return false;
  // A version starts with a digit (so does an epoch `N:`).
  if (isDigitAt(pkg, dash + 1)) return true;
  // `name-1.2-*`: any release of a fixed version.
  const before = pkg.lastIndexOf('-', dash - 1);
  return before >= 0 && GLOB_ONLY.test(pkg.slice(dash + 1)) && isDigitAt(pkg, before + 1);
}

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
}

/** Reports `install` specs without a version (`unpinned`) and `module install` specs without a stream (`module`). */
export function checkUnpinned({ df, report }: DockerfileContext, tools: ReadonlySet<string>, install: ReadonlySet<string>): void {
  for (const { instr, cmd } of runCommandsNamed(df, tools, WITH_ONBUILD)) {
    const pos = positionals(cmd.args, RPM_VALUE_FLAGS);
    // `install pkg…` or `module install mod:stream…`; groups and local files have no version to pin.
    const isModule = pos[0]?.value === 'module' && pos[1]?.value === 'install';
    if (!install.has(pos[0]?.value ?? '') && !isModule) continue;
    for (let k = isModule ? 2 : 1; k < pos.length; k++) {
      const w = pos[k];
      for (const pkg of packageSpecs(df, instr, w, RPM_VALUE_FLAGS) ?? []) {
        // `@name` is a group (or a module's default stream): there is no package version to pin.
        if (pkg.startsWith('@') || (isModule ? pkg.includes(':') : rpmPinned(pkg))) continue;
        report({ messageId: isModule ? 'module' : 'unpinned', data: { pkg, pin: pinSuggestion(pkg) }, span: { start: w.start, end: w.end } });
      }
    }
  }
}

const ARCHES = /\.(?:x86_64|i[3-6]86|noarch|aarch64|ppc64le|ppc64|s390x|armv7hl|src)$/;

/** How to pin a spec: `name-<version>`, `name-<version>.arch`, or a provide with `= <version>`. */
function pinSuggestion(pkg: string): string {
  const arch = ARCHES.exec(pkg);
  if (arch) return `${pkg.slice(0, arch.index)}-<version>${arch[0]}`;
  // A file (`/usr/bin/python3`) or a capability (`dnf-command(config-manager)`) names what a package provides.
  if (pkg.startsWith('/')) return 'name-<version> of the package that provides it (a file has no version)';
  if (pkg.includes('(')) return `'${pkg} = <version>'`;
  return `${pkg}-<version>`;
}

// Subcommands that change packages and so ask "Is this ok [y/N]"; `group install`, `module enable`: the second word is the action.
const YUM_PROMPTS = [
  'install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'update-minimal', 'upgrade-minimal',
  'localupdate', 'groupupdate', 'remove', 'erase', 'groupremove', 'downgrade', 'autoremove', 'distro-sync', 'swap',
];
const NESTED_PROMPTS = new Map([
  ['group', new Set(['install', 'remove', 'update', 'upgrade'])],
  ['groups', new Set(['install', 'remove', 'update', 'upgrade'])],
  ['module', new Set(['install', 'remove', 'enable', 'disable', 'reset', 'update', 'switch-to'])],
]);
export const PROMPTS: Record<'yum' | 'dnf', RpmActions> = {
  yum: { top: new Set(YUM_PROMPTS), nested: NESTED_PROMPTS },
  dnf: { top: new Set([...YUM_PROMPTS, 'builddep', 'rm', ...DNF_ALIASES]), nested: NESTED_PROMPTS },
};

// Subcommands that download packages or metadata into the cache.
const YUM_FILLS = [
  'install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'update-minimal', 'upgrade-minimal',
  'localupdate', 'groupupdate', 'downgrade', 'distro-sync', 'swap', 'builddep', 'makecache',
];
const NESTED_FILLS = new Map([
  ['group', new Set(['install', 'update', 'upgrade'])],
  ['groups', new Set(['install', 'update', 'upgrade'])],
  ['module', new Set(['install', 'enable', 'update'])],
]);
export const FILLS: Record<'yum' | 'dnf', RpmActions> = {
  yum: { top: new Set(YUM_FILLS), nested: NESTED_FILLS },
  dnf: { top: new Set([...YUM_FILLS, ...DNF_ALIASES]), nested: NESTED_FILLS },
};
