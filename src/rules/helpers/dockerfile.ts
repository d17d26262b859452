import type { Dockerfile, ImageRef, Instruction, Stage } from '../../model/dockerfile/types.js';
import type { Command, ShellWord } from '../../model/shell/types.js';
import type { Edit } from '../../finding.js';
import type { DockerfileContext } from '../types.js';
import { baseName } from '../../model/shell/parse.js';
import { partitionPoint } from '../../search.js';
import { parseImageRef } from '../../model/dockerfile/image-ref.js';
import { expandVars } from '../../model/dockerfile/expand.js';
import { parseImageName, type ImageName } from '../../model/compose/images.js';
import { isDevContainerPath } from './devcontainer.js';
import { isNextLinePragma } from '../../engine/suppressions.js';
import { innerCommand, isWrapper } from '../../model/shell/wrappers.js';

/**
 * Every instruction in file order; with `onbuild`, ONBUILD triggers are yielded too
 * (as the trigger instruction, whose `parent` is the ONBUILD).
 */
export function instructions(df: Dockerfile, opts: { onbuild?: boolean } = {}): readonly Instruction[] {
  return opts.onbuild ? indexOf(df).withTriggers : df.instructions;
}

export interface RunCommand {
  instr: Instruction;
  cmd: Command;
  stage: Stage | undefined;
  /** `cmd.base`, the command name without a path. */
  base: string;
}

/** Shell commands of every RUN (and, with `onbuild`, every ONBUILD RUN), in order. */
export function runCommands(df: Dockerfile, opts: { onbuild?: boolean } = {}): readonly RunCommand[] {
  return runIndex(df, !!opts.onbuild).all;
}

/**
 * The RUN commands (as `runCommands`) whose base name is `name` or one of `names`, in order:
 * a map lookup, so a rule about `apt-get` costs nothing on a file that never runs it.
 */
export function runCommandsNamed(df: Dockerfile, names: string | Iterable<string>, opts: { onbuild?: boolean } = {}): readonly RunCommand[] {
  const idx = runIndex(df, !!opts.onbuild);
  if (typeof names === 'string') return idx.byName.get(names) ?? NONE;
  // One lookup per name; a merged list (in file order) only when more than one of them runs.
  let found: readonly RunCommand[] = NONE;
  let several = false;
  for (const n of names) {
    const list = idx.byName.get(n);
    if (!list) continue;
    if (found === NONE) found = list;
    else several = true;
  }
  if (!several) return found;
  const wanted = new Set(names);
  return idx.all.filter((rc) => wanted.has(rc.base));
}

/** The RUN commands (as `runCommands`) whose base name passes `test`, in order; `test` runs once per distinct name. */
export function runCommandsWhere(df: Dockerfile, test: (base: string) => boolean, opts: { onbuild?: boolean } = {}): readonly RunCommand[] {
  const idx = runIndex(df, !!opts.onbuild);
  let found: readonly RunCommand[] = NONE;
  let matched: Set<string> | undefined;
  for (const [name, list] of idx.byName) {
    if (!test(name)) continue;
    if (found === NONE) found = list;
    else (matched ??= new Set([found[0].base])).add(name);
  }
  return matched ? idx.all.filter((rc) => matched.has(rc.base)) : found;
}

/**
 * Calls `visit` with the RUN commands (ONBUILD ones included) named `names`, one name after the other
 * rather than in file order: for rules that judge each command on its own, without the merged list
 * runCommandsNamed builds when several of the names run.
 */
export function forEachRunCommandNamed(df: Dockerfile, names: Iterable<string>, visit: (rc: RunCommand) => void): void {
  const byName = runIndex(df, true).byName;
  for (const n of names) {
    const list = byName.get(n);
    if (list) for (const rc of list) visit(rc);
  }
}

/**
 * The defaults of the ARGs declared before the first FROM, expanded (df.expand at a FROM does not see
 * them, and a stage's `ARG NAME` without a value takes its default from here).
 */
