// Rule docs, read on first use in the CLI bundle. The docs (summary, why, bad and good examples) are
// about a quarter of the rules' code, yet only `rules`, `explain` and a few report formats read them;
// on a cold start every byte of code costs (read, hashed, deserialised from the code cache). So the
// CLI build takes each rule file's `docs: { ... }` out of its meta and puts a getter there that loads
// one chunk holding every rule's docs. The rule files stay the single source of truth: the chunk's
// data is the library build's own evaluated docs, and the build checks that each rule it touched gets
// exactly those back. The library (dist/index.js) keeps its docs inline.

import { readFile } from 'node:fs/promises';

const DATA_CHUNK = 'rule-docs';
const VIRTUAL = 'shipready-lazy-docs';

/** An esbuild plugin for the CLI build; `stripped` collects the ids whose docs it took out. */
export function lazyDocsPlugin(stripped) {
  return {
    name: 'lazy-rule-docs',
    setup(b) {
      b.onResolve({ filter: new RegExp(`^${VIRTUAL}$`) }, () => ({ path: VIRTUAL, namespace: VIRTUAL }));
      b.onResolve({ filter: new RegExp(`^\\./${DATA_CHUNK}\\.js$`), namespace: VIRTUAL }, (a) => ({ path: a.path, external: true }));
      // `require` here is the CLI bin's chunk loader (see bin/shipready.cjs), which loads ./rule-docs.cjs.
      b.onLoad({ filter: /.*/, namespace: VIRTUAL }, () => ({
        contents: `let docs;\nexport function ruleDocs(id) { return (docs ??= require('./${DATA_CHUNK}.js'))[id]; }\n`,
        loader: 'js',
      }));
      b.onLoad({ filter: /[\\/]src[\\/]rules[\\/](dockerfile|compose|context|image)[\\/][a-z0-9-]+\.ts$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!/^export default define\w*Rule(<\w+>)?\(/m.test(source)) return undefined;
        const { id, text } = stripDocs(source, args.path);
        stripped.push(id);
        return { contents: `import { ruleDocs as __ruleDocs } from '${VIRTUAL}';\n${text}`, loader: 'ts' };
      });
    },
  };
}

/** The rule file's text with its meta's `docs: {...}` replaced by a getter; throws if it cannot be done exactly. */
export function stripDocs(source, file) {
  const ids = [...source.matchAll(/^  id: '([A-Z]+\d+)',$/gm)];
  if (ids.length !== 1) throw new Error(`${file}: expected one rule id line, found ${ids.length}`);
  const heads = [...source.matchAll(/^    docs: \{$/gm)];
  if (heads.length !== 1) throw new Error(`${file}: expected one "    docs: {" line, found ${heads.length}`);
  const open = heads[0].index + heads[0][0].length - 1;
  const close = matchingBrace(source, open, file);
  const id = ids[0][1];
  const text = `${source.slice(0, heads[0].index)}    get docs() { return __ruleDocs('${id}'); }${source.slice(close + 1)}`;
  return { id, text };
}

/** The index of the `}` closing the `{` at `open`, skipping strings, template literals and comments. */
export function matchingBrace(s, open, file) {
  const fail = (i, why) => {
    throw new Error(`${file}: cannot read the docs object (${why} at offset ${i})`);
  };
  const skipQuoted = (i) => {
    const q = s[i];
    for (i++; i < s.length; i++) {
      if (s[i] === '\\') i++;
      else if (s[i] === q) return i + 1;
      else if (s[i] === '\n') fail(i, 'line break in a string');
    }
    return fail(i, 'unterminated string');
  };
  const skipTemplate = (i) => {
    for (i++; i < s.length; i++) {
      if (s[i] === '\\') i++;
      else if (s[i] === '`') return i + 1;
      else if (s[i] === '$' && s[i + 1] === '{') i = code(i + 2, '}');
    }
    return fail(i, 'unterminated template');
  };
  const PAIRS = { '{': '}', '(': ')', '[': ']' };
  // Scans code from i to the unmatched `closer`, returning its index.
  const code = (i, closer) => {
    while (i < s.length) {
      const c = s[i];
      if (c === '/' && s[i + 1] === '/') i = s.indexOf('\n', i) === -1 ? s.length : s.indexOf('\n', i);
      else if (c === '/' && s[i + 1] === '*') i = s.indexOf('*/', i) === -1 ? fail(i, 'unterminated comment') : s.indexOf('*/', i) + 2;
      else if (c === '/') fail(i, 'a regex or division');
      else if (c === '"' || c === "'") i = skipQuoted(i);
      else if (c === '`') i = skipTemplate(i);
      else if (PAIRS[c]) i = code(i + 1, PAIRS[c]) + 1;
      else if (c === closer) return i;
      else if (c === '}' || c === ')' || c === ']') fail(i, `unbalanced "${c}"`);
      else i++;
    }
    return fail(i, 'unterminated object');
  };
  return code(open + 1, '}');
}

/**
 * The data chunk's JavaScript: every rule's docs as the library build has them, checked to survive
 * JSON (plain strings, lists and objects) so the CLI gets exactly the same values.
 */
export function docsChunkCode(libraryRules, stripped, isDeepStrictEqual) {
  const data = {};
  for (const r of libraryRules) data[r.id] = r.meta.docs;
  const missing = stripped.filter((id) => !data[id]);
  if (missing.length > 0) throw new Error(`lazy docs: no docs in the library build for ${missing.join(', ')}`);
  const json = JSON.stringify(Object.fromEntries(stripped.map((id) => [id, data[id]])));
  const back = JSON.parse(json);
  for (const id of stripped) {
    if (!isDeepStrictEqual(back[id], data[id])) throw new Error(`lazy docs: ${id}'s docs do not survive JSON`);
  }
  return `module.exports=JSON.parse(${JSON.stringify(json)});`;
}

export const DOCS_CHUNK_FILE = `${DATA_CHUNK}.cjs`;
