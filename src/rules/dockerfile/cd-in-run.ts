import { defineRule } from '../types.js';
import { commandsIn, runCommandsNamed } from '../helpers/dockerfile.js';
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
function scoped(cd: Command, removed: Removals): boolean {
  if (cd.nested) return true;
  const target = cdTarget(cd);
  if (!target) return false;
  const t = norm(target.value);
  if (t === '-' || t === '..' || t.startsWith('../') || t === '/tmp' || t.startsWith('/tmp/') || target.raw.includes('mktemp')) return true;
  return removedAfter(removed, t, cd.end);
}

/** Per RUN: the paths its `rm`s delete (and `docker-php-source delete`), each with its last deletion. */
type Removals = Map<string, number>;

function removalsOf(cmds: readonly Command[]): Removals {
  const out: Removals = new Map();
  for (const c of cmds) {
    if (isNamed(c, 'rm')) {
      for (const a of c.args) {
        if (a.value.startsWith('-')) continue;
        const r = norm(a.value);
        if (r !== '') out.set(r, c.start);
      }
    } else if (c.name === 'docker-php-source' && c.args.length > 0 && c.args[0].value === 'delete') {
      // The official php images' helper removes the tree `docker-php-source extract` unpacked.
      out.set('/usr/src/php', c.start);
    }
  }
  return out;
}

/** Is `dir`, or a folder that holds it, deleted after `at`? One lookup per level of the path. */
function removedAfter(removed: Removals, dir: string, at: number): boolean {
  if (removed.size === 0) return false;
  for (let p = dir; p !== ''; ) {
    const when = removed.get(p);
    if (when !== undefined && when > at) return true;
    const k = p.lastIndexOf('/');
    if (k <= 0) break;
    p = p.slice(0, k);
  }
  return false;
}

/** The directory argument of `cd`: the first that is not an option (`-` is one: the previous directory). */
function cdTarget(cd: Command): ShellWord | undefined {
  for (const a of cd.args) if (!a.value.startsWith('-') || a.value === '-') return a;
  return undefined;
}

/** Does this `cd` go to `/`, home (bare `cd`, `~`) or a folder above a directory an exempt `cd` went into? */
function leaves(cd: Command, above: Set<string>): boolean {
  const target = cdTarget(cd);
  if (!target) return true;
  const t = norm(target.value);
  return t === '' || t === '~' || above.has(t);
}

/** The folders above `dir` (`/usr/src/python` -> `/usr/src`, `/usr`). */
function addFoldersAbove(dir: string, into: Set<string>): void {
  for (let k = dir.lastIndexOf('/'); k > 0; k = dir.lastIndexOf('/', k - 1)) into.add(dir.slice(0, k));
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
    // Worked out once per RUN: what it deletes, and the folders above the directories its exempt
    // `cd`s went into (a later `cd /`, or to such a folder, leaves them, typically to delete them).
    let run: { instr: Instruction; removed: Removals; above: Set<string> | null } | undefined;
    for (const { instr, cmd } of cds) {
      // One report per RUN: the first `cd` that WORKDIR could replace.
      if (instr === done) continue;
      if (run?.instr !== instr) run = { instr, removed: removalsOf(commandsIn(df, instr)), above: null };
      if (scoped(cmd, run.removed)) {
        const t = cdTarget(cmd);
        run.above ??= new Set();
        if (t) addFoldersAbove(norm(t.value), run.above);
        continue;
      }
      if (run.above && leaves(cmd, run.above)) continue;
      done = instr;
      report({ messageId: 'cd', span: { start: cmd.words[0].start, end: cmd.words[0].end } });
    }
  },
});