export function globalArgDefaults(df: Dockerfile): ReadonlyMap<string, string> {
  const idx = indexOf(df);
  if (idx.globalDefaults) return idx.globalDefaults;
  const out = new Map<string, string>();
  for (const a of df.globalArgs) for (const p of a.pairs) if (p.hasValue) out.set(p.key, expandVars(p.value, (n) => out.get(n), df.escape) ?? p.value);
  return (idx.globalDefaults = out);
}

/** The RUN commands (as `runCommands`) that carry `NAME=value` prefixes, in order. */
export function runCommandsAssigning(df: Dockerfile, opts: { onbuild?: boolean } = {}): readonly RunCommand[] {
  return runIndex(df, !!opts.onbuild).assigning;
}

/**
 * Does any RUN (ONBUILD ones included) run a command whose base name is in `names` (or passes the test)?
 * A cheap pre-check for rules that walk every command but only act on a few tools.
 */
export function runsAny(df: Dockerfile, names: Iterable<string> | ((base: string) => boolean)): boolean {
  const byName = runIndex(df, true).byName;
  if (typeof names === 'function') {
    for (const n of byName.keys()) if (names(n)) return true;
    return false;
  }
  for (const n of names) if (byName.has(n)) return true;
  return false;
}

const NONE: readonly RunCommand[] = [];

/**
 * The commands of one RUN (or ONBUILD RUN) in order, each wrapper followed by the command it runs
 * (`sudo rm -rf /var/lib/apt/lists/*` also as `rm -rf ...`): what a rule scans for a cleanup or an
 * install in the same RUN.
 */
export function commandsIn(df: Dockerfile, instr: Instruction): readonly Command[] {
  // Most files run no wrapper: then a RUN's commands are its script's.
  if (!runIndex(df, true).wrapped) return instr.keyword === 'RUN' ? df.script(instr).commands : NO_COMMANDS;
  const idx = indexOf(df);
  if (!idx.byRun) {
    idx.byRun = new Map();
    let list: Command[] = [];
    let prev: Instruction | undefined;
    for (const rc of runIndex(df, true).all) {
      if (rc.instr !== prev) idx.byRun.set((prev = rc.instr), (list = []));
      list.push(rc.cmd);
    }
  }
  return idx.byRun.get(instr) ?? NO_COMMANDS;
}
const NO_COMMANDS: readonly Command[] = [];

interface RunIndex {
  all: RunCommand[];
  byName: Map<string, RunCommand[]>;
  /** Commands with `NAME=value` prefixes (`X=1 cmd`, or `env X=1 cmd` read as such). */
  assigning: RunCommand[];
  /** Whether some command runs another (`sudo apt-get ...`), indexed as a command of its own. */
  wrapped: boolean;
}

interface FileIndex {
  withTriggers: Instruction[];
  /** Each RUN's commands with wrapped ones (commandsIn). */
  byRun?: Map<Instruction, Command[]>;
  /** globalArgDefaults' answer. */
  globalDefaults?: Map<string, string>;
  runs?: RunIndex;
  runsWithTriggers?: RunIndex;
  shells?: ShellIndex;
  /** The shell a `# hadolint shell=` comment names (null: none), once looked for. */
  shellPragma?: string[] | null;
  /** isDevContainer's answer (five rules ask). */
  devContainer?: boolean;
  /** perFile's values. */
  memo?: Map<symbol, unknown>;
}

/** Per stage: the exec-form SHELL instructions in order, and the shell in effect at its start and end (null: the default). */
interface ShellIndex {
  changes: Instruction[][];
  atStart: (string[] | null)[];
  atEnd: (string[] | null)[];
}

// Built once per parsed file on first use and kept on the model object: most rules only look at a few
// commands, and re-scanning every RUN for each of them was the linter's main cost. (A WeakMap would
// do too, but its entries make garbage collection markedly slower when many files are linted.)
const INDEX = Symbol('shipready.index');
type Indexed = Dockerfile & { [INDEX]?: FileIndex };

/**
 * A value worked out once per parsed file and kept with its index, for helpers that several rules
 * (or several findings) ask: the cache dies with the file, where a WeakMap keyed by the file would
 * keep every file alive through the young-generation collections and make them markedly slower.
 */
