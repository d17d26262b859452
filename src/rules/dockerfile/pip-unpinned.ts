import { defineRule } from '../types.js';
import { runCommandsWhere } from '../helpers/dockerfile.js';
import { isPipOrPython, pipArgs, pipSubcommand } from '../helpers/pip.js';
import type { Dockerfile, Instruction } from '../../model/dockerfile/types.js';
import type { Command, ShellWord } from '../../model/shell/types.js';
import { append } from '../../append.js';

// pip options whose value is the next word (global options, then `install` options).
const LONG_VALUE = new Set([
  'proxy', 'retries', 'timeout', 'log', 'cache-dir', 'python', 'exists-action', 'trusted-host', 'cert', 'client-cert',
  'use-feature', 'use-deprecated', 'keyring-provider', 'requirement', 'constraint', 'editable', 'target', 'platform',
  'python-version', 'implementation', 'abi', 'root', 'prefix', 'src', 'upgrade-strategy', 'index-url', 'extra-index-url',
  'find-links', 'no-binary', 'only-binary', 'progress-bar', 'root-user-action', 'report', 'config-settings',
  'global-option', 'build-option', 'install-option', 'build', 'group',
]);
const SHORT_VALUE = 'rceitfbC';
const SHORT_NAME = new Map([['r', 'requirement'], ['c', 'constraint'], ['e', 'editable']]);
const VCS = /^(?:git|hg|svn|bzr)(?:\+[a-z-]+)?:/;
const ARCHIVE = /\.(?:whl|tar\.gz|tgz|tar\.bz2|tar\.xz|zip)$/;

/** Arguments after `install` of `pip install`, `pip3 install`, `python -m pip install`. */
function pipInstallArgs(cmd: Command): ShellWord[] | undefined {
  const args = pipArgs(cmd);
  const sub = args && pipSubcommand(args, LONG_VALUE);
  return sub?.word.value === 'install' ? args!.slice(sub.index + 1) : undefined;
}

/**
 * Requirement specifiers, the option names (long form) given to `pip install`, and the version
 * control URLs given to `-e`/`--editable` (which need a ref like any other).
 */
function parseInstall(args: ShellWord[]): { reqs: ShellWord[]; opts: Set<string>; editableVcs: Array<{ word: ShellWord; url: string }> } {
  const reqs: ShellWord[] = [];
  const opts = new Set<string>();
  const editableVcs: Array<{ word: ShellWord; url: string }> = [];
  const editable = (word: ShellWord | undefined, url: string | undefined): void => {
    if (word && url !== undefined && VCS.test(url)) editableVcs.push({ word, url });
  };
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === '--') { append(reqs, args.slice(i + 1)); break; }
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      const name = eq < 0 ? v.slice(2) : v.slice(2, eq);
      opts.add(name);
      if (name === 'editable') editable(eq < 0 ? args[i + 1] : args[i], eq < 0 ? args[i + 1]?.value : v.slice(eq + 1));
      if (eq < 0 && LONG_VALUE.has(name)) i++;
    } else if (v.startsWith('-') && v.length > 1) {
      // Short options bundle (`-Ur file`); one that takes a value ends the bundle.
      for (let k = 1; k < v.length; k++) {
        opts.add(SHORT_NAME.get(v[k]) ?? v[k]);
        if (!SHORT_VALUE.includes(v[k])) continue;
        if (v[k] === 'e') editable(k === v.length - 1 ? args[i + 1] : args[i], k === v.length - 1 ? args[i + 1]?.value : v.slice(k + 1));
        if (k === v.length - 1) i++;
        break;
      }
    } else reqs.push(args[i]);
  }
  return { reqs, opts, editableVcs };
}

// A PEP 508 direct reference: `name @ url` (also `name[extra]@url`).
const DIRECT = /^[A-Za-z0-9][A-Za-z0-9._-]*(?:\[[^\]]*\])?\s*@\s*(\S+)$/;

function pinned(req: string): boolean {
  const direct = DIRECT.exec(req);
  if (direct) return !VCS.test(direct[1]) || vcsPinned(direct[1]);
  if (VCS.test(req)) return vcsPinned(req);
  return /[=<>]/.test(req) || ARCHIVE.test(req) || req.includes('/') || req.startsWith('.') || req.startsWith('~');
}

/** git+https://host/repo.git@v1.2 (before any #egg= fragment). */
function vcsPinned(url: string): boolean {
  return /@[^/@]+$/.test(url.split('#', 1)[0]);
}

/** The data of a finding: how to pin a package, or a version control URL (with a ref). */
function unpinned(pkg: string): { messageId: string; data: Record<string, string> } {
  const direct = DIRECT.exec(pkg);
  const url = direct ? direct[1] : pkg;
  if (!VCS.test(url)) return { messageId: 'unpinned', data: { pkg } };
  const hash = url.indexOf('#');
  const withRef = hash < 0 ? `${url}@<tag or commit>` : `${url.slice(0, hash)}@<tag or commit>${url.slice(hash)}`;
  return { messageId: 'vcs', data: { pkg, pinned: direct ? pkg.slice(0, pkg.length - url.length) + withRef : withRef } };
}

/** The requirements a variable word stands for; null when a variable cannot be resolved. */
function expandedNames(df: Dockerfile, instr: Instruction, w: ShellWord): string[] | null {
  const v = df.expand(instr, w.value);
  if (v === null || v.includes('$') || v.includes('`')) return null;
  // Options the variable holds (`ARG APT_FLAGS="-y --no-install-recommends"`) are not packages.
  return v.split(/\s+/).filter((t) => t !== '' && !t.startsWith('-'));
}

export default defineRule({
  id: 'DF017',
  name: 'pip-unpinned',
  aliases: ['DL3013'],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: '`pip install` of a package without a version specifier.',
      why: 'An unpinned package resolves to whatever is newest on the index at build time, so rebuilding the same Dockerfile can pull a new major version and break. Pin with `name==version`, or install from a requirements or constraints file that pins.',
      bad: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n',
      good: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3\n',
    },
    messages: {
      unpinned: 'Package "{{pkg}}" is installed without a version; pin it as {{pkg}}==<version> or install it from a pinned requirements/constraints file.',
      vcs: '"{{pkg}}" is installed from the tip of its repository; pin a tag or commit: {{pinned}}.',
    },
  },
  check({ df, report }) {
    for (const { instr, cmd } of runCommandsWhere(df, isPipOrPython, { onbuild: true })) {
      const args = pipInstallArgs(cmd);
      if (!args) continue;
      const { reqs, opts, editableVcs } = parseInstall(args);
      for (const { word, url } of editableVcs) {
        if (!vcsPinned(url)) report({ ...unpinned(url), span: { start: word.start, end: word.end } });
      }
      // Versions come from a file (-r / -c) or from a local wheel directory (--no-index).
      if (opts.has('requirement') || opts.has('constraint') || opts.has('no-index')) continue;
      for (const w of reqs) {
        // A pinned word is pinned whatever its variables hold; a plain one is its own single requirement.
        if (pinned(w.value)) continue;
        if (!w.expands) { report({ ...unpinned(w.value), span: { start: w.start, end: w.end } }); continue; }
        for (const pkg of expandedNames(df, instr, w) ?? []) {
          if (!pinned(pkg)) report({ ...unpinned(pkg), span: { start: w.start, end: w.end } });
        }
      }
    }
  },
});
