import { defineRule } from '../types.js';
import { runCommandsNamed } from '../helpers/dockerfile.js';
import type { Instruction } from '../../model/dockerfile/types.js';
import type { Command, ShellWord } from '../../model/shell/types.js';

/** Normalise a path for comparison: no trailing slashes, no leading `./` (after removing those). */
function norm(p: string): string {
  let end = p.length;
  while (end > 0 && p.charCodeAt(end - 1) === 0x2f /* / */) end--;
  const start = end >= 2 && p.charCodeAt(0) === 0x2e /* . */ && p.charCodeAt(1) === 0x2f ? 2 : 0;
  return start === 0 && end === p.length ? p : p.slice(start, end);
}

/** Is the command `name` (also with a path, `/bin/rm`)? As `c.base === name`, without cutting. */
function isNamed(cmd: Command, name: string): boolean {
  const n = cmd.name;
  return n.endsWith(name) && (n.length === name.length || n.charCodeAt(n.length - name.length - 1) === 0x2f /* / */);
}

/**
 * A `cd` that WORKDIR cannot replace: inside a subshell or `$(...)` (scoped on purpose), back out
 * (`cd -`, `cd ..`), into a temporary directory, or into a directory this RUN deletes afterwards
 * (build-and-clean-up in one layer, where a WORKDIR would leave the empty directory behind).
 */
function scoped(cd: Command, cmds: Command[]): boolean {
  if (cd.nested) return true;
  const target = cdTarget(cd);
  if (!target) return false;
  const t = norm(target.value);
  if (t === '-' || t === '..' || t.startsWith('../') || t === '/tmp' || t.startsWith('/tmp/') || target.raw.includes('mktemp')) return true;
  for (const c of cmds) if (c.start > cd.end && ((isNamed(c, 'rm') && removes(c, t)) || deletesSource(c, t))) return true;
  return false;
}

/**
 * `docker-php-source delete`: the official php images' helper that removes the source tree
 * `docker-php-source extract` unpacked into /usr/src/php.
 */
function deletesSource(c: Command, dir: string): boolean {
  return dir === '/usr/src/php' && c.name === 'docker-php-source' && c.args.length > 0 && c.args[0].value === 'delete';
}

/** The directory argument of `cd`: the first that is not an option (`-` is one: the previous directory). */
function cdTarget(cd: Command): ShellWord | undefined {
  for (const a of cd.args) if (!a.value.startsWith('-') || a.value === '-') return a;
  return undefined;
}

/** Does this `cd` go to `/`, home (bare `cd`, `~`) or a folder holding one of `dirs`? */
function leavesFor(cd: Command, dirs: string[]): boolean {
  const target = cdTarget(cd);
  if (!target) return true;
  const t = norm(target.value);
  if (t === '' || t === '~') return true;
  return dirs.some((d) => d.startsWith(t) && d.charCodeAt(t.length) === 0x2f /* / */);
}

/** Does this `rm` delete `dir` (or a folder that holds it)? */
function removes(rm: Command, dir: string): boolean {
  for (const a of rm.args) {
    if (a.value.startsWith('-')) continue;
    const r = norm(a.value);
    if (r !== '' && (dir === r || (dir.startsWith(r) && dir.charCodeAt(r.length) === 0x2f /* / */))) return true;
  }
  return false;
}

export default defineRule({
  id: 'DF006',
  name: 'cd-in-run',
  aliases: ['DL3003'],
  meta: {
    target: 'dockerfile',
    category: 'maintainability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: '`cd` in a RUN where WORKDIR would do.',
      why: 'A `cd` only lasts until the end of its RUN, so the next instruction silently runs somewhere else again, and the directory a command runs in is hidden inside a shell line. WORKDIR sets it for all following instructions (and creates it). A `cd` in a subshell, into a temporary directory, or into a directory the same RUN deletes afterwards (with rm, or `docker-php-source delete` for /usr/src/php) is fine and not reported, and so is the `cd /` (or `cd` to a folder above it) that leaves such a directory again.',
      bad: 'FROM node:20-slim\nCOPY . /app\nRUN cd /app && npm ci\n',
      good: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\n',
    },
    messages: { cd: '`cd` only affects this RUN; set the directory with WORKDIR instead (or wrap the cd in a subshell if it is meant to be temporary).' },
  },
  check({ df, report }) {
    // The `cd` commands of RUNs (from the per-file index, in file order).
    const cds = runCommandsNamed(df, 'cd');
    let done: Instruction | undefined;
    // The RUN of the last exempt `cd`, and where it went: a later `cd /` (or to a folder above it)
    // leaves that directory, typically so that the same RUN can delete it.
    let leftFrom: { instr: Instruction; dirs: string[] } | undefined;
    for (const { instr, cmd } of cds) {
      // One report per RUN: the first `cd` that WORKDIR could replace.
      if (instr === done) continue;
      if (scoped(cmd, df.script(instr).commands)) {
        const t = cdTarget(cmd);
        if (leftFrom?.instr !== instr) leftFrom = { instr, dirs: [] };
        if (t) leftFrom.dirs.push(norm(t.value));
        continue;
      }
      if (leftFrom?.instr === instr && leavesFor(cmd, leftFrom.dirs)) continue;
      done = instr;
      report({ messageId: 'cd', span: { start: cmd.words[0].start, end: cmd.words[0].end } });
    }
  },
});