export function perFile<T>(df: Dockerfile, key: symbol, make: () => T): T {
  const memo = (indexOf(df).memo ??= new Map());
  if (memo.has(key)) return memo.get(key) as T;
  const value = make();
  memo.set(key, value);
  return value;
}

function indexOf(df: Dockerfile): FileIndex {
  let idx = (df as Indexed)[INDEX];
  if (!idx) {
    const withTriggers: Instruction[] = [];
    for (const i of df.instructions) {
      withTriggers.push(i);
      if (i.trigger) withTriggers.push(i.trigger);
    }
    idx = { withTriggers };
    (df as Indexed)[INDEX] = idx;
  }
  return idx;
}

function runIndex(df: Dockerfile, onbuild: boolean): RunIndex {
  const idx = indexOf(df);
  if (!idx.runsWithTriggers) {
    const all: RunCommand[] = [];
    const byName = new Map<string, RunCommand[]>();
    const assigning: RunCommand[] = [];
    let wrapped = false;
    for (const instr of idx.withTriggers) {
      if (instr.keyword !== 'RUN') continue;
      const stage = df.stages[instr.stage];
      for (const cmd of df.script(instr).commands) {
        // A wrapper (`sudo apt-get ...`, `env X=1 pip ...`, `xargs apk add`) is indexed under its own
        // name and, right after it, the command it runs under that command's name.
        for (let c: Command | undefined = cmd, depth = 0; c && depth < 4; c = isWrapper(c.base) ? innerCommand(c) : undefined, depth++) {
          const rc: RunCommand = { instr, cmd: c, stage, base: c.base };
          all.push(rc);
          const list = byName.get(rc.base);
          if (list) list.push(rc);
          else byName.set(rc.base, [rc]);
          if (c.assignments.length > 0) assigning.push(rc);
          if (depth > 0) wrapped = true;
        }
      }
    }
    idx.runsWithTriggers = { all, byName, assigning, wrapped };
  }
  if (onbuild) return idx.runsWithTriggers;
  // Without ONBUILD triggers: the same index when the file has none (the usual case), else a filtered copy.
  if (!idx.runs) {
    const full = idx.runsWithTriggers;
    if (idx.withTriggers.length === df.instructions.length) idx.runs = full;
    else {
      const own = (rc: RunCommand): boolean => rc.instr.parent === null;
      const byName = new Map<string, RunCommand[]>();
      for (const [name, list] of full.byName) {
        const kept = list.filter(own);
        if (kept.length > 0) byName.set(name, kept);
      }
      idx.runs = { all: full.all.filter(own), byName, assigning: full.assigning.filter(own), wrapped: full.wrapped };
    }
  }
  return idx.runs;
}

export { baseName };

/**
 * Does the command carry a flag? `short` lists single-letter flags (matched inside bundles like `-qy`),
 * `long` lists `--long` names (matched with or without `=value`).
 */
export function hasFlag(cmd: Command, short: string, long: string[] = []): boolean {
  return findFlag(cmd, short, long) !== undefined;
}

export function findFlag(cmd: Command, short: string, long: string[] = []): ShellWord | undefined {
  for (const w of cmd.args) {
    const v = w.value;
    if (v === '--') return undefined;
    if (isFlag(v, short, long)) return w;
  }
  return undefined;
}

function isFlag(v: string, short: string, long: readonly string[]): boolean {
  if (v.startsWith('--')) return long.includes(v.slice(2).split('=', 1)[0]);
  if (v.startsWith('-') && v.length > 1 && short) {
    for (let i = 1; i < v.length; i++) if (short.includes(v[i])) return true;
  }
  return false;
}

/**
 * findFlag, also reading unquoted variables the command splits into words (`apt-get install
 * $APT_FLAGS curl` with `ARG APT_FLAGS="-y --no-install-recommends"`), from their ARG/ENV values.
 */
