import { defineRule } from '../types.js';
import { baseName, runCommandsNamed, runsAny } from '../helpers/dockerfile.js';
import type { Instruction } from '../../model/dockerfile/types.js';
import type { Command } from '../../model/shell/types.js';

/** Normalise a path for comparison: no trailing slashes, no leading `./`. */
function norm(p: string): string {
  return p.replace(/\/+$/, '').replace(/^\.\//, '');
}

/**
 * A `cd` that WORKDIR cannot replace: inside a subshell or `$(...)` (scoped on purpose), back out
 * (`cd -`, `cd ..`), into a temporary directory, or into a directory this RUN deletes afterwards
 * (build-and-clean-up in one layer, where a WORKDIR would leave the empty directory behind).
 */
function scoped(cd: Command, cmds: Command[]): boolean {
  if (cd.nested) return true;
  const target = cd.args.find((a) => !a.value.startsWith('-') || a.value === '-');
  if (!target) return false;
  const t = norm(target.value);
  if (t === '-' || t === '..' || t.startsWith('../') || t === '/tmp' || t.startsWith('/tmp/') || target.raw.includes('mktemp')) return true;
  return cmds.some((c) => c.start > cd.end && baseName(c.name) === 'rm' && c.args.some((a) => {
    const r = norm(a.value);
    return !a.value.startsWith('-') && r !== '' && (t === r || t.startsWith(r + '/'));
  }));
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
      why: 'A `cd` only lasts until the end of its RUN, so the next instruction silently runs somewhere else again, and the directory a command runs in is hidden inside a shell line. WORKDIR sets it for all following instructions (and creates it). A `cd` in a subshell, into a temporary directory, or into a directory the same RUN deletes afterwards is fine and not reported.',
      bad: 'FROM node:20-slim\nCOPY . /app\nRUN cd /app && npm ci\n',
      good: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\n',
    },
    messages: { cd: '`cd` only affects this RUN; set the directory with WORKDIR instead (or wrap the cd in a subshell if it is meant to be temporary).' },
  },
  check({ df, report }) {
    if (!runsAny(df, ['cd'])) return;
    // Only RUNs that run `cd` (from the per-file index, in file order).
    let prev: Instruction | undefined;
    for (const { instr } of runCommandsNamed(df, 'cd')) {
      if (instr === prev) continue;
      prev = instr;
      const cmds = df.script(instr).commands;
      // One report per RUN: the first `cd` that WORKDIR could replace.
      const cd = cmds.find((c) => baseName(c.name) === 'cd' && !scoped(c, cmds));
      if (cd) report({ messageId: 'cd', span: { start: cd.words[0].start, end: cd.words[0].end } });
    }
  },
});
