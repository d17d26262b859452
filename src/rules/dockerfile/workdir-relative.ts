import type { Dockerfile, Instruction, Stage } from '../../model/dockerfile/types.js';
import { defineRule } from '../types.js';

const WINDOWS_ABS = /^[A-Za-z]:/;

/** `/x`, `\x` and `C:\x` are absolute; the caller expands variables first. */
function isAbsolute(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || WINDOWS_ABS.test(path);
}

/** Is there an absolute WORKDIR earlier in this stage or in one of the stages it builds FROM? */
function hasEarlierAbsoluteWorkdir(df: Dockerfile, instr: Instruction): boolean {
  const seen = new Set<number>();
  for (let s: Stage | undefined = df.stages[instr.stage]; s && !seen.has(s.index); s = s.parentStage !== null ? df.stages[s.parentStage] : undefined) {
    seen.add(s.index);
    for (const i of s.instructions) {
      if (i === instr) break;
      if (i.keyword !== 'WORKDIR' || i.words.length === 0) continue;
      const p = df.expand(i, i.words[0].value);
      if (p !== null && isAbsolute(p)) return true;
    }
  }
  return false;
}

export default defineRule({
  id: 'DF003',
  name: 'workdir-relative',
  aliases: ['DL3000'],
  onlyWith: ['WORKDIR'],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'WORKDIR with a relative path.',
      why: 'A relative WORKDIR is resolved against whatever working directory the base image happens to set, so the files land somewhere different when the base image changes. An absolute path always means the same place.',
      bad: 'FROM node:20-slim\nWORKDIR app\nCOPY . .\n',
      good: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\n',
    },
    messages: {
      relative: 'WORKDIR "{{path}}" is relative, so it depends on the base image\'s working directory; use an absolute path such as /{{path}}.',
    },
  },
  check({ df, report }) {
    for (const instr of df.instructions) {
      if (instr.keyword !== 'WORKDIR' || instr.words.length === 0 || instr.stage < 0) continue;
      const first = instr.words[0];
      const path = df.expand(instr, first.value);
      // An unknown variable could hold an absolute path: stay silent.
      if (path === null || path === '' || isAbsolute(path)) continue;
      // Relative to an absolute WORKDIR set earlier in the stage chain: the result is fixed.
      if (hasEarlierAbsoluteWorkdir(df, instr)) continue;
      const last = instr.words[instr.words.length - 1];
      // The whole argument is the path (BuildKit does not split it), as written after expansion.
      const whole = instr.words.length === 1 ? path : df.expand(instr, instr.words.map((w) => w.value).join(' ')) ?? path;
      report({ messageId: 'relative', data: { path: whole.replace(/^\.\//, '') }, span: { start: first.start, end: last.end } });
    }
  },
});
