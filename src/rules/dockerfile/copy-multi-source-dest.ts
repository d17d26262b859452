import type { Span } from '../../model/source.js';
import { defineRule } from '../types.js';

export default defineRule({
  id: 'DF022',
  name: 'copy-multi-source-dest',
  aliases: ['DL3021'],
  onlyWith: ['COPY'],
  meta: {
    target: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    fixable: 'safe',
    status: 'stable',
    docs: {
      summary: 'COPY with several sources to a destination that does not end in `/`.',
      why: 'With more than one source the destination must be a directory, and Docker only accepts that when the path ends in `/`; the classic builder fails the build otherwise. The trailing slash also tells the reader that a directory is meant.',
      bad: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json /app\n',
      good: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json /app/\n',
    },
    messages: {
      slash: 'COPY has {{count}} sources, so the destination "{{dest}}" must be a directory written with a trailing slash: {{dest}}/',
    },
  },
  check({ df, report }) {
    for (const instr of df.instructions) {
      if (instr.keyword !== 'COPY' || instr.error) continue;
      let count: number;
      let dest: { value: string; raw: string } & Span;
      if (instr.json) {
        const n = instr.json.values.length;
        count = n - 1;
        const span = instr.json.spans[n - 1];
        dest = { value: instr.json.values[n - 1], raw: df.source.text.slice(span.start, span.end), ...span };
      } else {
        count = instr.words.length - 1;
        dest = instr.words[instr.words.length - 1];
      }
      if (count < 2) continue;
      // Docker expands variables in the destination; an unknown one may well end in a slash.
      const value = dest.value.includes('$') ? df.expand(instr, dest.value) : dest.value;
      if (value === null || value.endsWith('/') || (value.endsWith('\\') && value.length > 1)) continue;
      // Keep quoting intact: put the slash inside a closing quote (one that closes the word's opening
      // quote: in `dir"`, the half of a `"/my dir"` split at the space, it is part of the value).
      const last = dest.raw[dest.raw.length - 1];
      const at = (last === '"' || last === "'") && dest.raw.length > 1 && dest.raw[0] === last ? dest.end - 1 : dest.end;
      report({
        messageId: 'slash',
        data: { count, dest: dest.value },
        span: { start: dest.start, end: dest.end },
        fix: { title: 'Add a trailing slash to the destination', edits: [{ start: at, end: at, text: '/' }] },
      });
    }
  },
});
