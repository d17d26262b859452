import { partitionPoint } from '../../search.js';
import { defineContextRule, exampleTree } from '../context-types.js';

const bad = exampleTree({
  'Dockerfile': 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\n',
  '.dockerignore': 'node_modules\n.git\n*.log\n./node_modules/\n',
  'package.json': '{}\n',
  'package-lock.json': '{}\n',
});
const good = exampleTree({ ...bad.files, '.dockerignore': 'node_modules\n.git\n*.log\n' });

/** Do two patterns start with different plain (wildcard-free) first components? */
function disjoint(a: string, b: string): boolean {
  const first = (p: string) => p.split('/')[0];
  const fa = first(a);
  const fb = first(b);
  const plain = (c: string) => !/[*?[\\\]]/.test(c);
  return plain(fa) && plain(fb) && fa !== fb;
}

export default defineContextRule({
  id: 'DI009',
  name: 'dockerignore-duplicate',
  aliases: [],
  meta: {
    target: 'context',
    category: 'maintainability',
    severity: 'info',
    fixable: 'safe',
    status: 'preview',
    docs: {
      summary: 'A `.dockerignore` pattern that repeats an earlier one (after Docker cleans both) and changes nothing.',
      why: 'Docker cleans every pattern before using it (`./node_modules/`, `/node_modules` and `node_modules` are the same pattern), so duplicates creep in when files are merged or copied from `.gitignore`. A repeat with no `!` exception between the two changes nothing and only makes the file harder to read; the safe fix deletes the line. A repeat that comes after an exception touching the same paths is not reported: it re-excludes what the exception re-included.',
      get bad() { return bad.text; },
      get good() { return good.text; },
      badFiles: bad.files,
      goodFiles: good.files,
    },
    messages: {
      duplicate: '`{{pattern}}` repeats `{{first}}` (line {{firstLine}}) and changes nothing; remove it.',
    },
  },
  check(ctx) {
    const ig = ctx.ignore;
    if (!ig) return;
    const src = ig.source;
    const valid = ig.patterns.filter((p) => p.matcherIndex >= 0);
    // The nearest earlier line of the same kind and value is the candidate; a pattern of the other
    // kind in between may undo what it did, unless the two plainly concern different top-level
    // paths. (One map lookup per line, and a look at the lines of the other kind in between only:
    // comparing each line with all before it made a long file quadratic.)
    const last = new Map<string, number>();
    const ofKind: [number[], number[]] = [[], []]; // indices in `valid` of ! patterns (1) and the others (0)
    for (let j = 0; j < valid.length; j++) {
      const pj = valid[j];
      const key = `${pj.negated ? '!' : ''}${pj.value}`;
      const i = last.get(key);
      last.set(key, j);
      ofKind[pj.negated ? 1 : 0].push(j);
      if (i === undefined) continue;
      const others = ofKind[pj.negated ? 0 : 1];
      let undone = false;
      for (let k = partitionPoint(others.length, (x) => others[x] > i); k < others.length && others[k] < j; k++) {
        if (!disjoint(valid[others[k]].cleaned, pj.cleaned)) { undone = true; break; }
      }
      if (undone) continue;
      const pi = valid[i];
      // Delete the whole line, with its line ending.
      const start = src.lineStart(pj.line);
      const end = pj.line < src.lineCount ? src.lineStart(pj.line + 1) : ig.text.length;
      ctx.report({
        messageId: 'duplicate',
        in: 'ignore',
        span: pj.span,
        data: { pattern: pj.raw, first: pi.raw, firstLine: pi.line },
        fix: { title: `Remove the duplicate line ${pj.line}`, edits: [{ start, end, text: '' }] },
      });
    }
  },
});
