import type { Dockerfile, Instruction } from '../../model/dockerfile/types.js';
import type { Command, ShellWord } from '../../model/shell/types.js';
import type { Span } from '../../model/source.js';
import { defineRule } from '../types.js';
import { isDevContainer, positionals, runCommandsNamed, runCommandsWhere, subcommand } from '../helpers/dockerfile.js';

// Compilers and build tools by package name (Debian, Alpine, RHEL, SUSE spellings).
const TOOLCHAIN = new Set([
  'gcc', 'g++', 'gcc-c++', 'cpp', 'clang', 'llvm', 'make', 'cmake', 'ninja-build', 'ninja', 'build-essential', 'build-base',
  'autoconf', 'automake', 'libtool', 'musl-dev', 'linux-headers', 'golang', 'go', 'rustc', 'cargo', 'maven', 'gradle',
  'gfortran', 'meson', 'bison', 'flex',
]);
const GROUP_TOOLCHAIN = /^(?:development tools|@development-tools|development-tools|c-development)$/i;

interface Manager { install: Set<string>; remove: Set<string>; valueFlags: string[] }
// Maps, not object literals: a lookup of an arbitrary command name in an object is slow (and would find `constructor`).
const MANAGERS = new Map<string, Manager>([
  ['apt-get', { install: new Set(['install']), remove: new Set(['remove', 'purge', 'autoremove']), valueFlags: ['-o', '-c', '-t', '--target-release'] }],
  ['apt', { install: new Set(['install']), remove: new Set(['remove', 'purge', 'autoremove']), valueFlags: ['-o', '-c', '-t', '--target-release'] }],
  ['apk', { install: new Set(['add']), remove: new Set(['del']), valueFlags: ['-t', '--virtual', '-X', '--repository', '-p', '--root', '--arch'] }],
  ['yum', { install: new Set(['install', 'groupinstall']), remove: new Set(['remove', 'erase', 'autoremove', 'groupremove']), valueFlags: ['-c', '--config', '--installroot', '--enablerepo', '--disablerepo', '--setopt'] }],
  ['dnf', { install: new Set(['install', 'groupinstall']), remove: new Set(['remove', 'erase', 'autoremove', 'groupremove']), valueFlags: ['-c', '--config', '--installroot', '--enablerepo', '--disablerepo', '--setopt'] }],
  ['microdnf', { install: new Set(['install']), remove: new Set(['remove']), valueFlags: ['--enablerepo', '--disablerepo', '--setopt'] }],
  ['zypper', { install: new Set(['install', 'in']), remove: new Set(['remove', 'rm']), valueFlags: ['-R', '--root', '-c', '--config'] }],
]);

// Build commands that need the full toolchain at hand: `go build`, `cargo build`, `mvn package`, ...
const BUILDS = new Map<string, Set<string>>([
  ['go', new Set(['build'])], ['cargo', new Set(['build', 'install'])], ['mvn', new Set(['package', 'install', 'verify', 'compile'])],
  ['mvnw', new Set(['package', 'install', 'verify', 'compile'])], ['gradle', new Set(['build', 'assemble', 'bootJar', 'shadowJar', 'installDist', 'jar'])],
  ['gradlew', new Set(['build', 'assemble', 'bootJar', 'shadowJar', 'installDist', 'jar'])], ['dotnet', new Set(['build', 'publish'])],
]);
const MAVEN_VALUE = ['-f', '--file', '-s', '--settings', '-P', '-pl', '-T', '-p'];
// JavaScript builds need devDependencies (bundlers, compilers).
const JS_BUILD = new Set(['npm', 'yarn', 'pnpm']);

// The commands the check acts on. `rm` only matters as a prune of node_modules, so only when a JS tool runs:
// leaving the (very common) other `rm`s out keeps the relative order of the rest, which is all `order` is for.
const ACTS_ON = new Set([...MANAGERS.keys(), ...BUILDS.keys(), ...JS_BUILD, 'apt-mark']);
const actsOn = (n: string): boolean => ACTS_ON.has(n);
const actsOnOrRm = (n: string): boolean => n === 'rm' || ACTS_ON.has(n);
const NODE_MODULES = /(?:^|\/)node_modules\/?$/;

