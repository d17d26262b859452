import { matchGlob, PatternMatcher, type MatchInfo } from '../../model/context/pattern.js';
import { EntryType } from '../../model/context/walk.js';
import { defineContextRule, exampleTree } from '../context-types.js';

const bad = exampleTree({
  'Dockerfile': 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n',
  '.dockerignore': '__pycache__\n*.log\n',
  'app/__init__.py': '',
  'app/__pycache__/__init__.cpython-312.pyc': '',
  'requirements.txt': 'flask==3.0.3\n',
});
const good = exampleTree({ ...bad.files, '.dockerignore': '**/__pycache__\n*.log\n' });

/** Names that appear in every directory, so a root-only pattern is almost surely meant for all depths. */
const EVERYWHERE = new Set(['__pycache__', '*.pyc', '*.pyo', '.DS_Store', 'Thumbs.db', '*.swp', '*~']);

export default defineContextRule({
  id: 'DI010',
  name: 'dockerignore-gitignore-style',
  aliases: [],
  meta: {
    target: 'context',
    category: 'correctness',
    severity: 'warning',
    fixable: 'unsafe',
    status: 'preview',
    docs: {
      summary: 'A `.dockerignore` line written the `.gitignore` way, which Docker reads differently (`__pycache__` only matches at the root; `# x` after spaces is not a comment).',
      why: 'In `.gitignore` a name without a slash matches at any depth; in `.dockerignore` every pattern is anchored at the context root, so `__pycache__` or `*.log` leave every nested `app/__pycache__` and `logs/x.log` in the build. Write `**/__pycache__` to match everywhere. The rule fires when the context really has a nested match that is still sent (or for names like `__pycache__` and `.DS_Store` that always appear nested); a leading `/` (`/node_modules`) says root-only on purpose and is left alone. It also reports a `#` that is not in the first column (Docker only treats `#` at the very start of a line as a comment) and a trailing `# comment`, which becomes part of the pattern. The fix for nested names is safe for caches and system files and unsafe otherwise.',
      get bad() { return bad.text; },
      get good() { return good.text; },
      badFiles: bad.files,
      goodFiles: good.files,
      references: ['https://docs.docker.com/build/concepts/context/#syntax'],
    },
    messages: {
      rootOnly: '`{{pattern}}` only matches at the root of the build context: Docker anchors patterns at the root, unlike .gitignore{{evidence}}. Write `**/{{pattern}}` to match at any depth.',
      indentedComment: 'This line is not a comment: Docker only treats `#` in the first column as one, so `{{pattern}}` is a pattern (matching nothing). Remove the leading white space.',
      inlineComment: 'Docker has no trailing comments: the whole line `{{pattern}}` is one pattern, so `{{intended}}` is not excluded. Put the comment on its own line.',
    },
  },
  check(ctx) {
    const ig = ctx.ignore;
    if (!ig) return;
    const text = ig.text;
    let nested: Map<number, string> | null = null;
    const roots = ig.patterns.filter((p) => p.matcherIndex >= 0 && !p.negated && !p.raw.startsWith('/') && !p.raw.startsWith('#') && !/\s#/.test(p.raw) && !p.cleaned.includes('/') && !p.cleaned.startsWith('**'));
    const rootSet = new Set(roots);
    // (A directory that is not the real context has no evidence to give either way.)
    if (roots.length > 0 && !ctx.contextMismatch) {
      // One pass over the walk: the first nested entry, still sent, each root-only pattern would match at depth.
      nested = new Map();
      const c = ctx.context;
      const w = c.walk();
      const m = ig.matcher;
      // An entry sent because an exception re-included it or a parent directory (`*` then
      // `!target` sends target/scripts) is sent on purpose: it says nothing about anchoring.
      // The per-pattern results of the walk tell: an exception counts only where something
      // before it had excluded the path, and a directory's results pass to its children.
      const exceptions = m.patterns.flatMap((q, k) => (q.negated ? [k] : []));
      const dirInfo = new Map<number, MatchInfo | null>();
      const infoOf = (i: number): MatchInfo | null => {
        if (i < 0) return null;
        let info = dirInfo.get(i);
        if (info === undefined) {
          info = m.matchUsingParent(w.paths[i], infoOf(w.parent[i])).info;
          if (w.types[i] === EntryType.Dir) dirInfo.set(i, info);
        }
        return info;
      };
      const byException = (i: number): boolean => {
        if (exceptions.length === 0) return false;
        const info = infoOf(i)!;
        return exceptions.some((k) => info[k] === 1);
      };
      for (let i = 0; i < w.count && nested.size < roots.length; i++) {
        const path = w.paths[i];
        const slash = path.lastIndexOf('/');
        if (slash < 0 || !c.isSent(i) || (c.isExcluded(i) && w.types[i] === EntryType.Dir)) continue;
        const name = path.slice(slash + 1);
        // Asked once per entry, when some pattern matches it (not once per pattern: with many
        // exceptions and patterns that was cubic).
        let reIncluded: boolean | undefined;
        for (const p of roots) {
          if (!nested.has(p.index) && matchGlob(m.patterns[p.matcherIndex], name) && !(reIncluded ??= byException(i))) nested.set(p.index, path);
        }
      }
    }
    for (const p of ig.patterns) {
      const col = ig.source.position(p.span.start).column;
      if (p.raw.startsWith('#')) {
        if (col > 1) {
          // Remove the white space before `#` (keeping a byte-order mark on the first line).
          const lineStart = ig.source.lineStart(p.line);
          const from = lineStart + (text.charCodeAt(lineStart) === 0xfeff ? 1 : 0);
          ctx.report({ messageId: 'indentedComment', in: 'ignore', span: p.span, data: { pattern: p.raw }, fix: { title: 'Make it a comment', applicability: 'safe', edits: [{ start: from, end: p.span.start, text: '' }] } });
        }
        continue;
      }
      const hash = /\s+#/.exec(p.raw);
      // (Not when what comes before the `#` is no pattern Docker accepts: `! # keep` would leave `!`.)
      if (hash && !escapedAt(p.raw, hash.index) && new PatternMatcher([p.raw.slice(0, hash.index)]).problems.length === 0) {
        const intended = p.raw.slice(0, hash.index);
        ctx.report({
          messageId: 'inlineComment',
          in: 'ignore',
          span: p.span,
          data: { pattern: p.raw, intended },
          fix: { title: 'Move the comment to its own line', edits: [{ start: p.span.start, end: p.span.end, text: `${p.raw.slice(hash.index).trim()}${ig.eol}${intended}` }] },
        });
        continue;
      }
      if (!rootSet.has(p)) continue;
      const example = nested?.get(p.index);
      const everywhere = EVERYWHERE.has(p.cleaned);
      if (!example && !everywhere) continue;
      ctx.report({
        messageId: 'rootOnly',
        in: 'ignore',
        span: p.span,
        data: { pattern: p.raw.replace(/\/+$/, ''), evidence: example ? ` (${example} is still sent)` : '' },
        fix: { title: `Write **/${p.cleaned}`, applicability: everywhere ? 'safe' : 'unsafe', edits: [{ start: p.span.start, end: p.span.start, text: '**/' }] },
      });
    }
  },
});

/** Is the character at `i` escaped (an odd number of backslashes before it)? `notes\ #1` names the file "notes #1". */
function escapedAt(s: string, i: number): boolean {
  let n = 0;
  while (i - n - 1 >= 0 && s[i - n - 1] === '\\') n++;
  return n % 2 === 1;
}
