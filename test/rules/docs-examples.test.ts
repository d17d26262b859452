import { describe, expect, it } from 'vitest';
import { dockerfileRules } from '../../src/rules/index.js';
import { runRule } from '../helpers/rule-tester.js';

// Every rule's documented bad example must fire and its good example must stay silent.
describe('rule docs examples', () => {
  // ShellCheck findings come from the external binary; test/engine/shellcheck.test.ts covers them.
  for (const rule of dockerfileRules.filter((r) => r.name !== 'shellcheck')) {
    it(`${rule.id} ${rule.name}: bad example fires`, () => {
      expect(runRule(rule, { code: rule.meta.docs.bad, settings: rule.meta.docs.settings }).length).toBeGreaterThan(0);
    });
    it(`${rule.id} ${rule.name}: good example is clean`, () => {
      expect(runRule(rule, { code: rule.meta.docs.good, settings: rule.meta.docs.settings }).map((f) => f.message)).toEqual([]);
    });
  }
});
