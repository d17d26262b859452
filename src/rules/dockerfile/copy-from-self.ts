import { defineRule } from '../types.js';

export default defineRule({
  id: 'DF024',
  name: 'copy-from-self',
  aliases: ['DL3023'],
  onlyWith: ['COPY'],
  meta: {
    target: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: '`COPY --from=` names the stage it is in.',
      why: 'A stage cannot copy from itself: its filesystem is still being built. Docker fails with a circular dependency, or the name is usually a copy-paste slip for another stage.',
      bad: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nCOPY --from=build /out/app /usr/local/bin/app\n',
      good: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\n\nFROM debian:12-slim\nCOPY --from=build /out/app /usr/local/bin/app\n',
    },
    messages: {
      self: 'COPY --from={{from}} names the stage this instruction is in; a stage cannot copy from itself. Copy from an earlier stage, or use a plain RUN cp within the stage.',
    },
  },
  check({ df, report }) {
    for (const instr of df.instructions) {
      if (instr.keyword !== 'COPY' || instr.stage < 0) continue;
      const flag = instr.flags.find((f) => f.name === 'from');
      if (!flag || !flag.value) continue;
      const from = df.expand(instr, flag.value);
      if (from === null) continue;
      const stage = df.stages[instr.stage];
      const self = from === String(stage.index) || (stage.alias !== null && from.toLowerCase() === stage.alias);
      if (self) report({ messageId: 'self', data: { from }, span: flag.valueSpan ?? { start: flag.start, end: flag.end } });
    }
  },
});
