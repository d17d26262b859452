import { describe, expect, it } from 'vitest';
import type { ComposeRule } from '../../src/rules/compose-types.js';
import { composeRules } from '../../src/rules/index.js';
import { findingsOf } from '../helpers/compose-tester.js';

// Every Compose rule's documented bad example must fire and its good example must stay silent.
describe('compose rule docs examples', () => {
  for (const rule of composeRules as ComposeRule[]) {
    it(`${rule.id} ${rule.name}: bad example fires`, () => {
      expect(findingsOf(rule, { code: rule.meta.docs.bad }).length).toBeGreaterThan(0);
    });
    it(`${rule.id} ${rule.name}: good example is clean`, () => {
      expect(findingsOf(rule, { code: rule.meta.docs.good }).map((f) => f.message)).toEqual([]);
    });
  }
});