export function findFlagResolved(df: Dockerfile, instr: Instruction, cmd: Command, short: string, long: string[] = []): ShellWord | undefined {
  const found = findFlag(cmd, short, long);
  if (found) return found;
  for (const w of cmd.args) {
    if (w.value === '--') return undefined;
    if (!w.expands || w.raw.startsWith('"')) continue;
    const v = df.expand(instr, w.value);
    if (v !== null && v.split(/\s+/).some((t) => isFlag(t, short, long))) return w;
  }
  return undefined;
}

/**
 * Positional arguments after the subcommand, skipping flags and the values of flags that take one.
 * `valueFlags` lists flags (with dashes, e.g. `-t`, `--target-release`) whose next word is a value;
 * with `getopt`, a bundle of short options ending in one of them takes it too (`-yt release`).
 */
export function positionals(args: ShellWord[], valueFlags: Iterable<string> = [], getopt = false): ShellWord[] {
  const out: ShellWord[] = [];
  let endOfFlags = false;
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (!endOfFlags && v === '--') { endOfFlags = true; continue; }
    if (!endOfFlags && v.startsWith('-') && v.length > 1) {
      if (!v.includes('=') && (getopt ? flagTakesNext(valueFlags, v) : takesValue(valueFlags, v))) i++;
      continue;
    }
    out.push(args[i]);
  }
  return out;
}

/**
 * Does flag word `v` take the next word as its value: it is one of `valueFlags`, or a bundle of
 * short options whose last one is (`-yt release`, as getopt reads it; not for tools whose
 * one-dash options are words, like mvn's `-DskipTests`)?
 */
function flagTakesNext(valueFlags: Iterable<string>, v: string): boolean {
  if (takesValue(valueFlags, v)) return true;
  return v.length > 2 && v[1] !== '-' && /^-[a-zA-Z]+$/.test(v) && takesValue(valueFlags, `-${v[v.length - 1]}`);
}

/**
 * Is `v` one of `valueFlags`? Asked only when a flag is met, without copying the list into a Set on
 * every call (these helpers run once per command per rule).
 */
function takesValue(valueFlags: Iterable<string>, v: string): boolean {
  if (Array.isArray(valueFlags)) return valueFlags.includes(v);
  if (valueFlags instanceof Set) return valueFlags.has(v);
  for (const f of valueFlags) if (f === v) return true;
  return false;
}

/** The index of the first non-flag argument (the subcommand), skipping values of `valueFlags`. */
export function subcommand(cmd: Command, valueFlags: Iterable<string> = []): { word: ShellWord; index: number } | undefined {
  for (let i = 0; i < cmd.args.length; i++) {
    const v = cmd.args[i].value;
    if (v.startsWith('-') && v.length > 1) {
      if (!v.includes('=') && takesValue(valueFlags, v)) i++;
      continue;
    }
    return { word: cmd.args[i], index: i };
  }
  return undefined;
}

/** The RUN's `--mount` flags of a given type (e.g. cache), with their target paths. */
export function mounts(instr: Instruction, type?: string): Array<{ type: string; target: string; options: Map<string, string> }> {
  const out: Array<{ type: string; target: string; options: Map<string, string> }> = [];
  for (const f of instr.flags) {
    if (f.name !== 'mount' || !f.options) continue;
    const t = f.options.get('type') ?? 'bind';
    if (type && t !== type) continue;
    out.push({ type: t, target: f.options.get('target') ?? f.options.get('dst') ?? f.options.get('destination') ?? '', options: f.options });
  }
  return out;
}

