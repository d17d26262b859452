import type { Dockerfile, Instruction } from '../../model/dockerfile/types.js';
import { stageChain } from '../helpers/dockerfile.js';
import type { Span } from '../../model/source.js';
import { defineRule } from '../types.js';

const WINDOWS_ABS = /^[A-Za-z]:/;

/**
 * Is the working directory known at `instr`: a WORKDIR before it in its stage or in any stage it
 * builds FROM, or a chain that starts FROM scratch (which has no base image, so it works in `/`)?
 */
function workdirKnown(df: Dockerfile, instr: Instruction): boolean {
  const chain = stageChain(df, df.stages[instr.stage]);
  for (const s of chain) {
    for (const i of s.instructions) {
      if (i === instr) break;
      if (i.keyword === 'WORKDIR') return true;
    }
  }
  const root = chain[0];
  return root.parentStage === null && (root.resolvedImage ?? root.image).toLowerCase() === 'scratch';
}

export default defineRule({
  id: 'DF044',
  name: 'copy-relative-without-workdir',
  aliases: ['DL3045'],
  onlyWith: ['COPY'],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'COPY to a relative destination before any WORKDIR is set.',
      why: 'A relative destination is resolved against the working directory of the base image, which the Dockerfile does not show and which can change with the next base image update. Set WORKDIR first, or copy to an absolute path. A stage built FROM scratch is not reported: with no base image its working directory is always `/`.',
      bad: 'FROM node:20-slim\nCOPY package.json ./\n',
      good: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json ./\n',
    },
    messages: {
      relative: 'COPY to the relative destination "{{dest}}" with no WORKDIR set in this stage, so it lands wherever the base image\'s working directory is; add WORKDIR <absolute path> before it, or copy to an absolute path.',
    },
  },
  check({ df, report }) {
    for (const instr of df.instructions) {
      if (instr.keyword !== 'COPY' || instr.stage < 0 || instr.error) continue;
      let dest: { value: string } & Span;
      if (instr.json) {
        const n = instr.json.values.length;
        dest = { value: instr.json.values[n - 1], ...instr.json.spans[n - 1] };
      } else {
        dest = instr.words[instr.words.length - 1];
      }
      // Docker expands variables in the destination; an unknown one may be absolute.
      const path = dest.value.includes('$') ? df.expand(instr, dest.value) : dest.value;
      if (path === null || path.startsWith('/') || path.startsWith('\\') || WINDOWS_ABS.test(path)) continue;
      if (workdirKnown(df, instr)) continue;
      report({ messageId: 'relative', data: { dest: dest.value }, span: { start: dest.start, end: dest.end } });
    }
  },
});
