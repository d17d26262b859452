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

/** Requirement specifiers and the option names (long form) given to `pip install`. */
function parseInstall(args: ShellWord[]): { reqs: ShellWord[]; opts: Set<string> } {
  const reqs: ShellWord[] = [];
  const opts = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === '--') { append(reqs, args.slice(i + 1)); break; }
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      const name = eq < 0 ? v.slice(2) : v.slice(2, eq);
      opts.add(name);
      if (eq < 0 && LONG_VALUE.has(name)) i++;
    } else if (v.startsWith('-') && v.length > 1) {
      // Short options bundle (`-Ur file`); one that takes a value ends the bundle.
      for (let k = 1; k < v.length; k++) {
        opts.add(SHORT_NAME.get(v[k]) ?? v[k]);
        if (SHORT_VALUE.includes(v[k])) { if (k === v.length - 1) i++; break; }
      }
    } else reqs.push(args[i]);
  }
  return { reqs, opts };
}

function pinned(req: string): boolean {
  if (VCS.test(req)) return /@[^/@]+$/.test(req.split('#', 1)[0]); // git+https://host/repo.git@v1.2
  return /[=<>]/.test(req) || ARCHIVE.test(req) || req.includes('/') || req.startsWith('.') || req.startsWith('~');
}

/** The requirements a variable word stands for; null when a variable cannot be resolved. */
function expandedNames(df: Dockerfile, instr: Instruction, w: ShellWord): string[] | null {
  const v = df.expand(instr, w.value);
  if (v === null || v.includes('$') || v.includes('`')) return null;
  return v.split(/\s+/).filter(Boolean);
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
    },
  },
  check({ df, report }) {
    for (const { instr, cmd } of runCommandsWhere(df, isPipOrPython, { onbuild: true })) {
      const args = pipInstallArgs(cmd);
      if (!args) continue;
      const { reqs, opts } = parseInstall(args);
      // Versions come from a file (-r / -c) or from a local wheel directory (--no-index).
      if (opts.has('requirement') || opts.has('constraint') || opts.has('no-index')) continue;
      for (const w of reqs) {
        // A pinned word is pinned whatever its variables hold; a plain one is its own single requirement.
        if (pinned(w.value)) continue;
        if (!w.expands) { report({ messageId: 'unpinned', data: { pkg: w.value }, span: { start: w.start, end: w.end } }); continue; }
        for (const pkg of expandedNames(df, instr, w) ?? []) {
          if (!pinned(pkg)) report({ messageId: 'unpinned', data: { pkg }, span: { start: w.start, end: w.end } });
        }
      }
    }
  },
});