const LOOP = /(?:^|[\s;&|(])(?:for|while|until)\s/;

/**
 * Can ` && cleanup` be appended right after `cmd` without changing what runs before it? Only in a
 * shell-form RUN with a POSIX shell, no heredoc and no loop, with `cmd` outside any subshell, group
 * or pipeline and followed by nothing, `&&` or `;`, and not run by sudo or doas (the cleanup would
 * run as the stage's user, who cannot clean, or cleans another cache).
 */
export function canAppendAfter(df: Dockerfile, instr: Instruction, cmd: Command): boolean {
  return !instr.json && instr.heredocs.length === 0 && isPosixShell(df, instr) && !cmd.nested &&
    (cmd.after === '' || cmd.after === '&&' || cmd.after === ';') && !LOOP.test(df.script(instr).text) &&
    !runAsOtherUser(df, instr, cmd);
}

const USER_SWITCHERS = new Set(['sudo', 'doas']);

/** Is `cmd` the command a sudo or doas of this RUN runs (`sudo yum install ...`)? */
export function runAsOtherUser(df: Dockerfile, instr: Instruction, cmd: Command): boolean {
  const cmds = commandsIn(df, instr);
  // commandsIn lists a wrapper right before the command it runs.
  for (let k = cmds.indexOf(cmd) - 1; k >= 0 && cmds[k].start < cmd.start && cmds[k].end >= cmd.end; k--) {
    if (USER_SWITCHERS.has(cmds[k].base)) return true;
  }
  return false;
}

/** The SHELL in effect at an instruction (exec-form values), or null for the default `/bin/sh -c`. */
export function shellAt(df: Dockerfile, instr: Instruction): string[] | null {
  const stage = df.stages[instr.stage];
  if (!stage) return null;
  const shells = shellIndex(df);
  // A trigger runs in a later build, after the whole stage.
  if (instr.parent !== null) return shells.atEnd[stage.index];
  // The last SHELL before the instruction (binary search: a stage may hold thousands).
  const changes = shells.changes[stage.index];
  const before = partitionPoint(changes.length, (i) => changes[i].start >= instr.start);
  return before > 0 ? changes[before - 1].json!.values : shells.atStart[stage.index];
}

/** One pass over the stages (parents come first: FROM names only earlier stages). */
function shellIndex(df: Dockerfile): ShellIndex {
  const idx = indexOf(df);
  if (idx.shells) return idx.shells;
  const shells: ShellIndex = { changes: [], atStart: [], atEnd: [] };
  for (const s of df.stages) {
    const start = s.parentStage !== null ? shells.atEnd[s.parentStage] : baseImageShell(df, s);
    const changes: Instruction[] = [];
    for (const i of s.instructions) if (i.keyword === 'SHELL' && i.json) changes.push(i);
    shells.changes.push(changes);
    shells.atStart.push(start);
    shells.atEnd.push(changes.length > 0 ? changes[changes.length - 1].json!.values : start);
  }
  return (idx.shells = shells);
}

// Docker runs a Windows image's shell-form RUN, CMD and ENTRYPOINT with `cmd /S /C`.
const WINDOWS_SHELL = ['cmd', '/S', '/C'];
// Windows base images: Microsoft's (mcr.microsoft.com/windows/servercore, .NET Framework, the
// older microsoft/* names), others named so (`stefanscherer/node-windows`), and the Windows variants
// of official images (`golang:1.22-windowsservercore-ltsc2022`, `node:20-nanoserver`).
const WINDOWS_REPOSITORY = /(?:^|[/-])(?:windows|windowsservercore|nanoserver)(?:$|[/-])|^dotnet\/framework\/|^microsoft\/(?:dotnet-framework|aspnet|iis)(?:$|[/-])/;
const WINDOWS_TAG = /(?:^|[-.])(?:windowsservercore|nanoserver|servercore)(?:$|[-.])/;

// `# hadolint shell=powershell`: hadolint's way to say what shell the base image runs.
const SHELL_PRAGMA = /^hadolint\s+shell\s*=\s*(\S+)/i;

/**
 * The shell a stage's external base image runs shell forms with: the one a `# hadolint shell=`
 * comment names, cmd for a Windows image, else null (`/bin/sh -c`).
 */
function baseImageShell(df: Dockerfile, stage: Stage): string[] | null {
  const idx = indexOf(df);
  if (idx.shellPragma === undefined) {
    idx.shellPragma = null;
    for (const c of df.comments) {
      const m = SHELL_PRAGMA.exec(c.text);
      if (m) { idx.shellPragma = [m[1]]; break; }
    }
  }
  return idx.shellPragma ?? (isWindowsImage(stage.ref) ? WINDOWS_SHELL : null);
}

/** Is the image a Windows image (whose default shell is cmd)? Unresolved references are not. */
export function isWindowsImage(ref: ImageRef | null): boolean {
  if (!ref) return false;
  return WINDOWS_REPOSITORY.test(ref.repository) || (ref.tag !== null && WINDOWS_TAG.test(ref.tag));
}

/** `stage` and the stages it is built FROM, root first. */
export function stageChain(df: Dockerfile, stage: Stage): Stage[] {
  const chain = [stage];
  // A stage builds FROM an earlier one only, so following lower indexes always ends.
  for (let s = stage; s.parentStage !== null && s.parentStage < s.index; ) chain.push((s = df.stages[s.parentStage]));
  return chain.reverse();
}

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** Is the registry Docker Hub's (none named means Docker Hub)? */
export function isDockerHub(registry: string | null): boolean {
  return registry === null || DOCKER_HUB.has(registry);
}

/**
 * The Docker Hub image an instruction's stage is built on, at the root of its FROM chain (for an
 * ONBUILD trigger, the ONBUILD's stage); null when it is elsewhere or not known.
 */
export function dockerHubBase(df: Dockerfile, instr: Instruction): ImageName | null {
  const stage = df.stages[(instr.parent ?? instr).stage];
  const image = stage ? rootStage(df, stage).resolvedImage : null;
  if (!image) return null;
  const ref = parseImageName(image);
  return isDockerHub(ref.registry) ? ref : null;
}

/** The major version of the node image an instruction's stage is built on (`node:14.17-alpine` -> 14); null for other images. */
export function nodeImageMajor(df: Dockerfile, instr: Instruction): number | null {
  const ref = dockerHubBase(df, instr);
  const major = ref?.repository === 'node' && ref.tag ? /^(\d+)(?:[.-]|$)/.exec(ref.tag) : null;
  return major ? Number(major[1]) : null;
}

/** The stage at the root of `stage`'s FROM chain: the one built on an external image. */
export function rootStage(df: Dockerfile, stage: Stage): Stage {
  let s = stage;
  // A stage builds FROM an earlier one only, so following lower indexes always ends.
  while (s.parentStage !== null && s.parentStage < s.index) s = df.stages[s.parentStage];
  return s;
}

// Dev container images (mcr.microsoft.com/devcontainers/*, the older .../vscode/devcontainers/*).
const DEVCONTAINER_IMAGE = /^(?:vscode\/)?devcontainers\//;

/**
 * Is this a dev container: a Dockerfile in a `.devcontainer/` directory, one whose final image is
 * built on a dev container image, or one whose final stage is named `dev-envs`? It is an environment to develop in, never shipped, so the rules
 * about what the shipped image holds (toolchains, full base images, health checks, root) skip it.
 */
export function isDevContainer(df: Dockerfile): boolean {
  const idx = indexOf(df);
  return (idx.devContainer ??= devContainer(df));
}

function devContainer(df: Dockerfile): boolean {
  if (isDevContainerPath(df.source.path)) return true;
  const final = df.stages[df.stages.length - 1];
  if (!final) return false;
  // `dev-envs`: the stage Docker Dev Environments build (awesome-compose's convention).
  if (final.alias === 'dev-envs') return true;
  const root = rootStage(df, final);
  // A variable tag (`base:0-${VARIANT}`) leaves the repository known, and that is what decides here.
  const ref = root.ref ?? (root.image ? parseImageRef(root.image) : null);
  return !!ref && DEVCONTAINER_IMAGE.test(ref.repository);
}

/** Is the shell at this instruction POSIX-like (sh, bash, ash, dash, zsh, ksh)? */
export function isPosixShell(df: Dockerfile, instr: Instruction): boolean {
  return isPosixShellValue(shellAt(df, instr));
}

const POSIX_SHELL = /(^|[\\/])(sh|bash|ash|dash|zsh|ksh|busybox)(\.exe)?$/i;

/** As isPosixShell, for a SHELL already found (null or empty: the default `/bin/sh -c`). */
export function isPosixShellValue(shell: readonly string[] | null): boolean {
  return !shell || shell.length === 0 || POSIX_SHELL.test(shell[0]);
}

/**
 * An edit that adds `flag` right after word `w` (`apt-get install` -> `apt-get install -y`), in the
 * RUN's own form: ` flag` in shell form, `, "flag"` in exec form. Undefined when the word's text in
 * the file is not its raw text (a continuation or escape inside it), where an offset edit would land wrong.
 */
export function insertFlagAfter(df: Dockerfile, instr: Instruction, w: ShellWord, flag: string): Edit[] | undefined {
  if (df.source.text.slice(w.start, w.end) !== w.raw) return undefined;
  const exec = instr.json !== null && w.raw.startsWith('"');
  return [{ start: w.end, end: w.end, text: exec ? `, "${flag}"` : ` ${flag}` }];
}

/**
 * Package specs a word stands for; null when a variable has no known value (ARG/ENV defined
 * elsewhere). Options a variable holds are not packages (`ARG APK_FLAGS="--no-cache --virtual .deps"`,
 * `apk add $APK_FLAGS curl`), nor the values of the `valueFlags` among them.
 */
export function packageSpecs(df: Dockerfile, instr: Instruction, w: ShellWord, valueFlags: Iterable<string> = []): string[] | null {
  if (!w.expands) return [w.value];
  const v = df.expand(instr, w.value);
  if (v === null || v.includes('$') || v.includes('`')) return null;
  const out: string[] = [];
  const tokens = v.split(/\s+/);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.startsWith('-') && t.length > 1) {
      if (!t.includes('=') && takesValue(valueFlags, t)) i++;
      continue;
    }
    if (t !== '') out.push(t);
  }
  return out;
}

