import { defineRule } from '../types.js';
import { isPosixShellValue, lineBefore, shellAt, stageChain } from '../helpers/dockerfile.js';
import { parseImageName } from '../../model/compose/images.js';
import { stageDistro } from '../helpers/distro.js';
import type { Dockerfile, Instruction, Stage } from '../../model/dockerfile/types.js';
import type { Command } from '../../model/shell/types.js';
import type { Span } from '../../model/source.js';
import { partitionPoint } from '../../search.js';

/** `-o pipefail` (also in a bundle such as `-eo pipefail` / `-euxo pipefail`) among shell options. */
function setsPipefail(words: string[]): boolean {
  for (let i = 0; i + 1 < words.length; i++) {
    if (words[i + 1] === 'pipefail' && /^-[a-zA-Z]*o$/.test(words[i])) return true;
  }
  return false;
}

// Commands that cannot fail on the left of a pipe: pipefail would change nothing (for `yes` it even breaks the step).
const SAFE_LEFT = new Set(['echo', 'printf', 'true', ':', 'yes']);
const isPipe = (op: string) => op === '|' || op === '|&';

/**
 * The operator of the first pipe whose left side can fail (or the command after it when the operator
 * is not found). `from` is where the script's instruction starts. Linear in the script (after a
 * sort): a RUN of thousands of pipes was quadratic.
 */
function riskyPipe(text: string, cmds: Command[], from: number): Span | undefined {
  const rights: Command[] = [];
  let ordered = true;
  for (const c of cmds) {
    if (!isPipe(c.before)) continue;
    if (rights.length > 0 && c.start < rights[rights.length - 1].start) ordered = false;
    rights.push(c);
  }
  if (rights.length === 0) return undefined;
  if (!ordered) rights.sort((a, b) => a.start - b.start);
  // The left side of a pipe is the command that ends last before it. A RUN with a pipe or two
  // (nearly all) scans for it; one with many walks the commands sorted by end once.
  const byEnd = rights.length > 2 ? [...cmds].sort((a, b) => a.end - b.end) : null;
  let k = 0;
  let left: Command | undefined;
  let nesting: Nesting | undefined;
  for (const right of rights) {
    if (byEnd) {
      for (; k < byEnd.length && byEnd[k].end <= right.start; k++) if (!left || byEnd[k].end > left.end) left = byEnd[k];
    } else {
      left = undefined;
      for (const c of cmds) if (c.end <= right.start && (!left || c.end > left.end)) left = c;
    }
    // A group or subshell on the left counts as able to fail, unless all of it cannot.
    if (left && isPipe(left.after) && SAFE_LEFT.has(left.base)) continue;
    if (right.nested && (nesting ??= nestingOf(cmds)).container.get(right)?.name) continue;
    const at = text.lastIndexOf('|', right.start - 1);
    if (left && at >= left.end && closesGroup(text, left.end, at) && safeGroup(text, (nesting ??= nestingOf(cmds)).tops, from, at)) continue;
    return left && at >= left.end ? { start: at, end: at + (right.before === '|&' ? 2 : 1) } : { start: right.start, end: right.end };
  }
  return undefined;
}

/**
 * Which command's words each command is inside (`ls` in `cp "$(ls | sed x)"`), and the commands
 * inside none, in order. A pipe inside a named command's `$(...)` has its status thrown away
 * (`cp a "$(ls | sed x)"`, `export V=$(a | b)`); in a plain assignment (`V=$(curl | jq)`) the
 * status is the assignment's, and pipefail matters.
 */
interface Nesting {
  container: Map<Command, Command>;
  tops: Command[];
}

function nestingOf(cmds: readonly Command[]): Nesting {
  const sorted = [...cmds].sort((a, b) => a.start - b.start);
  const container = new Map<Command, Command>();
  const tops: Command[] = [];
  const open: Command[] = [];
  for (const c of sorted) {
    while (open.length > 0 && open[open.length - 1].end < c.end) open.pop();
    const outer = open[open.length - 1];
    if (outer && outer.start < c.start) container.set(c, outer);
    else tops.push(c);
    open.push(c);
  }
  return { container, tops };
}

/** Does the text between a command and the pipe after it close a group or subshell (`; }`, `)`)? */
function closesGroup(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7d /* } */ || c === 0x29 /* ) */) return true;
  }
  return false;
}

