import { isWholeContext, type CopySource } from '../../model/context/copy-sources.js';
import { EntryType } from '../../model/context/walk.js';
import { defineContextRule, exampleTree } from '../context-types.js';
import { formatBytes, parseSize } from './_helpers.js';

const bad = exampleTree({
  'Dockerfile': 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "serve.py"]\n',
  '.dockerignore': '.git\n',
  'serve.py': '',
  'data/train.csv': 'x'.repeat(2048),
});
const good = exampleTree({ ...bad.files, '.dockerignore': '.git\ndata\n' });

export default defineContextRule({
  id: 'DI006',
  name: 'context-too-large',
  aliases: [],
  meta: {
    target: 'context',
    category: 'performance',
    severity: 'warning',
    fixable: null,
    status: 'preview',
    docs: {
      summary: 'The build sends more than a set size (default 100 MB) of the context to the builder.',
      why: 'Everything the COPY/ADD instructions take from the context is transferred to the builder before the build starts and hashed for the cache: a large context makes every build slow, most of all with a remote builder. The size counted is what BuildKit transfers for this Dockerfile (the files its COPY/ADD sources take, after `.dockerignore`; with `COPY . .` the whole context). The message names the directories that make it large; exclude data sets, build output and dependencies the image does not need. The documentation examples set `maxSize` to 1 kB.',
      get bad() { return bad.text; },
      get good() { return good.text; },
      badFiles: bad.files,
      goodFiles: good.files,
      exampleOptions: { maxSize: '1kB' },
    },
    options: {
      maxSize: { type: 'string', description: 'Largest acceptable transfer, e.g. "100MB", "1.5GB", "512MiB" (kB/MB/GB are powers of 1000, KiB/MiB/GiB of 1024).', default: '100MB' },
    },
    messages: {
      large: 'This build sends {{size}} of the build context to the builder ({{files}} files; limit {{limit}}); the largest parts: {{top}}. Exclude what the image does not need in {{ignoreFile}}.',
    },
  },
  check(ctx) {
    if (ctx.sources.length === 0) return;
    const limit = parseSize((ctx.options.maxSize as string | number | undefined) ?? '100MB');
    if (!Number.isFinite(limit)) throw new Error(`option maxSize: cannot read "${String(ctx.options.maxSize)}" as a size (e.g. "100MB")`);
    const c = ctx.context;
    const w = c.walk();
    const totals = (take: (i: number) => boolean) => {
      let total = 0;
      let files = 0;
      const byTop = new Map<string, number>();
      for (let i = 0; i < w.count; i++) {
        if (w.types[i] === EntryType.Dir || !take(i)) continue;
        const size = c.sizeOf(i);
        total += size;
        files++;
        const p = w.paths[i];
        const slash = p.indexOf('/');
        const top = slash < 0 ? p : `${p.slice(0, slash)}/`;
        byTop.set(top, (byTop.get(top) ?? 0) + size);
      }
      return { total, files, byTop };
    };
    let biggest: CopySource;
    let sum: ReturnType<typeof totals>;
    const whole = ctx.sources.find((s) => isWholeContext(s) && !s.exclude);
    if (whole) {
      // `COPY . .` takes everything that is sent: the same for every Dockerfile of this context.
      biggest = whole;
      sum = c.memo('sent-totals', () => totals((i) => c.isSent(i)));
    } else {
      const taken = new Uint8Array(w.count);
      const bySource = new Map<CopySource, number>();
      for (const src of ctx.sources) {
        let bytes = 0;
        c.forEachPulled(src, (i) => {
          taken[i] = 1;
          bytes += c.sizeOf(i);
        });
        bySource.set(src, bytes);
      }
      biggest = ctx.sources[0];
      for (const [src, b] of bySource) if (b > bySource.get(biggest)!) biggest = src;
      sum = totals((i) => taken[i] === 1);
    }
    const { total, files, byTop } = sum;
    if (total <= limit) return;
    const top = [...byTop].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([p, b]) => `${p} ${formatBytes(b)}`).join(', ');
    ctx.report({
      messageId: 'large',
      data: { size: formatBytes(total), files, limit: formatBytes(limit), top, ignoreFile: ctx.ignorePath },
      span: biggest.span,
    });
  },
});