/** The package name of a spec: `gcc=4:12.2` -> `gcc` (what `split(/[=<>~]/, 1)[0]` gives, without the arrays). */
function pkgName(w: ShellWord): string {
  const v = w.value;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 61 /* = */ || c === 60 /* < */ || c === 62 /* > */ || c === 126 /* ~ */) return v.slice(0, i);
  }
  return v;
}

// Packages named `-dev` that are not headers: the development channels of browsers.
const DEV_CHANNELS = new Set(['microsoft-edge-dev', 'google-chrome-dev', 'brave-browser-dev', 'opera-developer', 'vivaldi-dev']);

/** `*-dev` / `*-devel`, a compiler or build tool, or a "Development Tools" group. */
function isToolchain(n: string): boolean {
  return TOOLCHAIN.has(n) || (n.endsWith('-dev') && !DEV_CHANNELS.has(n)) || n.endsWith('-devel') || GROUP_TOOLCHAIN.test(n);
}

interface Install { instr: Instruction; order: number; packages: ShellWord[]; group?: string }
interface Removal { order: number; names: Set<string>; all: boolean }

export default defineRule({
  id: 'DF103',
  name: 'toolchain-in-final-stage',
  aliases: [],
  meta: {
    target: 'dockerfile',
    category: 'security',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'The image you ship contains its build toolchain (compilers, `-dev` packages, `go build` / `cargo build` / `mvn package` run in place).',
      why: 'Compilers, headers and build tools are only needed to produce the application. Shipped, they make the image several times larger and hand an attacker who gets in a ready-made toolkit to build exploits. A multi-stage build compiles in one stage and copies only the result into a small runtime stage. Flags, in the final stage and the stages it builds FROM: package installs of compilers and build tools (gcc, g++, make, cmake, build-essential, build-base, `*-dev`/`*-devel`, "Development Tools", ...), and build commands run there (`go build`, `cargo build`, `mvn package`, `gradle build`, `dotnet publish`, and `npm/yarn/pnpm run build` unless dev dependencies are pruned later). Skips build stages the final image only copies from, and packages removed again later (`apk del` of the package or its `--virtual` group, `apt-get purge`/`remove` of the package or of a variable list such as `$buildDeps`, `--auto-remove` after `apt-mark auto`). Reports at most one finding per RUN. Dev containers (a Dockerfile in `.devcontainer/`, one built on a dev container image, or one whose final stage is `dev-envs`, the target of Docker Dev Environments) are skipped: they are environments to develop in, never shipped.',
      bad: 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /usr/local/bin/app .\nCMD ["app"]\n',
      good: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app\nCMD ["/app"]\n',
    },
    messages: {
      package: '{{pkg}} is a build-time package installed in the image you ship; install it in a build stage and COPY --from only the results into the final stage (or remove it in the same RUN).',
      build: '`{{command}}` builds inside the image you ship, so the whole toolchain ships with it; build in a separate stage (FROM ... AS build) and COPY --from=build only the output into a slim runtime image.',
    },
  },
  check({ df, report }) {
    if (isDevContainer(df)) return;
    let commands = runCommandsWhere(df, actsOn);
    if (commands.length === 0) return;
    if (runsJs(df)) commands = runCommandsWhere(df, actsOnOrRm);
    const installs: Install[] = [];
    const builds: Array<{ instr: Instruction; order: number; span: Span; command: string; js: boolean }> = [];
    const removals: Removal[] = [];
    let aptMarkAuto = false;
    let jsPrune = -1;
    let order = 0;
    // Only the commands the loop acts on (`order` is compared among these alone, so skipping others keeps it right).
    for (const { instr, cmd, base: name } of commands) {
      if (!df.shippedStages.has(instr.stage)) continue;
      order++;
      if (name === 'rm') {
        if (cmd.args.some((a) => NODE_MODULES.test(a.value))) jsPrune = order;
        continue;
      }
      if (name === 'apt-mark') {
        if (cmd.args[0]?.value === 'auto') aptMarkAuto = true;
        continue;
      }
      if ((name === 'npm' || name === 'pnpm') && cmd.args[0]?.value === 'prune') jsPrune = order;
      if (name === 'yarn' && cmd.args.some((a) => a.value === '--production')) jsPrune = order;
      const m = MANAGERS.get(name);
      if (m) {
        const sub = subcommand(cmd, m.valueFlags);
        if (!sub) continue;
        const pkgs = positionals(cmd.args.slice(sub.index + 1), m.valueFlags);
        if (m.install.has(sub.word.value)) {
          installs.push({ instr, order, packages: pkgs, group: name === 'apk' ? virtualGroup(cmd) : undefined });
        } else if (m.remove.has(sub.word.value)) {
          // A variable list (`$buildDeps`) or an auto-remove after `apt-mark auto` cleans up everything.
          const autoRemove = sub.word.value === 'autoremove' || cmd.args.some((a) => a.value === '--auto-remove' || a.value === '--autoremove');
          removals.push({ order, names: new Set(pkgs.map(pkgName)), all: pkgs.some((w) => w.expands) || (autoRemove && aptMarkAuto) });
        }
        continue;
      }
      const build = buildCommand(cmd, name);
      if (build) builds.push({ instr, order, span: { start: cmd.words[0].start, end: build.end }, command: build.command, js: JS_BUILD.has(name) });
    }
    const reported = new Set<Instruction>();
    for (const ins of installs) {
      if (reported.has(ins.instr)) continue;
      const later = removals.length === 0 ? removals : removals.filter((r) => r.order > ins.order);
      if (later.some((r) => r.all || (ins.group !== undefined && r.names.has(ins.group)))) continue;
      const word = toolchainPackage(ins.packages, later);
      if (!word) continue;
      reported.add(ins.instr);
      report({ messageId: 'package', data: { pkg: pkgName(word) }, span: { start: word.start, end: word.end } });
    }
    for (const b of builds) {
      if (reported.has(b.instr) || (b.js && jsPrune > b.order)) continue;
      reported.add(b.instr);
      report({ messageId: 'build', data: { command: b.command }, span: b.span });
    }
  },
});