/**
 * Is the left side of the pipe at `at` a group or subshell (`{ echo a; printf b; } | tee f`) of
 * commands that cannot fail? Its members are commands inside no other's words (`tops`, in order);
 * the brackets are counted in the text between them, walking back from the pipe.
 */
function safeGroup(text: string, tops: readonly Command[], from: number, at: number): boolean {
  // The commands before the pipe: tops do not overlap, so their ends are in order too.
  const before = partitionPoint(tops.length, (i) => tops[i].end > at);
  let depth = 0;
  let gapEnd = at;
  for (let k = before - 1; k >= -1; k--) {
    const gapStart = k >= 0 ? tops[k].end : from;
    for (let i = gapStart; i < gapEnd; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 0x7d /* } */ || ch === 0x29 /* ) */) depth++;
      else if (ch === 0x7b /* { */ || ch === 0x28 /* ( */) depth--;
    }
    // Back at the level of the pipe: the group opened in this gap (or there was none).
    if (depth <= 0) return k < before - 1;
    if (k < 0 || !SAFE_LEFT.has(tops[k].base)) return false;
    gapEnd = tops[k].start;
  }
  return false;
}

/**
 * Does a FROM in the stage's chain name its image or stage with a variable (`FROM build-${VARIANT}`,
 * `FROM ${REGISTRY}/base`)? Built with another value, the stage may be on a distribution whose shell
 * differs, so no SHELL is written for it.
 */
function variableBase(df: Dockerfile, stage: Stage | undefined): boolean {
  return stage !== undefined && stageChain(df, stage).some((s) => parseImageName(s.image).repository.includes('$'));
}

/**
 * The shell to suggest, from the image the stage is built on: alpine has no bash (its sh is
 * BusyBox ash, which has pipefail), nor has busybox; the others are taken to have bash.
 */
function suggestedShell(df: Dockerfile, stage: Stage | undefined): string {
  const distro = stageDistro(df, stage);
  return distro === 'alpine' ? '"/bin/ash"' : distro === 'busybox' ? '"/bin/sh"' : '"/bin/bash"';
}

export default defineRule({
  id: 'DF072',
  name: 'pipefail-missing',
  aliases: ['DL4006'],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fixable: 'unsafe',
    status: 'stable',
    docs: {
      summary: 'RUN with a pipe while the shell does not use `-o pipefail`.',
      why: 'A pipeline\'s exit status is that of its last command. In `curl -fsSL $URL | tar -xz`, a failed download still lets the step succeed, and the build goes on with a broken layer. Set `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before such RUNs (on alpine, which has no bash, `/bin/ash`: the message names the shell that fits the base image; zsh works too), or, where the shell has it (bash, zsh, BusyBox ash; not dash, the /bin/sh of Debian and Ubuntu), start the script with `set -o pipefail`: the message offers that only where the shell in effect has it. Not reported where the left side cannot fail (echo, printf, a group of them) or where the pipe\'s status is thrown away (in a `$(...)` that is an argument of another command). The unsafe fix writes that SHELL before the stage\'s first such RUN; none for exec-form RUNs, or where a FROM names its image or stage with a variable (built with another value, the shell may differ).',
      bad: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/app.tgz | tar -xz -C /opt\n',
      good: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/app.tgz | tar -xz -C /opt\n',
    },
    messages: {
      pipefail: 'A failure on the left of this pipe is ignored; set SHELL [{{shell}}, "-o", "pipefail", "-c"] before this RUN (or `set -o pipefail` at the start of the script).',
      pipefailExec: 'A failure on the left of this pipe is ignored; this exec form runs its own shell, which SHELL does not change: run it as [{{shell}}, "-o", "pipefail", "-c", "..."].',
      pipefailDash: 'A failure on the left of this pipe is ignored; set SHELL [{{shell}}, "-o", "pipefail", "-c"] before this RUN (not `set -o pipefail` in the script: dash, the /bin/sh of Debian and Ubuntu, rejects it).',
    },
  },
  check({ df, report }) {
    const text = df.source.text;
    // One SHELL per stage is enough: the fix goes before the stage's first risky RUN only.
    const fixed = new Set<number>();
    for (const instr of df.instructions) {
      if (instr.keyword !== 'RUN') continue;
      const script = df.script(instr);
      if (!script.hasPipe) continue;
      // SHELL does not reach an exec-form RUN: its own shell and options run the script.
      const shell = instr.json ? instr.json.values.slice(0, -1) : shellAt(df, instr);
      if (!isPosixShellValue(shell) || (shell && setsPipefail(shell))) continue;
      const pipe = riskyPipe(text, script.commands, instr.start);
      if (!pipe || setsPipefailBefore(text, script.commands, pipe.start)) continue;
      const suggested = suggestedShell(df, df.stages[instr.stage]);
      // SHELL does not reach an exec-form RUN, which names its shell itself.
      // Decided once per stage, at its first shell-form risky RUN (also when withheld: the checks walk the stage).
      let fix;
      if (!instr.json && !fixed.has(instr.stage)) {
        fixed.add(instr.stage);
        if (!variableBase(df, df.stages[instr.stage]) && !sigpipeLater(df, instr)) fix = { title: 'Set a SHELL with pipefail before this RUN', edits: [lineBefore(df, instr, `SHELL ${pipefailShell(shell, suggested)}`)] };
      }
      const messageId = instr.json ? 'pipefailExec' : scriptCanSetPipefail(df, instr.stage, shell) ? 'pipefail' : 'pipefailDash';
      report({ messageId, data: { shell: suggested }, span: pipe, fix });
    }
  },
});

