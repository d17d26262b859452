/**
 * Shared reading of an image model for the image rules: history steps (which Dockerfile
 * instruction made each entry, with its build args), RUN scripts as shell commands, account files,
 * the config's environment, and small path utilities. Lookups through symlinks live in
 * src/model/image/fs.ts.
 */
import { baseBoundaryIndex } from '../../model/image/economics.js';
import { readFile } from '../../model/image/fs.js';
import type { ImageFile, ImageModel } from '../../model/image/types.js';
import { innermostCommand } from '../../model/shell/wrappers.js';
import type { Command } from '../../model/shell/types.js';
import { baseName } from './dockerfile.js';

import { isShellForm, shellCommands } from './script.js';

export { cleanScript, isShellForm, parseScript, shellCommands, SHELLS, shorten } from './script.js';

export { formatBytes } from '../../model/image/summary.js';
export { baseName };

/** One history entry, decoded. */
export interface HistoryStep {
  /** Position in `image.history`. */
  index: number;
  /** The layer it made (non-empty entries pair with layers in order). */
  layer?: number;
  /** `RUN`, `ADD`, `COPY`, `ENV`, `ARG`, `CMD`, ... (upper case). */
  instruction: string;
  /** What follows the instruction: for RUN the shell script, for ADD/COPY the sources and destination. */
  args: string;
  /** Build args the classic builder and BuildKit record before a RUN: `|2 A=1 B=2 /bin/sh -c ...`. */
  buildArgs: Array<{ key: string; value: string }>;
  createdBy: string;
  emptyLayer: boolean;
  /** Made by the base image (at or below the base boundary found from history). */
  base: boolean;
}

/** `history[3].created_by`: the field findings about a history entry point at. */
export const historyField = (step: HistoryStep): string => `history[${step.index}].created_by`;

const INSTRUCTION = /^(RUN|ADD|COPY|ENV|ARG|CMD|ENTRYPOINT|WORKDIR|USER|LABEL|EXPOSE|VOLUME|HEALTHCHECK|SHELL|STOPSIGNAL|ONBUILD|MAINTAINER)(?=\s|\[|$)\s*/;
const SHELL_C = /^(?:\/(?:usr\/)?bin\/)?(?:sh|bash|ash|dash)\s+-c\s+/;
const NOP = /^\/bin\/sh -c #\(nop\)\s*/;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** `KEY=v1 OTHER=v 2` -> pairs; a value runs until the next ` NAME=` (values may hold spaces). */
export function splitAssignments(text: string): Array<{ key: string; value: string }> {
  const out: Array<{ key: string; value: string }> = [];
  for (const part of text.trim().split(/\s+(?=[A-Za-z_][A-Za-z0-9_]*=)/)) {
    const eq = part.indexOf('=');
    if (eq <= 0 || !ASSIGNMENT.test(part)) continue;
    out.push({ key: part.slice(0, eq), value: unquote(part.slice(eq + 1)) });
  }
  return out;
}

function unquote(s: string): string {
  const t = s.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) return t.slice(1, -1);
  return t;
}

/** `|2 A=1 B=2 rest` -> the build args and the rest. */
function stripBuildArgs(text: string): { buildArgs: Array<{ key: string; value: string }>; rest: string } {
  const m = /^\|(\d+)\s+/.exec(text);
  if (!m) return { buildArgs: [], rest: text };
  const count = Number(m[1]);
  const after = text.slice(m[0].length);
  // The args end where the shell starts; without a shell, take `count` words.
  const shell = /\s(?:\/(?:usr\/)?bin\/)?(?:sh|bash|ash|dash)\s+-c\s/.exec(after);
  if (shell) return { buildArgs: splitAssignments(after.slice(0, shell.index)).slice(0, count), rest: after.slice(shell.index + 1) };
  const words = after.split(/\s+/);
  return { buildArgs: splitAssignments(words.slice(0, count).join(' ')), rest: words.slice(count).join(' ') };
}

/** Decode one `created_by` (classic builder, BuildKit, buildah/podman, kaniko spellings). */
export function decodeCreatedBy(createdBy: string): Pick<HistoryStep, 'instruction' | 'args' | 'buildArgs'> {
  let text = createdBy.trim().replace(/\s*#\s*buildkit\s*$/, '');
  let instruction = '';
  const nop = NOP.exec(text);
  if (nop) {
    text = text.slice(nop[0].length);
    const m = INSTRUCTION.exec(text);
    if (m) return { instruction: m[1], args: text.slice(m[0].length).trim(), buildArgs: [] };
    return { instruction: '', args: text.trim(), buildArgs: [] };
  }
  const kw = INSTRUCTION.exec(text);
  if (kw) {
    instruction = kw[1];
    text = text.slice(kw[0].length);
    if (instruction !== 'RUN') return { instruction, args: text.trim(), buildArgs: [] };
  }
  // A RUN: optional build args, then usually `/bin/sh -c <script>`.
  const { buildArgs, rest } = stripBuildArgs(text);
  const sh = SHELL_C.exec(rest);
  return { instruction: 'RUN', args: (sh ? rest.slice(sh[0].length) : rest).trim(), buildArgs };
}

const stepsCache = new WeakMap<ImageModel, HistoryStep[]>();

/** Every history entry of the image, decoded, with the layer it made. */
export function historySteps(image: ImageModel): HistoryStep[] {
  const cached = stepsCache.get(image);
  if (cached) return cached;
  const boundary = baseBoundaryIndex(image.history);
  let layer = 0;
  const steps = image.history.map((h, index): HistoryStep => {
    const step: HistoryStep = { index, ...decodeCreatedBy(h.createdBy), createdBy: h.createdBy, emptyLayer: h.emptyLayer, base: index <= boundary };
    if (!h.emptyLayer && layer < image.layers.length) step.layer = layer++;
    return step;
  });
  stepsCache.set(image, steps);
  return steps;
}

/**
 * A command with `sudo`, `env`, `nice`... prefixes removed, so `sudo apt-get update` reads as
 * `apt-get update`. Returns the base name and the words after it.
 */
export function unwrapCommand(cmd: Command): { name: string; args: string[] } {
  const c = innermostCommand(cmd);
  return { name: c.base, args: c.args.map((w) => w.value) };
}

/** The first word after options (`apt-get -qq update` -> `update`); `valueFlags` take the next word. */
export function subcommandOf(args: string[], valueFlags: readonly string[] = []): { word: string; index: number } | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return i + 1 < args.length ? { word: args[i + 1], index: i + 1 } : undefined;
    if (a.startsWith('-')) {
      if (valueFlags.includes(a)) i++;
      continue;
    }
    return { word: a, index: i };
  }
  return undefined;
}