/** Does an own RUN (not an ONBUILD one) run npm, yarn or pnpm? */
function runsJs(df: Dockerfile): boolean {
  for (const n of JS_BUILD) if (runCommandsNamed(df, n).length > 0) return true;
  return false;
}

/** The `--virtual` (`-t`) group of an `apk add`, which a later `apk del <group>` removes. */
function virtualGroup(cmd: Command): string | undefined {
  const v = cmd.args.findIndex((a) => a.value === '-t' || a.value === '--virtual' || a.value.startsWith('--virtual='));
  if (v < 0) return undefined;
  return cmd.args[v].value.startsWith('--virtual=') ? cmd.args[v].value.slice(10) : cmd.args[v + 1]?.value;
}

/** The first installed toolchain package that no later removal takes out again. */
function toolchainPackage(packages: ShellWord[], later: readonly Removal[]): ShellWord | undefined {
  for (const w of packages) {
    const n = pkgName(w);
    if (isToolchain(n) && !later.some((r) => r.names.has(n))) return w;
  }
  return undefined;
}

/** `go build`, `./mvnw -B package`, `npm run build`: the command text and where its subcommand ends. */
function buildCommand(cmd: Command, name: string): { command: string; end: number } | undefined {
  const goals = BUILDS.get(name);
  if (goals) {
    const words = name === 'go' || name === 'cargo' || name === 'dotnet' ? cmd.args.slice(0, 1) : positionals(cmd.args, MAVEN_VALUE);
    const goal = words.find((w) => goals.has(w.value));
    return goal ? { command: `${name} ${goal.value}`, end: goal.end } : undefined;
  }
  if (JS_BUILD.has(name)) {
    const a = cmd.args;
    // `npm run build`, `yarn build`, `yarn run build`, `pnpm build`, `pnpm run build`
    const k = a[0]?.value === 'run' || a[0]?.value === 'run-script' ? 1 : name === 'npm' ? -1 : 0;
    if (k >= 0 && a[k] && /^build(?::|$)/.test(a[k].value)) return { command: `${name} ${a.slice(0, k + 1).map((w) => w.value).join(' ')}`, end: a[k].end };
  }
  return undefined;
}
