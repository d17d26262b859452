import { defineRule } from '../types.js';
import type { Dockerfile, Instruction } from '../../model/dockerfile/types.js';

/** RUNs with this many commands or more are already consolidated; merging more into them is a judgement call. */
const MAX_COMMANDS = 2;

/** Flags compared as a set; `--mount` options compared regardless of their order. */
function flagKey(instr: Instruction): string {
  return instr.flags
    .map((f) => `${f.name}=${f.options ? [...f.options].map(([k, v]) => `${k}=${v}`).sort().join(',') : f.value ?? ''}`)
    .sort()
    .join(' ');
}

/** Do the two RUNs have the same flags? Most RUNs have none, and then no keys need building. */
function sameFlags(a: Instruction, b: Instruction): boolean {
  if (a.flags.length === 0 && b.flags.length === 0) return true;
  return flagKey(a) === flagKey(b);
}

/** Can this RUN take part in a merge: no heredoc script, and at most two commands. */
function small(df: Dockerfile, instr: Instruction): boolean {
  if (instr.heredocs.length > 0) return false;
  let n = 0;
  for (const c of df.script(instr).commands) if (c.name !== '' && ++n > MAX_COMMANDS) return false;
  return true;
}

export default defineRule({
  id: 'DF058',
  name: 'run-consecutive',
  aliases: ['DL3059'],
  meta: {
    target: 'dockerfile',
    category: 'performance',
    severity: 'info',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'Consecutive RUN instructions with the same flags that could be one.',
      why: 'Every RUN adds a layer. Short consecutive RUNs with the same mounts and options can usually be joined with `&&`, which gives fewer layers and lets a clean-up in the same step actually shrink the image.',
      bad: 'FROM debian:12-slim\nRUN mkdir -p /app\nRUN chown nobody /app\n',
      good: 'FROM debian:12-slim\nRUN mkdir -p /app && chown nobody /app\n',
    },
    messages: { consecutive: 'This RUN directly follows another RUN with the same flags; consider joining them with && into one layer.' },
  },
  check({ df, report }) {
    // df.instructions has no comments, so "consecutive" means adjacent in this list (and in one stage).
    // Whether a RUN is small is worked out only when it has a RUN neighbour (undefined: not yet known).
    let prev: Instruction | undefined;
    let prevSmall: boolean | undefined;
    for (const instr of df.instructions) {
      if (instr.keyword !== 'RUN') {
        prev = undefined;
        continue;
      }
      let isSmall: boolean | undefined;
      if (prev && prev.stage === instr.stage && (prevSmall ??= small(df, prev)) && (isSmall = small(df, instr)) && sameFlags(prev, instr)) {
        report({ messageId: 'consecutive', span: { start: instr.keywordSpan.start, end: instr.keywordSpan.end } });
      }
      prev = instr;
      prevSmall = isSmall;
    }
  },
});
