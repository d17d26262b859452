/**
 * Text that a Dockerfile writes into files: `sed -i` edits, `echo ... > file` and data heredocs
 * (`COPY <<EOF /etc/x.conf`, `RUN cat > /etc/x.conf <<EOF`). Shared by the rules that read
 * settings written into a tool's config (package-verification-disabled, tls-verification-disabled).
 */
import type { Dockerfile, Heredoc, Instruction } from '../../model/dockerfile/types.js';
import type { Command, ShellWord } from '../../model/shell/types.js';
import { enclosingGroups } from '../../model/shell/parse.js';
import type { Span } from '../../model/source.js';
import { heredocIsScript, heredocOwner } from '../../model/dockerfile/parse.js';
import { innermostCommand } from '../../model/shell/wrappers.js';

// sed options that take a value (the script, a script file, a line length).
const SED_VALUE = new Set(['-e', '--expression', '-f', '--file', '-l', '--line-length']);

/**
 * `sed -i` (also `-i.bak`, `--in-place`, `-Ei`): its scripts (the -e/--expression values, else the
 * first operand) and the files it edits (the other operands). Undefined when it edits no file in place.
 */
export function sedEdit(cmd: Command): { scripts: ShellWord[]; files: ShellWord[] } | undefined {
  const scripts: ShellWord[] = [];
  const operands: ShellWord[] = [];
  let inPlace = false;
  const args = cmd.args;
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === '--in-place' || v.startsWith('--in-place=')) inPlace = true;
    else if (v === '-e' || v === '--expression') {
      if (args[i + 1]) scripts.push(args[++i]);
    } else if (v.startsWith('--expression=')) scripts.push(args[i]);
    else if (SED_VALUE.has(v)) i++;
    else if (/^-[a-zA-Z]/.test(v)) {
      // A bundle: -i takes the rest as its suffix; -e, -f and -l the rest or the next word.
      for (let k = 1; k < v.length; k++) {
        const c = v[k];
        if (c === 'i') { inPlace = true; break; }
        if (c === 'e' || c === 'f' || c === 'l') {
          if (k === v.length - 1 && args[i + 1]) { if (c === 'e') scripts.push(args[i + 1]); i++; }
          else if (c === 'e') scripts.push(args[i]);
          break;
        }
      }
    } else if (!v.startsWith('-')) operands.push(args[i]);
  }
  if (!inPlace) return undefined;
  if (scripts.length === 0 && operands.length > 0) scripts.push(operands.shift()!);
  return { scripts, files: operands };
}

/**
 * The text sed's `s` commands put in (`s/gpgcheck=1/gpgcheck=0/` -> `gpgcheck=0`) and its
 * one-line `a`, `i` and `c` texts (`/\[main\]/a gpgcheck=0`).
 */
export function sedWrites(script: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    const prev = i === 0 ? ';' : script[i - 1];
    if (c === 's' && /[\s;{}!\/\d$]/.test(prev) && i + 1 < script.length && !/[\s\\\na-zA-Z0-9]/.test(script[i + 1])) {
      const d = script[i + 1];
      const pat = readUntil(script, i + 2, d);
      const rep = pat < 0 ? -1 : readUntil(script, pat + 1, d);
      // An unterminated s command is an error to sed: nothing after it runs (and no rescans).
      if (rep < 0) break;
      out.push(script.slice(pat + 1, rep));
      i = rep;
    } else if ((c === 'a' || c === 'i' || c === 'c') && /[\/\d$]/.test(prev)) {
      const m = /^[aic]\\?\s*([^;\n]*)/.exec(script.slice(i));
      if (m && m[1]) out.push(m[1]);
    }
  }
  return out;
}

/** Index of the next `d` not escaped by a backslash, from `i`; -1 when there is none. */
function readUntil(s: string, i: number, d: string): number {
  for (; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === d) return i;
  }
  return -1;
}

/** The span of `text` inside the first of `words` whose source holds it. */
export function findIn(df: Dockerfile, words: readonly ShellWord[], text: string): Span | undefined {
  for (const w of words) {
    const at = df.source.text.slice(w.start, w.end).indexOf(text);
    if (at >= 0) return { start: w.start + at, end: w.start + at + text.length };
  }
  return undefined;
}

/** The span of `text` inside the first of `words` whose source holds it, else the whole word list. */
export function within(df: Dockerfile, words: readonly ShellWord[], text: string): Span {
  return findIn(df, words, text) ?? { start: words[0].start, end: words[words.length - 1].end };
}

/** The lines of `text` with their offsets in it. */
export function linesOf(text: string): Array<{ line: string; at: number }> {
  const out: Array<{ line: string; at: number }> = [];
  let at = 0;
  for (const line of text.split('\n')) {
    out.push({ line, at });
    at += line.length + 1;
  }
  return out;
}

