import { defineRule } from '../types.js';
import { packageSpecs, runCommandsNamed, subcommand } from '../helpers/dockerfile.js';
import type { Dockerfile, Instruction } from '../../model/dockerfile/types.js';
import type { ShellWord } from '../../model/shell/types.js';

// go build flags that take a value as the next word (go accepts `-flag` and `--flag`).
const VALUE_FLAGS = new Set([
  'C', 'o', 'p', 'asmflags', 'buildmode', 'compiler', 'gccgoflags', 'gcflags', 'installsuffix', 'ldflags', 'mod',
  'modfile', 'overlay', 'pgo', 'pkgdir', 'tags', 'toolexec', 'exec', 'covermode', 'coverpkg', 'debug-trace',
]);
// The same, as written: go reads `-flag` and `--flag` alike.
const DASHED_VALUE_FLAGS = new Set([...VALUE_FLAGS].flatMap((f) => [`-${f}`, `--${f}`]));
const SUBCOMMANDS = new Set(['install', 'get', 'run']);
const GO_DIR_FLAG = ['-C', '--C'];
// Version queries that do not pin: they resolve to whatever is newest at build time (@latest,
// @upgrade, @patch, or a branch: HEAD, master, main).
const FLOATING = /@(?:latest|upgrade|patch|HEAD|master|main)$/;

// Meta-patterns: `tool` (tools pinned in go.mod), the standard library.
const META = new Set(['tool', 'std', 'cmd']);

function local(pkg: string): boolean {
  return META.has(pkg) || pkg === '.' || pkg === '..' || pkg.startsWith('./') || pkg.startsWith('../') || pkg.startsWith('/') || pkg.endsWith('.go');
}

/** Package arguments; for `go run` only the first (the rest go to the program). */
function packages(args: ShellWord[], sub: string): ShellWord[] {
  const out: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === '--') continue;
    if (v.startsWith('-') && v.length > 1) {
      if (!v.includes('=') && VALUE_FLAGS.has(v.replace(/^--?/, ''))) i++;
      continue;
    }
    out.push(args[i]);
    if (sub === 'run') break;
  }
  return out;
}

/** The package paths a word stands for; null when a variable cannot be resolved. */
function names(df: Dockerfile, instr: Instruction, w: ShellWord): string[] | null {
  // An unknown version (`path@${V}` with V unset) is a pin the build chooses: not reported.
  return packageSpecs(df, instr, w, DASHED_VALUE_FLAGS) ?? (w.value.includes('@') ? [w.value] : null);
}

export default defineRule({
  id: 'DF061',
  name: 'go-unpinned',
  aliases: ['DL3062'],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: '`go install` / `go get` / `go run` of a remote package without `@version` (or with `@latest`).',
      why: 'Without a version (or with `@latest`), go resolves the newest release at build time, so the same Dockerfile can build a different tool tomorrow. Pin `path@vX.Y.Z` (or a commit).',
      bad: 'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@latest\n',
      good: 'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@v0.16.1\n',
    },
    messages: {
      unpinned: 'Go package "{{pkg}}" is not pinned; use {{path}}@<version> so the build is repeatable.',
    },
  },
  check({ df, report }) {
    for (const { instr, cmd } of runCommandsNamed(df, 'go', { onbuild: true })) {
      // `go -C dir install ...` (Go 1.21+) changes directory first: dir is no subcommand.
      const sub = subcommand(cmd, GO_DIR_FLAG);
      if (!sub || !SUBCOMMANDS.has(sub.word.value)) continue;
      for (const w of packages(cmd.args.slice(sub.index + 1), sub.word.value)) {
        for (const pkg of names(df, instr, w) ?? []) {
          // `@none` removes a dependency, it installs nothing.
          if (local(pkg) || pkg.endsWith('@none') || (pkg.includes('@') && !FLOATING.test(pkg))) continue;
          const at = pkg.indexOf('@');
          report({ messageId: 'unpinned', data: { pkg, path: at < 0 ? pkg : pkg.slice(0, at) }, span: { start: w.start, end: w.end } });
        }
      }
    }
  },
});