/**
 * An edit that deletes an instruction with its line(s), and the suppression comments right above
 * it (left behind, they would apply to the next instruction); undefined when something else shares
 * its first or last line.
 */
export function deleteInstruction(text: string, instr: Instruction): Edit | undefined {
  let lineStart = text.lastIndexOf('\n', instr.start - 1) + 1;
  if (!/^[ \t]*$/.test(text.slice(lineStart, instr.start))) return undefined;
  while (lineStart > 0) {
    const above = text.lastIndexOf('\n', lineStart - 2) + 1;
    const line = text.slice(above, lineStart).trim();
    if (!line.startsWith('#') || !isNextLinePragma(line.slice(1).trim())) break;
    lineStart = above;
  }
  let end = instr.end;
  while (text[end] === ' ' || text[end] === '\t') end++;
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  else if (end < text.length) return undefined;
  return { start: lineStart, end, text: '' };
}

/**
 * An edit that puts `line` on a line of its own before `instr`, indented alike, and above the
 * comment lines right over it: a `# hadolint ignore=` or `# shipready-ignore` there is meant for
 * `instr`, and must stay next to it.
 */
export function lineBefore(df: Dockerfile, instr: Instruction, line: string): Edit {
  const text = df.source.text;
  let lineStart = text.lastIndexOf('\n', instr.start - 1) + 1;
  const indent = text.slice(lineStart, instr.start);
  while (lineStart > 0) {
    const above = text.lastIndexOf('\n', lineStart - 2) + 1;
    if (!/^[ \t]*#/.test(text.slice(above, lineStart))) break;
    lineStart = above;
  }
  return { start: lineStart, end: lineStart, text: `${/^[ \t]*$/.test(indent) ? indent : ''}${line}${df.source.lineEnding}` };
}

/**
 * For rules about an instruction of which only a stage's last one counts (CMD, ENTRYPOINT,
 * HEALTHCHECK): reports each later one, with a fix that deletes the one before it, which never
 * takes effect.
 */
export function reportOverridden({ df, report }: DockerfileContext, keyword: string): void {
  for (const stage of df.stages) {
    let first: number | undefined;
    let previous: Instruction | undefined;
    for (const instr of stage.instructions) {
      if (instr.keyword !== keyword) continue;
      if (previous === undefined || first === undefined) first = instr.line;
      else {
        const edit = deleteInstruction(df.source.text, previous);
        report({ messageId: 'multiple', data: { first }, span: instr.keywordSpan, fix: edit ? { title: `Delete the ${keyword} on line ${previous.line}, which never takes effect`, edits: [edit] } : undefined });
      }
      previous = instr;
    }
  }
}
