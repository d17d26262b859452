import { describe, expect, it } from 'vitest';
import { contextRules } from '../../src/rules/index.js';
import type { ContextRule } from '../../src/rules/context-types.js';
import { runContextRule } from '../helpers/context-tester.js';

// Every context rule's documented trees: the bad one fires, the good one stays silent.
describe('context rule docs examples', () => {
  for (const rule of contextRules as ContextRule[]) {
    const d = rule.meta.docs;
    it(`${rule.id} ${rule.name}: bad tree fires`, () => {
      expect(runContextRule(rule, { files: d.badFiles as Record<string, string>, options: d.exampleOptions }).findings.length).toBeGreaterThan(0);
    });
    it(`${rule.id} ${rule.name}: good tree is clean`, () => {
      expect(runContextRule(rule, { files: d.goodFiles as Record<string, string>, options: d.exampleOptions }).findings.map((f) => f.message)).toEqual([]);
    });
    it(`${rule.id} ${rule.name}: the docs text shows the trees`, () => {
      expect(d.bad).toContain('# ---- Dockerfile ----');
      expect(d.good).toContain('# ---- Dockerfile ----');
    });
  }
});
