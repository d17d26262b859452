import { describe, expect, it } from 'vitest';
import type { Edit, Finding } from '../../src/finding.js';
import { applyFixes } from '../../src/engine/fix.js';

const finding = (edits: Edit[], applicability: 'safe' | 'unsafe' = 'safe'): Finding =>
  ({ ruleId: 'DF000', ruleName: 'test', aliases: [], severity: 'warning', message: 'm', location: { file: 'f', line: 1, column: 1, endLine: 1, endColumn: 1 }, fingerprint: '0', fix: { title: 't', applicability, edits } }) as Finding;

describe('applyFixes', () => {
  it('takes whole fixes in order of their first edit; one that overlaps a taken edit waits', () => {
    const text = 'abcdefghij';
    const r = applyFixes(text, [
      finding([{ start: 2, end: 4, text: 'XY' }]),
      finding([{ start: 3, end: 5, text: '!' }]), // overlaps the first
      finding([{ start: 5, end: 5, text: '+' }, { start: 0, end: 1, text: 'A' }]), // first edit at 0: taken first
      finding([{ start: 5, end: 5, text: '-' }]), // insertion at the same point as another: waits
      finding([{ start: 6, end: 8, text: '' }]),
      finding([{ start: 9, end: 10, text: 'J' }], 'unsafe'),
    ], false);
    expect(r).toEqual({ text: 'AbXYe+fij', applied: 3 });
    expect(applyFixes(text, [finding([{ start: 9, end: 10, text: 'J' }], 'unsafe')], true)).toEqual({ text: 'abcdefghiJ', applied: 1 });
  });

  it('inserts before a replacement that starts at the same point; edits of one fix may overlap each other', () => {
    expect(applyFixes('abcdef', [finding([{ start: 2, end: 4, text: 'XY' }]), finding([{ start: 2, end: 2, text: '>' }])], false).text).toBe('ab>XYef');
    // Overlapping edits within one fix are applied one by one from the end.
    // ([2,5) first: ab2f; then [1,4) of that: a1.)
    expect(applyFixes('abcdef', [finding([{ start: 1, end: 4, text: '1' }, { start: 2, end: 5, text: '2' }])], false).text).toBe('a1');
  });

  it('an insertion where another fix deletes text waits: it would land on the text after the deletion', () => {
    // A .dockerignore whose duplicate line 2 is deleted while another fix prefixes it with **/.
    const text = 'a\nb\nb\nc\n';
    const del = finding([{ start: 4, end: 6, text: '' }]);
    const ins = finding([{ start: 4, end: 4, text: '**/' }]);
    expect(applyFixes(text, [del, ins], false)).toEqual({ text: 'a\nb\nc\n', applied: 1 });
    expect(applyFixes(text, [ins, del], false)).toEqual({ text: 'a\nb\n**/b\nc\n', applied: 1 });
    // At the end of a deletion, an insertion belongs to the text that follows: both are taken.
    expect(applyFixes(text, [del, finding([{ start: 6, end: 6, text: '**/' }])], false)).toEqual({ text: 'a\nb\n**/c\n', applied: 2 });
  });

  it('applies 30,000 fixes in one pass', () => {
    const lines = Array.from({ length: 30_000 }, (_, i) => `MAINTAINER m${i}\n`);
    const text = `FROM x\n${lines.join('')}`;
    let at = 'FROM x\n'.length;
    const findings = lines.map((l) => {
      const f = finding([{ start: at, end: at + 'MAINTAINER'.length, text: 'LABEL maintainer=' }]);
      at += l.length;
      return f;
    });
    const r = applyFixes(text, findings, false);
    expect(r.applied).toBe(30_000);
    expect(r.text).toBe(`FROM x\n${lines.map((l) => l.replace('MAINTAINER ', 'LABEL maintainer= ')).join('')}`);
  });
});