// Shells whose `-o pipefail` is known (dash, the /bin/sh of Debian and Ubuntu, got it only lately).
const PIPEFAIL_SHELLS = /(?:^|\/)(?:bash|zsh|ash|ksh|mksh)$/;

/**
 * Would a SHELL with pipefail written before `instr` break a later RUN of its stage? A pipe whose
 * reader stops early (`yes | apt-get ...`, `... | head -1`, `... | grep -q x`) kills its writer with
 * SIGPIPE, and pipefail turns that into a failed step.
 */
function sigpipeLater(df: Dockerfile, instr: Instruction): boolean {
  // The stage's own instructions only: asked once per stage, this stays linear in the file.
  for (const later of df.stages[instr.stage]?.instructions ?? []) {
    if (later.start < instr.start || later.parent !== null) continue;
    if (later.keyword === 'SHELL') return false;
    if (later.keyword !== 'RUN' || later.json || !df.script(later).hasPipe) continue;
    for (const c of df.script(later).commands) {
      if (c.after === '|' && c.base === 'yes') return true;
      if (c.before === '|' && (c.base === 'head' || (c.base === 'grep' && c.args.some((a) => /^-[a-zA-Z]*[qm]/.test(a.value) || a.value === '--quiet' || a.value.startsWith('--max-count'))))) return true;
    }
  }
  return false;
}

/**
 * Can the RUN's script turn pipefail on itself? Under a SHELL naming bash, zsh, ash..., or under the
 * default /bin/sh of alpine and busybox (ash). Elsewhere /bin/sh may be dash (Debian, Ubuntu).
 */
function scriptCanSetPipefail(df: Dockerfile, stage: number, shell: string[] | null): boolean {
  if (shell && shell.length > 0) return PIPEFAIL_SHELLS.test(shell[0]);
  const distro = stageDistro(df, df.stages[stage]);
  return distro === 'alpine' || distro === 'busybox';
}

/** The SHELL to set: the stage's own shell with `-o pipefail` when it has one, else the suggested one. */
function pipefailShell(current: string[] | null, suggested: string): string {
  if (current && current.length > 0 && PIPEFAIL_SHELLS.test(current[0])) {
    const rest = current.slice(1);
    return JSON.stringify([current[0], '-o', 'pipefail', ...(rest[rest.length - 1] === '-c' ? rest : [...rest, '-c'])]).replace(/","/g, '", "');
  }
  return `[${suggested}, "-o", "pipefail", "-c"]`;
}

/** `set -o pipefail` before the first pipe (e.g. at the top of a heredoc script) also covers it. */
function setsPipefailBefore(text: string, cmds: Command[], pipeStart: number): boolean {
  for (const c of cmds) {
    // (A `set` in a subshell that closes before the pipe, `(set -o pipefail) && a | b`, does not reach it.)
    if (c.name === 'set' && c.start < pipeStart && setsPipefail(c.args.map((a) => a.value)) && !(c.nested && text.slice(c.end, pipeStart).includes(')'))) return true;
  }
  return false;
}
