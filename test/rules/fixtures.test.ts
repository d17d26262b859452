/**
 * Fixture Dockerfiles with inline expectations: a `# expect: RULE[@column] ...` comment names every
 * finding the next line must produce, and a fixture may produce nothing else. Fixed output is
 * re-linted to prove each applied fix removed its finding.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/api.js';
import { applyFixes } from '../../src/engine/fix.js';
import { isTextLocation } from '../../src/finding.js';

const dir = resolve(import.meta.dirname, '../fixtures/dockerfiles');
const MARKER = /^\s*#\s*expect:\s*(.+)$/;

/** `line:RULE[@col]` keys the fixture expects. */
function expectations(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  let pending: string[] = [];
  lines.forEach((line, i) => {
    const m = MARKER.exec(line);
    if (m) {
      pending.push(...m[1].trim().split(/\s+/));
      return;
    }
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    for (const p of pending) {
      const [rule, col] = p.split('@');
      out.push(col ? `${i + 1}:${rule}@${col}` : `${i + 1}:${rule}`);
    }
    pending = [];
  });
  if (pending.length) throw new Error(`expect marker at the end of the file applies to no line: ${pending.join(' ')}`);
  return out.sort();
}

function actual(text: string, name: string, withColumns: Set<string>): string[] {
  return lintText(text, { path: name }).findings.map((f) => {
    const loc = f.location;
    if (!isTextLocation(loc)) throw new Error('Dockerfile finding without a text location');
    const key = `${loc.line}:${f.ruleId}`;
    return withColumns.has(key) ? `${key}@${loc.column}` : key;
  }).sort();
}

describe('fixture Dockerfiles with inline expectations', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.Dockerfile'));

  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it('parses markers onto the next code line', () => {
    expect(expectations('# expect: DF001@3 DF002\n\n# comment\nFROM x\n')).toEqual(['4:DF001@3', '4:DF002']);
    expect(() => expectations('FROM x\n# expect: DF001\n')).toThrow(/applies to no line/);
  });

  for (const file of files) {
    it(`${file}: reports exactly what its markers say`, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const want = expectations(text);
      const withColumns = new Set(want.filter((k) => k.includes('@')).map((k) => k.split('@')[0]));
      expect(actual(text, file, withColumns)).toEqual(want);
    });

    it(`${file}: every applied fix removes its finding`, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const before = lintText(text, { path: file }).findings;
      const fixable = before.filter((f) => f.fix);
      // Like `lint --fix`: overlapping fixes land in later passes, up to a fixed point.
      let fixed = text;
      let total = 0;
      for (let pass = 0; pass < 10; pass++) {
        const r = applyFixes(fixed, lintText(fixed, { path: file }).findings, true);
        if (r.applied === 0) break;
        fixed = r.text;
        total += r.applied;
      }
      if (fixable.length === 0) {
        expect(fixed).toBe(text);
        return;
      }
      expect(total).toBeGreaterThanOrEqual(fixable.length);
      const after = lintText(fixed, { path: file }).findings;
      const count = (list: typeof before, id: string) => list.filter((f) => f.ruleId === id).length;
      for (const id of new Set(fixable.map((f) => f.ruleId))) {
        expect(count(after, id), `${id} after fixing`).toBeLessThan(count(before, id));
      }
    });
  }
});