/**
 * Heredocs that are data rather than a script (`COPY <<EOF /etc/x.conf`, `RUN cat > /etc/x.conf <<EOF`),
 * ONBUILD triggers' included, each with the instruction that has it.
 */
export function dataHeredocs(df: Dockerfile): Array<{ instr: Instruction; hd: Heredoc }> {
  const out: Array<{ instr: Instruction; hd: Heredoc }> = [];
  for (const instr of df.instructions) {
    for (const target of instr.trigger ? [instr, instr.trigger] : [instr]) {
      if (target.heredocs.length === 0) continue;
      const data = target.keyword === 'COPY' || target.keyword === 'ADD';
      if (!data && target.keyword !== 'RUN') continue;
      for (const hd of target.heredocs) {
        if (data || !heredocIsScript(df.script(target).commands, hd)) out.push({ instr: target, hd });
      }
    }
  }
  return out;
}

/** Redirections that send standard output to a file. */
const TO_FILE = new Set(['>', '>>', '>|', '&>', '&>>']);

/** Does the redirection at `i` name a descriptor other than standard output (`2> file` writes the errors)? */
function otherFd(text: string, i: number): boolean {
  let j = i;
  while (j > 0 && text.charCodeAt(j - 1) >= 48 && text.charCodeAt(j - 1) <= 57) j--;
  // Digits glued to a word are part of it (`sslverify=0>>f`).
  return j < i && (j === 0 || /\s/.test(text[j - 1])) && text.slice(j, i) !== '1';
}

/** `tee`'s files: its operands (it takes no option with a separate value). */
const teeFiles = (tee: Command): ShellWord[] => tee.args.filter((a) => !a.value.startsWith('-'));

/**
 * The files a command's standard output goes to: its `>`/`>>` targets, and the files of the `tee` it
 * pipes into (`echo x | sudo tee -a /etc/x.conf`). `commands` are the RUN's (df.script) commands.
 */
export function outputFiles(df: Dockerfile, commands: readonly Command[], cmd: Command): ShellWord[] {
  const files: ShellWord[] = [];
  const text = df.source.text;
  // Where the command's own output goes; else that of the groups around it (`{ echo a; } > f`).
  for (const to of [cmd, ...enclosingGroups(cmd)]) {
    let redirected = false;
    for (const r of to.redirects) {
      if (!STDOUT.has(r.op) || otherFd(text, r.start)) continue;
      redirected = true;
      if (r.target && TO_FILE.has(r.op)) files.push(r.target);
    }
    if (to.after === '|') {
      const next = nextCommand(commands, to);
      const tee = next && next.before === '|' ? innermostCommand(next) : undefined;
      if (tee?.base === 'tee') files.push(...teeFiles(tee));
      return files;
    }
    if (redirected) return files;
  }
  return files;
}

/** Redirections of standard output: to a file, or to another descriptor (`>&2`). */
const STDOUT = new Set([...TO_FILE, '>&']);

// The last script's commands by start, so that finding the one after a pipe is a binary search, not
// a scan (a RUN with thousands of `| tee` pipes was quadratic). One entry, not a WeakMap: a scavenge
// keeps a WeakMap's values alive, and these hold a whole script.
let sortedFor: readonly Command[] | undefined;
let sortedByStart: Command[] = [];

/** The first command (by position) that starts after `cmd` ends, at the same nesting. */
function nextCommand(commands: readonly Command[], cmd: { end: number; nested: boolean }): Command | undefined {
  if (sortedFor !== commands) {
    sortedFor = commands;
    sortedByStart = [...commands].sort((a, b) => a.start - b.start);
  }
  const sorted = sortedByStart;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].start < cmd.end) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sorted.length; i++) if (sorted[i].nested === cmd.nested) return sorted[i];
  return undefined;
}

/**
 * The paths a data heredoc is written to: a COPY/ADD destination (a directory when it ends in `/` or
 * takes several heredocs: the file is then named after the delimiter), or the files the RUN command
 * that reads it writes (`cat > f <<EOF`, `tee f <<EOF`, `cat <<EOF | tee f`).
 */
export function heredocFiles(df: Dockerfile, instr: Instruction, hd: Heredoc): string[] {
  if (instr.keyword !== 'RUN') {
    const dest = instr.words[instr.words.length - 1]?.value ?? '';
    if (dest === '' || dest.startsWith('<<')) return [];
    return [dest.endsWith('/') || instr.heredocs.length > 1 ? `${dest.replace(/\/*$/, '')}/${hd.delimiter}` : dest];
  }
  const commands = df.script(instr).commands;
  const owner = heredocOwner(commands, hd);
  if (!owner) return [];
  const inner = innermostCommand(owner);
  const files = outputFiles(df, commands, owner).map((w) => w.value);
  return inner.base === 'tee' ? [...teeFiles(inner).map((w) => w.value), ...files] : files;
}
