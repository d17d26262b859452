import { defineRule } from '../types.js';

const WINDOWS_ABS = /^[A-Za-z]:/;

/** `/x`, `\x` and `C:\x` are absolute; the caller expands variables first. */
function isAbsolute(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || WINDOWS_ABS.test(path);
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
    // Per stage, whether an absolute WORKDIR came earlier in it or in a stage it builds FROM (one
    // pass: parents are earlier stages, whose state is final when their children start).
    const absolute: boolean[] = [];
    for (const instr of df.instructions) {
      if (instr.stage < 0) continue;
      if (absolute[instr.stage] === undefined) {
        const parent = df.stages[instr.stage].parentStage;
        absolute[instr.stage] = parent !== null && parent < instr.stage && absolute[parent] === true;
      }
      if (instr.keyword !== 'WORKDIR' || instr.words.length === 0) continue;
      const first = instr.words[0];
      const path = df.expand(instr, first.value);
      // An unknown variable could hold an absolute path: stay silent.
      if (path === null || path === '') continue;
      if (isAbsolute(path)) { absolute[instr.stage] = true; continue; }
      // Relative to an absolute WORKDIR set earlier in the stage chain: the result is fixed.
      if (absolute[instr.stage]) continue;
      const last = instr.words[instr.words.length - 1];
      // The whole argument is the path (BuildKit does not split it), as written after expansion.
      const whole = instr.words.length === 1 ? path : df.expand(instr, instr.words.map((w) => w.value).join(' ')) ?? path;
      report({ messageId: 'relative', data: { path: whole.replace(/^\.\//, '') }, span: { start: first.start, end: last.end } });
    }
  },
});
