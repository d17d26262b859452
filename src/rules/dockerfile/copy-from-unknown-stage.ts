import { didYouMean } from '../../engine/messages.js';
import { defineRule } from '../types.js';

const INDEX = /^\d+$/;
// Registry, path, tag or digest separators: the value names an image, not a stage.
const IMAGE_LIKE = /[/:@.]/;

export default defineRule({
  id: 'DF023',
  name: 'copy-from-unknown-stage',
  aliases: ['DL3022'],
  onlyWith: ['COPY'],
  meta: {
    target: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: '`COPY --from=` names no earlier stage.',
      why: 'A name that matches no earlier `FROM ... AS name` is taken as an image to pull, so a typo in a stage name turns into a pull of some unrelated image from Docker Hub (or a confusing "pull access denied"). Refer to an earlier stage, or write external images with a tag so the intent is clear.',
      bad: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=biuld /out/app /app\n',
      good: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n',
    },
    messages: {
      unknown: 'COPY --from={{from}} matches no earlier stage, so Docker will try to pull an image named "{{from}}"; use a stage name defined above{{hint}}, or write an external image with its tag (e.g. {{from}}:<version>).',
      later: 'COPY --from={{from}} refers to a stage defined further down (line {{line}}); the classic builder cannot resolve that and readers expect build order, so move that stage above this one.',
      index: 'COPY --from={{from}}: there is no earlier stage with that index (stages are numbered from 0 and this one is {{current}}).',
    },
  },
  check({ df, report }) {
    for (const instr of df.instructions) {
      if (instr.keyword !== 'COPY' || instr.stage < 0) continue;
      const flag = instr.flags.find((f) => f.name === 'from');
      if (!flag || flag.value === null || flag.value === '') continue;
      const from = df.expand(instr, flag.value);
      if (from === null || from === '') continue;
      const span = flag.valueSpan ?? { start: flag.start, end: flag.end };
      const current = instr.stage;
      if (INDEX.test(from)) {
        // The current index is copy-from-self's business.
        if (Number(from) > current) report({ messageId: 'index', data: { from, current }, span });
        continue;
      }
      const name = from.toLowerCase();
      const earlier = df.stages.slice(0, current + 1);
      if (earlier.some((s) => s.alias === name)) continue;
      const later = df.stages.find((s) => s.index > current && s.alias === name);
      if (later) {
        report({ messageId: 'later', data: { from, line: later.from.line }, span });
        continue;
      }
      if (IMAGE_LIKE.test(from)) continue;
      const hint = didYouMean(name, earlier.map((s) => s.alias).filter((a): a is string => a !== null));
      report({ messageId: 'unknown', data: { from, hint: hint ? ` (did you mean "${hint}"?)` : '' }, span });
    }
  },
});
