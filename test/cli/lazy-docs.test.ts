import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { transformSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { matchingBrace, stripDocs } from '../../scripts/lazy-docs.mjs';
import { registry } from '../../src/api.js';

const allRules = registry.rules;
import { explainRule, listRules } from '../../src/cli/rules-command.js';

// The CLI build takes the docs out of each rule's meta and loads them on first use (scripts/lazy-docs.mjs).
const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/shipready.cjs');
const cli = join(root, 'dist/cli');

beforeAll(() => {
  if (!existsSync(join(cli, 'entry.cjs'))) spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
});

const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('finding the docs object', () => {
  const ruleFile = (docs: string) => `export default defineRule({\n  id: 'DF999',\n  meta: {\n    severity: 'warning',\n    docs: {\n${docs}\n    },\n    messages: { m: 'x' },\n  },\n  check() {},\n});\n`;

  it('skips braces inside strings, templates, nested objects and comments', () => {
    const cases = [
      `      summary: 'a } in single quotes and \\' an escaped quote',`,
      `      why: "a { in double quotes",`,
      '      bad: `FROM x\\nRUN echo ${"}"} ${`nested ${1}`} }`,',
      `      references: ['https://x/{y}'], // a comment with }\n      /* and } here */`,
      `      options: { nested: { deep: '}' } },`,
    ];
    for (const body of cases) {
      const src = ruleFile(body);
      const open = src.indexOf('docs: {') + 'docs: '.length;
      expect(src.slice(matchingBrace(src, open, 'x.ts') + 1)).toBe(',\n    messages: { m: \'x\' },\n  },\n  check() {},\n});\n');
    }
  });

  it('replaces the docs with a getter and keeps the rest of the file', () => {
    const { id, text } = stripDocs(ruleFile(`      summary: 'S',\n      why: 'W',`), 'x.ts');
    expect(id).toBe('DF999');
    expect(text).toBe("export default defineRule({\n  id: 'DF999',\n  meta: {\n    severity: 'warning',\n    get docs() { return __ruleDocs('DF999'); },\n    messages: { m: 'x' },\n  },\n  check() {},\n});\n");
  });

  it('refuses what it cannot read exactly', () => {
    expect(() => stripDocs(ruleFile(`      summary: 'S',`).replace("  id: 'DF999',\n", ''), 'x.ts')).toThrow('x.ts: expected one rule id line, found 0');
    expect(() => stripDocs(ruleFile(`      summary: 'S',`).replace('    docs: {', '    docs:{'), 'x.ts')).toThrow('expected one "    docs: {" line, found 0');
    expect(() => stripDocs(ruleFile(`      summary: 'unterminated,`), 'x.ts')).toThrow('line break in a string');
    expect(() => stripDocs(ruleFile(`      re: /}/,`), 'x.ts')).toThrow('a regex or division');
    expect(() => stripDocs(ruleFile(`      summary: ('S',`), 'x.ts')).toThrow('unbalanced "}"');
  });

  it('leaves every real rule file valid TypeScript with its docs gone', () => {
    let n = 0;
    for (const dir of ['dockerfile', 'compose', 'context', 'image']) {
      for (const f of readdirSync(join(root, 'src/rules', dir))) {
        const source = readFileSync(join(root, 'src/rules', dir, f), 'utf8');
        if (!/^export default define\w*Rule/m.test(source)) continue;
        const { id, text } = stripDocs(source, f);
        const rule = allRules.find((r) => r.id === id)!;
        expect(rule, f).toBeDefined();
        expect(() => transformSync(text, { loader: 'ts' }), f).not.toThrow();
        expect(text).not.toContain(rule.meta.docs.why.slice(0, 60));
        n++;
      }
    }
    expect(n).toBe(allRules.length);
  });
});

describe('the built CLI', () => {
  it('lists and explains every rule with the docs the rule files hold', () => {
    const list = run(['rules', '--json']);
    expect(list.status).toBe(0);
    expect(list.stdout).toBe(listRules(registry.rules, true));
    for (const key of ['DF114', 'DC033', 'IM026', 'DI006']) {
      const r = run(['explain', key]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(explainRule(registry, key));
    }
  });

  it('keeps the docs out of the chunks a Dockerfile lint loads', () => {
    const chunks = readdirSync(cli).filter((f) => f.endsWith('.cjs'));
    const holding = (text: string) => chunks.filter((f) => readFileSync(join(cli, f), 'latin1').includes(text));
    const why = allRules.find((r) => r.id === 'DF114')!.meta.docs.why.slice(0, 80);
    expect(holding(why)).toEqual(['rule-docs.cjs']);
  });
});
