import { didYouMean } from '../../engine/messages.js';
import type { Dockerfile, Flag, Instruction } from '../../model/dockerfile/types.js';
import { defineRule } from '../types.js';

const INDEX = /^\d+$/;
// Registry, path, tag or digest separators: the value names an image, not a stage.
const IMAGE_LIKE = /[/:@.]/;

/** The `--from` flag, if any. */
function fromFlag(instr: Instruction): Flag | undefined {
  for (const f of instr.flags) if (f.name === 'from') return f;
  return undefined;
}

/**
 * How many stages before a COPY are candidates for a "did you mean": all of them in any real file,
 * and a bound on the work (an edit distance per candidate) when a file has thousands.
 */
const SUGGESTION_WINDOW = 64;

/** The aliases of the stages up to `last` (those that have one), at most SUGGESTION_WINDOW of them, the nearest. */
function aliasesUpTo(df: Dockerfile, last: number): string[] {
  const out: string[] = [];
  for (let k = Math.min(last, df.stages.length - 1); k >= 0 && out.length < SUGGESTION_WINDOW; k--) {
    const a = df.stages[k].alias;
    if (a !== null) out.push(a);
  }
  return out.reverse();
}

/**
 * The stage the name most likely means: one whose name holds it as a whole part (`set` in
 * `license-set`: a name cut short), the nearest such stage first; else the closest spelling.
 */
function stageHint(name: string, aliases: string[]): string | undefined {
  const part = `-${name.replace(/[_.]/g, '-')}-`;
  for (let k = aliases.length - 1; k >= 0; k--) {
    const a = aliases[k];
    if (a.length > name.length && `-${a.replace(/[_.]/g, '-')}-`.includes(part)) return a;
  }
  return didYouMean(name, aliases);
}

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
      const flag = fromFlag(instr);
      if (!flag || flag.value === null || flag.value === '') continue;
      const from = flag.value.includes('$') ? df.expand(instr, flag.value) : flag.value;
      if (from === null || from === '') continue;
      const span = flag.valueSpan ?? { start: flag.start, end: flag.end };
      const current = instr.stage;
      if (INDEX.test(from)) {
        // The current index is copy-from-self's business.
        if (Number(from) > current) report({ messageId: 'index', data: { from, current }, span });
        continue;
      }
      const name = from.toLowerCase();
      // The first stage of that name: one at or before this stage is fine, a later one is reported.
      const stage = df.stageNamed(name);
      if (stage && stage.index <= current) continue;
      if (stage) {
        report({ messageId: 'later', data: { from, line: stage.from.line }, span });
        continue;
      }
      if (IMAGE_LIKE.test(from)) continue;
      const hint = stageHint(name, aliasesUpTo(df, current));
      report({ messageId: 'unknown', data: { from, hint: hint ? ` (did you mean "${hint}"?)` : '' }, span });
    }
  },
});
