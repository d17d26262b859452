import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/api.js';
import { applyFixes } from '../src/engine/fix.js';
import type { TextLocation } from '../src/finding.js';

/**
 * Fixture Dockerfiles carry their expectations inline: a comment `# expect: DF012 DF013@5` says the
 * next non-comment line gets exactly those findings (rule code, optionally @column). Every finding
 * of the default rule set must be expected, so a fixture pins the whole output. `<name>.fixed`
 * beside a fixture is the expected text after `--fix` (safe fixes), which must lint without the
 * fixed findings.
 */
const dir = resolve(import.meta.dirname, 'fixtures/dockerfiles');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.Dockerfile'));

function expectations(text: string): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  let pending: string[] = [];
  lines.forEach((line, i) => {
    const m = /^\s*#\s*expect:\s*(.*)$/.exec(line);
    if (m) {
      pending.push(...m[1].trim().split(/\s+/).filter(Boolean));
      return;
    }
    if (/^\s*(#.*)?$/.test(line)) return;
    for (const p of pending) {
      const [code, col] = p.split('@');
      out.push(col ? `${i + 1}:${col} ${code}` : `${i + 1} ${code}`);
    }
    pending = [];
  });
  return out.sort();
}

describe('fixture Dockerfiles with inline expectations', () => {
  it('has fixtures', () => expect(fixtures.length).toBeGreaterThan(2));
  for (const name of fixtures) {
    it(name, () => {
      const text = readFileSync(join(dir, name), 'utf8');
      const want = expectations(text);
      const withCols = new Set(want.filter((w) => w.includes(':')).map((w) => w.split(' ')[0].split(':')[0] + ' ' + w.split(' ')[1]));
      const got = lintText(text, { path: name }).findings.map((f) => {
        const l = f.location as TextLocation;
        return withCols.has(`${l.line} ${f.ruleId}`) ? `${l.line}:${l.column} ${f.ruleId}` : `${l.line} ${f.ruleId}`;
      }).sort();
      expect(got).toEqual(want);

      const fixedPath = join(dir, name.replace(/\.Dockerfile$/, '.fixed'));
      if (existsSync(fixedPath)) {
        let current = text;
        for (let pass = 0; pass < 10; pass++) {
          const r = applyFixes(current, lintText(current, { path: name }).findings, false);
          if (r.applied === 0) break;
          current = r.text;
        }
        expect(current).toBe(readFileSync(fixedPath, 'utf8'));
        expect(lintText(current, { path: name }).findings.filter((f) => f.fix?.applicability === 'safe')).toEqual([]);
      }
    });
  }
});