/** RUN steps with their commands, parsed once per image. */
export interface RunStep {
  step: HistoryStep;
  commands: Command[];
}

const runCache = new WeakMap<ImageModel, RunStep[]>();

export function runSteps(image: ImageModel): RunStep[] {
  const cached = runCache.get(image);
  if (cached) return cached;
  const out = historySteps(image)
    .filter((s) => s.instruction === 'RUN' && s.args !== '')
    .map((step) => ({ step, commands: shellCommands(step.args) }));
  runCache.set(image, out);
  return out;
}

/** One line of /etc/passwd, /etc/group or /etc/shadow with its fields. */
export interface AccountLine {
  name: string;
  fields: string[];
  line: number;
}

/** Colon-separated account file lines (comments, blanks and NIS `+`/`-` lines skipped); undefined when the file is absent. */
export function accountFile(image: ImageModel, path: string): AccountLine[] | undefined {
  const data = readFile(image, path);
  if (!data) return undefined;
  const out: AccountLine[] = [];
  data.toString('utf8').split(/\r?\n/).forEach((text, i) => {
    if (!text.trim() || text.startsWith('#') || text.startsWith('+') || text.startsWith('-')) return;
    const fields = text.split(':');
    out.push({ name: fields[0], fields, line: i + 1 });
  });
  return out;
}

/** Is `path` the same as or below `dir`? */
export function isUnder(path: string, dir: string): boolean {
  return dir === '/' || path === dir || path.startsWith(dir + '/');
}

/** Normalise a path from the config (volumes, user-given option values) the way layer paths are. */
export { normalizeLayerPath as normalizePath } from '../../model/image/paths.js';

/** Regular files (and hardlinks to them) of the merged filesystem. */
export function* regularFiles(image: ImageModel): Generator<ImageFile> {
  for (const f of image.files.values()) if (f.type === 'file' || f.type === 'hardlink') yield f;
}

/** Bytes, file count and newest layer of the regular files below `dir`. */
export interface TreeTotal {
  bytes: number;
  files: number;
  /** The highest layer index that wrote a file there (-1 when none). */
  layer: number;
}

export function addToTotal(t: TreeTotal, f: ImageFile): void {
  t.bytes += f.type === 'file' ? f.size : 0;
  t.files++;
  if (f.layer > t.layer) t.layer = f.layer;
}

export const emptyTotal = (): TreeTotal => ({ bytes: 0, files: 0, layer: -1 });

/** `3 files` / `1 file`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Options that extend a default list: a user list replaces nothing, it adds. */
export function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function numberOption(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** What the container runs: the entrypoint, else the cmd, with the config field it comes from. */
export function startCommand(image: ImageModel): { argv: string[]; field: 'config.Entrypoint' | 'config.Cmd' } | undefined {
  const ep = image.config.entrypoint;
  if (ep && ep.length > 0) return { argv: ep, field: 'config.Entrypoint' };
  const cmd = image.config.cmd;
  if (cmd && cmd.length > 0) return { argv: cmd, field: 'config.Cmd' };
  return undefined;
}

/**
 * The script of a shell-form command, else undefined: `["/bin/sh", "-c", "..."]`, or the config's
 * `Shell` followed by one string, which is how the builders store `CMD node server.js` after a
 * SHELL instruction (`["/bin/bash", "-o", "pipefail", "-c", "node server.js"]`).
 */
export function shellFormScript(image: ImageModel, argv: readonly string[] | null): string | undefined {
  if (!argv) return undefined;
  const shell = image.config.shell;
  if (shell && argv.length === shell.length + 1 && shell.every((word, i) => argv[i] === word)) return argv[shell.length];
  return isShellForm(argv) ? argv.slice(2).join(' ') : undefined;
}

/** Windows images have no /etc/passwd, PATH of the same kind or POSIX shells: the file-system checks do not apply. */
export function isWindows(image: ImageModel): boolean {
  return image.platform.os.toLowerCase() === 'windows';
}
